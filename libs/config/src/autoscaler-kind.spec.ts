import { validateEnvironment } from './environment';
import { CLUSTER_AUTOSCALER_ONLY_FIELDS } from './schema-karpenter';
import { BASE_INPUT as BASE, deepMerge, type Overrides, printed } from '../test/valid-input';

function validate(overrides: Overrides): readonly { path: string; message: string }[] {
  const result = validateEnvironment(deepMerge(BASE, overrides));
  return result.ok ? [] : printed(result.issues);
}
/** A karpenter environment: fixed-size ON_DEMAND system groups (1 per AZ). */
const KARPENTER: Overrides = { autoscaler: { kind: 'karpenter' }, nodeGroupDefaults: { minSize: 1, maxSize: 1, desiredSize: 1 } };
const karpenter = (more: Overrides = {}) => deepMerge(KARPENTER as Record<string, unknown>, more) as Overrides;

describe('autoscaler.kind', () => {
  it('defaults to cluster-autoscaler with Karpenter settings filled in but unused', () => {
    const r = validateEnvironment(BASE);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.environment.autoscaler.kind).toBe('cluster-autoscaler');
    expect(r.environment.autoscaler.karpenter.moleculePool.limits).toEqual({ cpu: 32, memory: '128Gi' });
    expect(r.environment.autoscaler.karpenter.moleculePool.consolidateAfter).toBe('5m');
    expect(r.environment.autoscaler.karpenter.generalPool.limits).toEqual({ cpu: 16, memory: '64Gi' });
    expect(r.environment.autoscaler.karpenter.diskSizeGiB).toBe(20);
  });

  it('accepts a karpenter environment with fixed-size system groups', () => {
    expect(validate(KARPENTER)).toEqual([]);
  });

  it.each(CLUSTER_AUTOSCALER_ONLY_FIELDS.map((f) => [f]))('refuses the cluster-autoscaler field autoscaler.%s with kind karpenter, naming both fields', (field) => {
    const value = { imageTag: 'v1.36.1', expander: 'random', balanceSimilarNodeGroups: false, skipNodesWithLocalStorage: true, skipNodesWithSystemPods: true, scaleDownUnneededTime: '5m', scaleDownDelayAfterAdd: '5m', scaleDownDelayAfterFailure: '5m', scanInterval: '10s', maxNodesTotal: 10, extraArgs: { v: '4' }, resources: { requests: { cpu: '100m', memory: '300Mi' }, limits: { cpu: '100m', memory: '300Mi' } } }[field];
    const issues = validate(karpenter({ autoscaler: { [field]: value } }));
    const mine = issues.filter((i) => i.path === `autoscaler.${field}`);
    expect(mine).toHaveLength(1);
    expect(mine[0].message).toContain("autoscaler.kind is 'karpenter'");
    expect(mine[0].message).toContain(`remove autoscaler.${field}`);
  });

  it('refuses autoscaler.karpenter with kind cluster-autoscaler, explicit or by default', () => {
    for (const kind of [{ kind: 'cluster-autoscaler' as const }, {}]) {
      const issues = validate({ autoscaler: { ...kind, karpenter: { diskSizeGiB: 50 } } });
      expect(issues).toEqual([expect.objectContaining({ path: 'autoscaler.karpenter', message: expect.stringContaining("set autoscaler.kind to 'karpenter'") })]);
    }
  });

  it('reports the kind conflict next to schema errors', () => {
    const issues = validate(karpenter({ autoscaler: { expander: 'random', karpenter: { diskSizeGiB: 5 } } }));
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['autoscaler.karpenter.diskSizeGiB', 'autoscaler.expander']));
  });

  it('refuses karpenter with node groups that could scale or run on spot, at the field that sets them', () => {
    const issues = validate({ autoscaler: { kind: 'karpenter' } });
    expect(issues).toEqual([
      expect.objectContaining({ path: 'nodeGroupDefaults.maxSize', message: expect.stringMatching(/^\(100\) differs from minSize \(1\).*set minSize, maxSize and desiredSize to one count/) }),
    ]);
    const spot = validate(karpenter({ nodeGroupDefaults: { capacityType: 'SPOT' } }));
    expect(spot.map((i) => i.path)).toContain('nodeGroupDefaults.capacityType');
  });
});

describe('tags with karpenter', () => {
  it('refuses a tag key Karpenter sets itself, at the tag', () => {
    const issues = validate(karpenter({ tags: { 'eks:eks-cluster-name': 'x', Team: 'boomi' } }));
    expect(issues).toEqual([expect.objectContaining({ path: 'tags.eks:eks-cluster-name', message: expect.stringContaining("autoscaler.kind is 'karpenter'") })]);
    expect(validate({ tags: { 'eks:eks-cluster-name': 'x' } }).map((i) => i.path)).not.toContain('tags.eks:eks-cluster-name');
  });

  it('shows the tag\'s value, also for a key with dots in it', () => {
    const issues = validate(karpenter({ tags: { 'karpenter.sh/nodepool': 'mine' } }));
    expect(issues).toEqual([{ path: 'tags.karpenter.sh/nodepool', message: expect.stringMatching(/^\('mine'\) is a tag Karpenter sets/) }]);
  });
});

describe('capacity rule with karpenter', () => {
  it('refuses hpa.maxReplicas beyond the molecule NodePool limits, naming both fields and the limits that fit', () => {
    // 500m/1024Mi pods: 3 per m5.large (1730m free); cpu 4 → 2 × m5.large × 3 = 6 pods < 20.
    const issues = validate(karpenter({ autoscaler: { karpenter: { moleculePool: { instanceTypes: ['m5.large'], limits: { cpu: 4, memory: '64Gi' } } } } }));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('hpa.maxReplicas');
    expect(issues[0].message).toContain('(20) × 500m/1024Mi needs 20 pods');
    expect(issues[0].message).toContain('autoscaler.karpenter.moleculePool.limits (cpu 4, memory 64Gi) hold 2 × m5.large × 3 pods');
    // 20 pods / 3 per node = 7 nodes × 2 vCPU, 8 GiB.
    expect(issues[0].message).toContain('raise autoscaler.karpenter.moleculePool.limits to cpu 14 and memory 56Gi');
  });

  it('counts memory limits too, and the worst instance type of the pool', () => {
    const issues = validate(karpenter({ autoscaler: { karpenter: { moleculePool: { instanceTypes: ['m5.large', 'm5.2xlarge'], limits: { cpu: 64, memory: '24Gi' } } } } }));
    expect(issues.map((i) => i.path)).toEqual(['hpa.maxReplicas']);
    const fits = validate(karpenter({ autoscaler: { karpenter: { moleculePool: { instanceTypes: ['m5.large'], limits: { cpu: 14, memory: '56Gi' } } } } }));
    expect(fits).toEqual([]);
  });

  it('counts the general pool only with molecule.placement any', () => {
    const small = { autoscaler: { karpenter: { moleculePool: { instanceTypes: ['m5.large'], limits: { cpu: 8, memory: '32Gi' } } } } };
    expect(validate(karpenter(small)).map((i) => i.path)).toEqual(['hpa.maxReplicas']);
    expect(validate(karpenter({ ...small, molecule: { placement: 'any' } }))).toEqual([]);
  });

  it('with the autoscaler off, checks the node groups as they are (no NodePool exists)', () => {
    const off = { autoscaler: { kind: 'karpenter', enabled: false, karpenter: { moleculePool: { limits: { cpu: 1 } } } } } as Overrides;
    expect(validate(off)).toEqual([]);
    expect(validate(deepMerge(off as Record<string, unknown>, { nodeGroupDefaults: { maxSize: 1 } }) as Overrides).map((i) => i.path)).toEqual(['hpa.maxReplicas']);
  });

  it('refuses instance types without allocatable figures at their index', () => {
    const issues = validate(karpenter({ autoscaler: { karpenter: { generalPool: { instanceTypes: ['m5.large', 'x9.huge'] } } } }));
    expect(issues).toEqual([expect.objectContaining({ path: 'autoscaler.karpenter.generalPool.instanceTypes[1]', message: expect.stringContaining("('x9.huge') has no allocatable") })]);
  });
});
