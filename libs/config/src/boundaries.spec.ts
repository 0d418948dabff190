// Boundaries a mutation run of libs/config (StrykerJS) found no test pinning:
// each case sits exactly on a rule's edge, so flipping a comparison, an
// operator or a constant makes one of them fail.
import { validateEnvironment, type ValidationResult } from './environment';
import { INSTANCE_ALLOCATABLE, NODE_SYSTEM_RESERVE, podsPerNode } from './capacity';
import { parseCidr, subdivide, mustParseCidr } from '@boomi-eks/primitives';
import { minorOf } from '@boomi-eks/primitives';
import { validInput, type Overrides, printed } from '../test/valid-input';

const issuesOf = (r: ValidationResult): readonly { path: string; message: string }[] => (r.ok ? [] : printed(r.issues));
const validate = (o: Overrides) => issuesOf(validateEnvironment(validInput(o)));
const paths = (o: Overrides) => validate(o).map((i) => i.path);

describe("the capacity rule's per-node reserve is subtracted, not added", () => {
  const m5 = INSTANCE_ALLOCATABLE['m5.large']; // 1930m / 6903Mi / 29 pods; reserve 200m / 400Mi / 4 pods
  it('memory: 6503Mi left, so one 6503Mi pod fits and a 6504Mi one does not', () => {
    expect(podsPerNode(m5, { cpuMillicores: 100, memoryMiB: 6503 })).toBe(1);
    expect(podsPerNode(m5, { cpuMillicores: 100, memoryMiB: 6504 })).toBe(0);
  });
  it('memory binds: 100m/1024Mi gives ⌊6503 / 1024⌋ = 6 pods (adding the reserve would give 7)', () => {
    expect(podsPerNode(m5, { cpuMillicores: 100, memoryMiB: 1024 })).toBe(6);
  });
  it('cpu: 1730m left, so one 1730m pod fits and a 1731m one does not', () => {
    expect(podsPerNode(m5, { cpuMillicores: 1730, memoryMiB: 64 })).toBe(1);
    expect(podsPerNode(m5, { cpuMillicores: 1731, memoryMiB: 64 })).toBe(0);
  });
  it('pod slots: tiny pods stop at max pods − 4 DaemonSet pods = 25', () => {
    expect(podsPerNode(m5, { cpuMillicores: 1, memoryMiB: 1 })).toBe(m5.maxPods - NODE_SYSTEM_RESERVE.pods);
  });
  it('a zero request does not make the count NaN or Infinity', () => {
    expect(podsPerNode(m5, { cpuMillicores: 0, memoryMiB: 0 })).toBe(25);
    expect(podsPerNode(m5, { cpuMillicores: 0, memoryMiB: 1024 })).toBe(6);
    expect(podsPerNode(m5, { cpuMillicores: 1930, memoryMiB: 0 }, { cpuMillicores: 1930, memoryMiB: 0, pods: 0 })).toBe(0);
  });
  it('the capacity error counts with the reserve subtracted (3 pods of 500m/2Gi per m5.large, not 3.5)', () => {
    // ⌊6503 / 2048⌋ = 3 pods per node; with the reserve added it would be ⌊7303 / 2048⌋ = 3 too, so use 1.7Gi:
    // ⌊6503 / 1741⌋ = 3, ⌊7303 / 1741⌋ = 4.
    const issues = validate({
      molecule: { heapMiB: 1024, resources: { requests: { cpu: '250m', memory: '1741Mi' }, limits: { cpu: '1', memory: '2200Mi' } } },
      nodeGroupDefaults: { maxSize: 2 },
      hpa: { maxReplicas: 20 },
    });
    expect(issues).toEqual([{ path: 'hpa.maxReplicas', message: expect.stringContaining('hold at most 18 (3 groups × max 2 nodes × 3 pods per m5.large)') }]);
  });
});

describe("the capacity error's advice has real numbers", () => {
  const mixed = (maxReplicas: number) => ({
    hpa: { maxReplicas },
    nodeGroups: [
      { name: 'a', availabilityZone: 'us-east-1a', instanceTypes: ['m5.xlarge'], maxSize: 2 },
      { name: 'b', availabilityZone: 'us-east-1b', instanceTypes: ['m5.large'], maxSize: 2 },
      { name: 'c', availabilityZone: 'us-east-1c', instanceTypes: ['m5.large'], maxSize: 2 },
    ],
  });
  it('mixed groups: the nodes to add to the group that holds the most pods per node', () => {
    // 26 fit; 30 − 26 = 4 more pods, 7 per m5.xlarge → 1 node; 40 → 14 more → 2 nodes.
    expect(validate(mixed(30))[0].message).toContain('raise the maxSize of the m5.xlarge group by 1 node in total (7 pods per node), use a larger instance type');
    expect(validate(mixed(40))[0].message).toContain('by 2 nodes in total');
  });
  it('mixed groups where some hold no pod: never Infinity or NaN', () => {
    const issues = validate({
      hpa: { maxReplicas: 30 },
      molecule: { heapMiB: 2048, resources: { requests: { cpu: '1', memory: '7Gi' }, limits: { cpu: '2', memory: '9Gi' } } },
      nodeGroups: [
        { name: 'a', availabilityZone: 'us-east-1a', instanceTypes: ['m5.2xlarge'], maxSize: 2 },
        { name: 'b', availabilityZone: 'us-east-1b', instanceTypes: ['m5.large'], maxSize: 2 },
      ],
    });
    expect(issues).toHaveLength(1);
    // 2 × 4 = 8 fit on the m5.2xlarge group, none on m5.large: ⌈(30 − 8) / 4⌉ = 6 more nodes.
    expect(issues[0].message).toContain('raise the maxSize of the m5.2xlarge group by 6 nodes in total (4 pods per node)');
    expect(issues[0].message).not.toMatch(/Infinity|NaN/);
  });
  it('no group holds a pod: no maxSize advice at all, never Infinity', () => {
    const issues = validate({
      molecule: { heapMiB: 2048, resources: { requests: { cpu: '1', memory: '7Gi' }, limits: { cpu: '2', memory: '9Gi' } } },
      nodeGroups: [
        { name: 'a', availabilityZone: 'us-east-1a', instanceTypes: ['m5.large'], maxSize: 2 },
        { name: 'b', availabilityZone: 'us-east-1b', instanceTypes: ['t3.large'], maxSize: 2 },
      ],
    });
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('so the rest would stay Pending: use a larger instance type');
    expect(issues[0].message).not.toMatch(/Infinity|NaN|maxSize/);
  });
});

describe('hpa bounds', () => {
  it('minReplicas equal to maxReplicas is accepted; one above is refused', () => {
    expect(validate({ hpa: { minReplicas: 3, maxReplicas: 3 }, molecule: { replicas: 3 } })).toEqual([]);
    expect(paths({ hpa: { minReplicas: 4, maxReplicas: 3 }, molecule: { replicas: 3 } })).toContain('hpa.minReplicas');
  });
  it('replicas at either HPA bound are accepted', () => {
    expect(validate({ hpa: { minReplicas: 2, maxReplicas: 5 }, molecule: { replicas: 2 } })).toEqual([]);
    expect(validate({ hpa: { minReplicas: 2, maxReplicas: 5 }, molecule: { replicas: 5 } })).toEqual([]);
  });
});

describe('service CIDR: EKS takes /12 to /24 inside RFC 1918', () => {
  const refusal = { path: 'cluster.serviceIpv4Cidr', message: expect.stringContaining('must be a /12 to /24 inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16') };
  it.each(['10.128.0.0/9', '10.192.0.0/10', '10.224.0.0/11'])('refuses %s (inside 10/8, larger than /12)', (c) => {
    expect(validate({ cluster: { serviceIpv4Cidr: c } })).toEqual([refusal]);
  });
  it.each(['192.160.0.0/12', '192.168.0.0/13', '192.168.0.0/14', '192.168.0.0/15'])('refuses %s (holds 192.168.0.0/16 and addresses outside it)', (c) => {
    expect(validate({ cluster: { serviceIpv4Cidr: c } })).toEqual([refusal]);
  });
  it.each(['172.16.0.0/12', '10.224.0.0/12', '192.168.0.0/16', '172.20.0.0/24'])('accepts %s', (c) => {
    expect(validate({ cluster: { serviceIpv4Cidr: c } })).toEqual([]);
  });
  it('refuses /25', () => {
    expect(validate({ cluster: { serviceIpv4Cidr: '172.20.0.0/25' } })).toEqual([refusal]);
  });
});

describe('memory request against 1.2 × heap', () => {
  const withRequest = (memory: string) => ({ molecule: { heapMiB: 1000, resources: { requests: { cpu: '500m', memory }, limits: { cpu: '1', memory: '2000Mi' } } } });
  it('exactly 1.2 × heap (1200Mi for 1000) is accepted', () => {
    expect(validate(withRequest('1200Mi'))).toEqual([]);
  });
  it('one MiB under is refused, with the exact fix', () => {
    expect(validate(withRequest('1199Mi'))).toEqual([
      { path: 'molecule.resources.requests.memory', message: "('1199Mi') must be ≥ 1.2 × heap (1000Mi from molecule.heapMiB): raise it to 1200Mi or lower the heap" },
    ]);
  });
  it('the limit at exactly 1.25 × request is accepted, one under refused', () => {
    expect(validate({ molecule: { resources: { requests: { cpu: '500m', memory: '1024Mi' }, limits: { cpu: '1', memory: '1280Mi' } } } })).toEqual([]);
    expect(paths({ molecule: { resources: { requests: { cpu: '500m', memory: '1024Mi' }, limits: { cpu: '1', memory: '1279Mi' } } } })).toEqual(['molecule.resources.limits.memory']);
  });
});

describe('CIDR prefixes', () => {
  it('/32 parses, /33 and above do not', () => {
    expect(parseCidr('10.0.0.1/32')).toEqual({ network: 0x0a000001, prefix: 32 });
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('10.0.0.0/99')).toBeUndefined();
  });
  it('/0 parses (the whole internet)', () => {
    expect(parseCidr('0.0.0.0/0')).toEqual({ network: 0, prefix: 0 });
  });
  it('subdivide refuses a prefix above /32', () => {
    expect(() => subdivide(mustParseCidr('10.0.0.0/24'), 33, 0)).toThrow('cannot carve a /33 out of 10.0.0.0/24');
    expect(subdivide(mustParseCidr('10.0.0.0/24'), 32, 255)).toEqual({ network: 0x0a0000ff, prefix: 32 });
  });
});

describe('minorOf', () => {
  it.each([
    ['v1.33.2', '1.33'],
    ['1.33.2', '1.33'],
    ['1.33', '1.33'],
    ['v1.9', '1.9'],
  ])('%s → %s', (v, minor) => {
    expect(minorOf(v)).toBe(minor);
  });
  it.each(['latest', 'v1', 'x1.33'])('%s has none', (v) => {
    expect(minorOf(v)).toBeUndefined();
  });
});

describe('schema bounds', () => {
  it.each<[string, Overrides, Overrides, string]>([
    ['molecule.heapMiB ≥ 64', { molecule: { heapMiB: 64 } }, { molecule: { heapMiB: 63 } }, 'molecule.heapMiB'],
    ['diskSizeGiB ≥ 20', { nodeGroupDefaults: { diskSizeGiB: 20 } }, { nodeGroupDefaults: { diskSizeGiB: 19 } }, 'nodeGroupDefaults.diskSizeGiB'],
    ['molecule.replicas ≥ 1', { molecule: { replicas: 1 }, hpa: { enabled: false } }, { molecule: { replicas: 0 }, hpa: { enabled: false } }, 'molecule.replicas'],
    ['hpa.memoryUtilization ≤ 100', { hpa: { memoryUtilization: 100 } }, { hpa: { memoryUtilization: 101 } }, 'hpa.memoryUtilization'],
    ['hpa.memoryUtilization ≥ 1', { hpa: { memoryUtilization: 1 } }, { hpa: { memoryUtilization: 0 } }, 'hpa.memoryUtilization'],
    ['stabilization window ≤ 3600', { hpa: { scaleDown: { stabilizationWindowSeconds: 3600 } } }, { hpa: { scaleDown: { stabilizationWindowSeconds: 3601 } } }, 'hpa.scaleDown.stabilizationWindowSeconds'],
    ['stabilization window ≥ 0', { hpa: { scaleDown: { stabilizationWindowSeconds: 0 } } }, { hpa: { scaleDown: { stabilizationWindowSeconds: -1 } } }, 'hpa.scaleDown.stabilizationWindowSeconds'],
    ['autoscaler image tag with a patch part', { autoscaler: { imageTag: 'v1.36.0' } }, { autoscaler: { imageTag: 'v1.36' } }, 'autoscaler.imageTag'],
  ])('%s: the edge is accepted, one past it refused', (_what, edge, past, path) => {
    expect(validate(edge)).toEqual([]);
    expect(paths(past)).toEqual([path]);
  });
});
