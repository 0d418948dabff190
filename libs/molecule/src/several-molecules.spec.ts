import { Testing as Cdk8sTesting } from 'cdk8s';
import { Construct } from 'constructs';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { listResources, synthConstruct, validateKubernetesObject } from '@boomi-eks/testing';
import { AP_ID, FS_ID, renderMolecule } from '../test/molecule-fixtures';
import { ChartManifests } from './manifest-bridge';
import { MoleculeChart } from './molecule-chart';
import { MoleculeChartProps } from './molecule-props';

const AP_B = 'fsap-0fedcba9876543210';

/** Team A: the defaults' shape, named; team B: its own namespace, atom, secret, HPA bounds and access point. */
const TEAM_A: Partial<MoleculeChartProps> = { name: 'team-a', namespace: 'team-a', atomName: 'team-a-molecule', secretName: 'team-a-secret' };
const TEAM_B: Partial<MoleculeChartProps> = {
  name: 'team-b',
  namespace: 'team-b',
  atomName: 'team-b-molecule',
  secretName: 'team-b-secret',
  accessPointId: AP_B,
  hpa: { minReplicas: 2, maxReplicas: 6 },
  // Team B uses team A's StorageClass.
  storage: { storageClassName: 'team-a-efs-sc', createStorageClass: false },
};

/** Two MoleculeCharts → two ChartManifests in one stack (one cluster). */
function synthTwo(a: Partial<MoleculeChartProps>, b: Partial<MoleculeChartProps>) {
  return synthConstruct((scope: Construct) => {
    new KubernetesProvider(scope, 'kubernetes', {});
    const charts = [a, b].map((p, i) => new MoleculeChart(Cdk8sTesting.app(), `molecule-${i}`, { fileSystemId: FS_ID, accessPointId: AP_ID, ...p }));
    charts.forEach((chart, i) => new ChartManifests(scope, i === 0 ? 'molecule' : `molecule-${i}`, { chart }));
    return charts;
  });
}

describe('MoleculeChart storage names', () => {
  it("keeps seed 000's names and mount options by default (one Molecule per cluster)", () => {
    const m = renderMolecule();
    expect(m.one('StorageClass').metadata.name).toBe('efs-sc');
    expect(m.one('PersistentVolume').metadata.name).toBe('efs-pv');
    expect(m.one('PersistentVolume').spec.mountOptions).toEqual(['tls', 'iam']);
    expect(m.one('PersistentVolumeClaim').metadata.name).toBe('efs-claim');
    expect(m.chart.storageClass).toBeDefined();
  });

  it("prefixes the cluster-scoped names with the Molecule's name; the claim (namespaced) keeps its name", () => {
    const m = renderMolecule({ name: 'team-a' });
    expect(m.one('StorageClass').metadata.name).toBe('team-a-efs-sc');
    const pv = m.one('PersistentVolume');
    expect(pv.metadata.name).toBe('team-a-efs-pv');
    expect(pv.spec.storageClassName).toBe('team-a-efs-sc');
    const pvc = m.one('PersistentVolumeClaim');
    expect(pvc.metadata.name).toBe('efs-claim');
    expect(pvc.spec).toMatchObject({ storageClassName: 'team-a-efs-sc', volumeName: 'team-a-efs-pv' });
    const claim = m.one('StatefulSet').spec.template.spec.volumes.find((v: any) => v.name === 'molecule-storage');
    expect(claim.persistentVolumeClaim.claimName).toBe('efs-claim');
  });

  it('uses a shared StorageClass without emitting one, and takes given names and mount options', () => {
    const m = renderMolecule({
      storage: {
        storageClassName: 'shared-efs',
        createStorageClass: false,
        persistentVolumeName: 'b-pv',
        persistentVolumeClaimName: 'b-claim',
        mountOptions: ['tls', 'iam', 'noresvport'],
      },
    });
    expect(m.all('StorageClass')).toHaveLength(0);
    expect(m.chart.storageClass).toBeUndefined();
    const pv = m.one('PersistentVolume');
    expect(pv.metadata.name).toBe('b-pv');
    expect(pv.spec).toMatchObject({ storageClassName: 'shared-efs', mountOptions: ['tls', 'iam', 'noresvport'] });
    expect(m.one('PersistentVolumeClaim').metadata.name).toBe('b-claim');
    const claim = m.one('StatefulSet').spec.template.spec.volumes.find((v: any) => v.name === 'molecule-storage');
    expect(claim.persistentVolumeClaim.claimName).toBe('b-claim');
  });

  it('refuses a bad name, storage name or mount option, naming the field', () => {
    expect(() => renderMolecule({ name: 'Team_A' })).toThrow(/name: \('Team_A'\) must be a DNS-1123 label/);
    expect(() => renderMolecule({ storage: { persistentVolumeName: 'PV!' } })).toThrow(/storage.persistentVolumeName: \('PV!'\)/);
    expect(() => renderMolecule({ storage: { mountOptions: ['tls,iam'] } })).toThrow(/storage.mountOptions\[0\]: \('tls,iam'\)/);
  });
});

describe('two Molecules on one cluster', () => {
  const { json, result: charts } = synthTwo(TEAM_A, TEAM_B);
  const manifests = listResources(json, Manifest.tfResourceType).map((r) => r.manifest as Record<string, any>);
  const named = (kind: string) => manifests.filter((m) => m.kind === kind).map((m) => `${m.metadata.namespace ?? ''}/${m.metadata.name}`);

  it('synthesizes one StorageClass, a PV per Molecule on its own access point, and each namespaced object in its namespace', () => {
    expect(named('StorageClass')).toEqual(['/team-a-efs-sc']);
    expect(named('PersistentVolume').sort()).toEqual(['/team-a-efs-pv', '/team-b-efs-pv']);
    const handles = manifests.filter((m) => m.kind === 'PersistentVolume').map((m) => m.spec.csi.volumeHandle);
    expect(handles.sort()).toEqual([`${FS_ID}::${AP_B}`, `${FS_ID}::${AP_ID}`].sort());
    expect(named('Namespace').sort()).toEqual(['/team-a', '/team-b']);
    expect(named('PersistentVolumeClaim').sort()).toEqual(['team-a/efs-claim', 'team-b/efs-claim']);
    expect(named('StatefulSet').sort()).toEqual(['team-a/molecule', 'team-b/molecule']);
    expect(named('NetworkPolicy')).toHaveLength(4);
  });

  it("keeps each Molecule's atom name, Secret and HPA bounds", () => {
    const sts = (ns: string) => manifests.find((m) => m.kind === 'StatefulSet' && m.metadata.namespace === ns)!;
    const env = (ns: string) => sts(ns).spec.template.spec.containers[0].env as any[];
    expect(env('team-a').find((e) => e.name === 'BOOMI_ATOMNAME').value).toBe('team-a-molecule');
    expect(env('team-b').find((e) => e.name === 'BOOMI_ATOMNAME').value).toBe('team-b-molecule');
    expect(new Set(env('team-b').filter((e) => e.valueFrom?.secretKeyRef).map((e) => e.valueFrom.secretKeyRef.name))).toEqual(new Set(['team-b-secret']));
    const hpa = (ns: string) => manifests.find((m) => m.kind === 'HorizontalPodAutoscaler' && m.metadata.namespace === ns)!.spec;
    expect(hpa('team-a')).toMatchObject({ minReplicas: 3, maxReplicas: 20 });
    expect(hpa('team-b')).toMatchObject({ minReplicas: 2, maxReplicas: 6 });
  });

  it('passes the Kubernetes schema for every object of both charts', () => {
    for (const chart of charts) for (const o of chart.toJson()) expect(() => validateKubernetesObject(o)).not.toThrow();
  });

  it('refuses two charts that would make the same cluster-scoped object, naming the fix', () => {
    expect(() => synthTwo({ namespace: 'team-a' }, { namespace: 'team-b' })).toThrow(/cluster-scoped 'StorageClass\/efs-sc' is already made by .*give each MoleculeChart its own 'name'/);
    expect(() => synthTwo(TEAM_A, { ...TEAM_B, name: 'team-a' })).toThrow(/cluster-scoped 'PersistentVolume\/team-a-efs-pv' is already made/);
    expect(() => synthTwo(TEAM_A, { ...TEAM_B, namespace: 'team-a' })).toThrow(/cluster-scoped 'Namespace\/team-a' is already made/);
  });
});
