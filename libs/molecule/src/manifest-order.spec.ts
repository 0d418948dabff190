import { applyTier, manifestId } from './manifest-order';
import { withoutHpaManagedReplicas } from './hpa-replicas';

describe('manifestId', () => {
  it('is <kind>-<name> in lower case', () => {
    expect(manifestId({ kind: 'StatefulSet', metadata: { name: 'molecule' } })).toBe('statefulset-molecule');
    expect(manifestId({ kind: 'HorizontalPodAutoscaler', metadata: { name: 'molecule-hpa' } })).toBe('horizontalpodautoscaler-molecule-hpa');
  });

  it('replaces characters a Terraform address cannot hold', () => {
    expect(manifestId({ kind: 'ClusterRole', metadata: { name: 'system:molecule.reader' } })).toBe('clusterrole-system-molecule-reader');
  });
});

describe('applyTier', () => {
  it('puts Namespace, StorageClass, PV, PVC/Service, StatefulSet, HPA/PDB in that order', () => {
    const kinds = ['Namespace', 'StorageClass', 'PersistentVolume', 'PersistentVolumeClaim', 'StatefulSet', 'HorizontalPodAutoscaler'];
    expect(kinds.map(applyTier)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(applyTier('Service')).toBe(applyTier('PersistentVolumeClaim'));
    expect(applyTier('PodDisruptionBudget')).toBe(applyTier('HorizontalPodAutoscaler'));
    expect(applyTier('SomeCustomKind')).toBe(3);
  });
});

describe('withoutHpaManagedReplicas', () => {
  const ss = (name: string, namespace = 'boomi') => ({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name, namespace }, spec: { replicas: 3, serviceName: 's' } });
  const hpa = (target: string, namespace = 'boomi') => ({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: `${target}-hpa`, namespace },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'StatefulSet', name: target }, maxReplicas: 5 },
  });

  it('drops replicas only from the workload the HPA targets, in its namespace', () => {
    const out = withoutHpaManagedReplicas([ss('molecule'), ss('other'), ss('molecule', 'elsewhere'), hpa('molecule')]);
    expect(out[0].spec).toEqual({ serviceName: 's' });
    expect((out[1].spec as any).replicas).toBe(3);
    expect((out[2].spec as any).replicas).toBe(3);
  });

  it('returns the objects unchanged without an HPA', () => {
    const objects = [ss('molecule')];
    expect(withoutHpaManagedReplicas(objects)).toEqual(objects);
  });
});
