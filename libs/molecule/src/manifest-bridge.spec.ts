import { Testing as Cdk8sTesting } from 'cdk8s';
import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { resourcesOfType, synthConstruct } from '@boomi-eks/testing';
import { AP_ID, FS_ID } from '../test/molecule-fixtures';
import { ChartManifests, ChartManifestsProps } from './manifest-bridge';
import { MoleculeChart } from './molecule-chart';
import { MoleculeChartProps } from './molecule-props';

const TYPE = Manifest.tfResourceType;

/** Synthesizes ChartManifests for a MoleculeChart in a stack with a kubernetes provider. */
function synthMolecule(chartProps: Partial<MoleculeChartProps> = {}, bridgeProps: Partial<ChartManifestsProps> = {}) {
  return synthConstruct((scope: Construct) => {
    new KubernetesProvider(scope, 'kubernetes', {});
    const chart = new MoleculeChart(Cdk8sTesting.app(), 'molecule', { fileSystemId: FS_ID, accessPointId: AP_ID, ...chartProps });
    return new ChartManifests(scope, 'molecule', { chart, ...bridgeProps });
  });
}

/** Manifests keyed by `<kind>-<name>` (through each construct's logical id). */
function byId(json: ReturnType<typeof synthMolecule>['json'], bridge: ChartManifests) {
  const resources = resourcesOfType(json, TYPE);
  const address: Record<string, string> = {};
  const manifests: Record<string, Record<string, any>> = {};
  for (const [mid, m] of Object.entries(bridge.manifests)) {
    const key = m.friendlyUniqueId;
    if (!resources[key]) throw new Error(`no synthesized resource for ${m.node.path}`);
    address[mid] = `${TYPE}.${key}`;
    manifests[mid] = resources[key];
  }
  return { address, manifests };
}

describe('ChartManifests', () => {
  const { json, result: bridge } = synthMolecule();
  const { address, manifests } = byId(json, bridge);

  it('emits one kubernetes_manifest per chart object, with stable <kind>-<name> ids in apply order', () => {
    expect(Object.keys(resourcesOfType(json, TYPE))).toHaveLength(10);
    expect(bridge.manifestIds).toEqual([
      'namespace-boomi',
      'storageclass-efs-sc',
      'persistentvolume-efs-pv',
      'persistentvolumeclaim-efs-claim',
      'service-molecule-service',
      'networkpolicy-default-deny-all',
      'networkpolicy-molecule',
      'statefulset-molecule',
      'horizontalpodautoscaler-molecule-hpa',
      'poddisruptionbudget-molecule-pdb',
    ]);
    for (const [mid, m] of Object.entries(bridge.manifests)) expect(m.node.id).toBe(mid);
    for (const a of Object.values(address)) expect(a).toMatch(/^kubernetes_manifest\.molecule_[a-z-]+_[0-9A-F]{8}$/);
  });

  it('keeps the manifest content in camelCase, namespace only on namespaced objects', () => {
    const pv = manifests['persistentvolume-efs-pv'].manifest;
    expect(pv.spec.persistentVolumeReclaimPolicy).toBe('Retain');
    expect(pv.spec.csi.volumeHandle).toBe(`${FS_ID}::${AP_ID}`);
    expect(pv.metadata.namespace).toBeUndefined();
    expect(manifests['storageclass-efs-sc'].manifest.metadata.namespace).toBeUndefined();
    expect(manifests['service-molecule-service'].manifest.metadata.namespace).toBe('boomi');
    expect(manifests['horizontalpodautoscaler-molecule-hpa'].manifest.apiVersion).toBe('autoscaling/v2');
  });

  it('makes every namespaced manifest depend on the namespace manifest', () => {
    expect(manifests['namespace-boomi'].depends_on).toBeUndefined();
    for (const mid of bridge.manifestIds.slice(1)) expect(manifests[mid].depends_on).toContain(address['namespace-boomi']);
  });

  it('orders StorageClass → PV → PVC → StatefulSet → HPA/PDB', () => {
    const deps = (mid: string) => manifests[mid].depends_on as string[];
    expect(deps('persistentvolume-efs-pv')).toContain(address['storageclass-efs-sc']);
    for (const mid of bridge.manifestIds.slice(3)) {
      expect(deps(mid)).toEqual(expect.arrayContaining([address['storageclass-efs-sc'], address['persistentvolume-efs-pv']]));
    }
    expect(deps('statefulset-molecule')).toEqual(
      expect.arrayContaining([address['persistentvolumeclaim-efs-claim'], address['service-molecule-service']]),
    );
    expect(deps('persistentvolumeclaim-efs-claim')).not.toContain(address['statefulset-molecule']);
    expect(deps('horizontalpodautoscaler-molecule-hpa')).toContain(address['statefulset-molecule']);
  });

  it('leaves spec.replicas to the HPA by default', () => {
    expect(manifests['statefulset-molecule'].manifest.spec.replicas).toBeUndefined();
    expect(manifests['statefulset-molecule'].manifest.spec.serviceName).toBe('molecule-service');
  });

  it('keeps spec.replicas without an HPA, or when asked to', () => {
    const noHpa = synthMolecule({ hpa: { enabled: false } });
    expect(byId(noHpa.json, noHpa.result).manifests['statefulset-molecule'].manifest.spec.replicas).toBe(3);
    const kept = synthMolecule({}, { hpaOwnsReplicas: false });
    expect(byId(kept.json, kept.result).manifests['statefulset-molecule'].manifest.spec.replicas).toBe(3);
  });

  it('escapes ${ and %{ in values so Terraform passes them verbatim', () => {
    const { json: j, result } = synthMolecule({ vmOptionsOverrides: '-Dhome=${HOME}|-Dx=%{y}', containerPropertiesOverrides: 'a=${b}${c}' });
    const env: Array<{ name: string; value?: string }> = byId(j, result).manifests['statefulset-molecule'].manifest.spec.template.spec.containers[0].env;
    expect(env.find((e) => e.name === 'ATOM_VMOPTIONS_OVERRIDES')?.value).toBe('-Dhome=$${HOME}|-Dx=%%{y}');
    expect(env.find((e) => e.name === 'CONTAINER_PROPERTIES_OVERRIDES')?.value).toBe('a=$${b}$${c}');
  });

  it('resolves cdktf tokens instead of escaping them', () => {
    const { json: j } = synthConstruct((scope: Construct) => {
      new KubernetesProvider(scope, 'kubernetes', {});
      const fs = new TerraformVariable(scope, 'fs', { type: 'string' }).stringValue;
      const ap = new TerraformVariable(scope, 'ap', { type: 'string' }).stringValue;
      const chart = new MoleculeChart(Cdk8sTesting.app(), 'molecule', { fileSystemId: fs, accessPointId: ap });
      return new ChartManifests(scope, 'molecule', { chart });
    });
    const pv = Object.values(resourcesOfType(j, TYPE)).find((r) => r.manifest.kind === 'PersistentVolume')!;
    expect(pv.manifest.spec.csi.volumeHandle).toBe('${var.fs}::${var.ap}');
  });

  it('passes provider, fieldManager, computedFields (merged with the defaults) and dependsOn through', () => {
    const { json: j } = synthConstruct((scope: Construct) => {
      const provider = new KubernetesProvider(scope, 'kubernetes', { alias: 'eks' });
      const before = new TerraformVariable(scope, 'before', { type: 'string' });
      const chart = new MoleculeChart(Cdk8sTesting.app(), 'molecule', { fileSystemId: FS_ID, accessPointId: AP_ID });
      return new ChartManifests(scope, 'molecule', {
        chart,
        provider,
        fieldManager: { name: 'boomi-eks', forceConflicts: true },
        computedFields: ['spec.replicas'],
        dependsOn: [before],
      });
    });
    for (const r of Object.values(resourcesOfType(j, TYPE))) {
      expect(r.provider).toBe('kubernetes.eks');
      expect(r.field_manager).toEqual({ name: 'boomi-eks', force_conflicts: true });
      expect(r.computed_fields).toEqual(['metadata.annotations', 'metadata.labels', 'spec.replicas']);
      expect(r.depends_on).toContain('var.before');
    }
  });

  it('accepts rendered objects instead of a chart', () => {
    const { json: j, result } = synthConstruct((scope: Construct) => {
      new KubernetesProvider(scope, 'kubernetes', {});
      return new ChartManifests(scope, 'extra', {
        objects: [
          { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'molecule-extra', namespace: 'boomi' }, data: { 'a.b': 'x' } },
          { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'molecule.critical' }, value: 1000 },
        ],
      });
    });
    expect(result.manifestIds).toEqual(['priorityclass-molecule-critical', 'configmap-molecule-extra']);
    expect(Object.keys(resourcesOfType(j, TYPE))).toHaveLength(2);
  });

  it('rejects bad input with the reason', () => {
    const scope = () => synthConstruct((s: Construct) => s).stack;
    expect(() => new ChartManifests(scope(), 'm', {})).toThrow("give exactly one of 'chart' and 'objects'");
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'boomi' } };
    expect(() => new ChartManifests(scope(), 'm', { objects: [ns, ns] })).toThrow("both map to manifest id 'namespace-boomi'");
    const pv = { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'efs-pv', namespace: 'boomi' } };
    expect(() => new ChartManifests(scope(), 'm', { objects: [pv] })).toThrow("'PersistentVolume/boomi/efs-pv' is cluster-scoped");
  });
});
