import {
  INSTANCE_ALLOCATABLE,
  NODE_MONITORING_AGENT_REQUESTS,
  NODE_SYSTEM_RESERVE,
  nodeadmAllocatable,
  nodeReserve,
  podsPerNode,
} from './capacity';
import { defineEnvironment, validateEnvironment } from './environment';
import type { EnvironmentInput } from './schema';

import { BASE_INPUT as BASE, deepMerge, type Overrides, printed } from '../test/valid-input';

function validate(overrides: Overrides): readonly { path: string; message: string }[] {
  const result = validateEnvironment(deepMerge(BASE, overrides));
  return result.ok ? [] : printed(result.issues);
}
const requests = (cpu: string, memory: string, limitCpu: string, limitMemory: string): Overrides => ({
  molecule: { resources: { requests: { cpu, memory }, limits: { cpu: limitCpu, memory: limitMemory } } },
});
const groupMax = (maxSize: number): Overrides => ({ nodeGroupDefaults: { maxSize } });

describe('INSTANCE_ALLOCATABLE', () => {
  it.each(Object.entries(INSTANCE_ALLOCATABLE))('%s is nodeadm’s allocatable for its vCPUs, GiB and max pods', (_type, row) => {
    expect({ cpuMillicores: row.cpuMillicores, memoryMiB: row.memoryMiB }).toEqual(nodeadmAllocatable(row.vcpu, row.memoryGiB, row.maxPods));
  });

  it('holds the types the environments and the docs use', () => {
    for (const t of ['m5.large', 'm5.xlarge', 'm5.2xlarge', 'm6i.large', 'm6i.xlarge', 'm6i.2xlarge', 'c5.xlarge', 'r5.large', 't3.large', 't3.xlarge']) {
      expect(INSTANCE_ALLOCATABLE[t]).toBeDefined();
    }
  });

  it('matches the cpu reserve of amazon-eks-ami for 2, 4 and 8 vCPUs (70m, 80m, 90m)', () => {
    expect(nodeadmAllocatable(2, 8, 29).cpuMillicores).toBe(1930);
    expect(nodeadmAllocatable(4, 16, 58).cpuMillicores).toBe(3920);
    expect(nodeadmAllocatable(8, 32, 58).cpuMillicores).toBe(7910);
  });

  it('reserves 11 MiB per max pod + 255 MiB and 100 MiB eviction from 92.5 % of nominal memory', () => {
    // m5.large: ⌊8192 × 0.925⌋ = 7577; 7577 − (11 × 29 + 255) − 100 = 6903
    expect(nodeadmAllocatable(2, 8, 29).memoryMiB).toBe(6903);
  });
});

describe('podsPerNode', () => {
  it('counts by cpu when cpu runs out first (m5.large, 500m/1024Mi → 1730m free → 3)', () => {
    expect(podsPerNode(INSTANCE_ALLOCATABLE['m5.large'], { cpuMillicores: 500, memoryMiB: 1024 })).toBe(3);
  });

  it('counts by memory when memory runs out first (m5.large, 500m/3072Mi → 6503Mi free → 2)', () => {
    expect(podsPerNode(INSTANCE_ALLOCATABLE['m5.large'], { cpuMillicores: 500, memoryMiB: 3072 })).toBe(2);
  });

  it('never exceeds max pods less the DaemonSet pods', () => {
    expect(podsPerNode(INSTANCE_ALLOCATABLE['m5.large'], { cpuMillicores: 1, memoryMiB: 1 })).toBe(29 - NODE_SYSTEM_RESERVE.pods);
  });

  it('is 0 when one pod is larger than a node', () => {
    expect(podsPerNode(INSTANCE_ALLOCATABLE['m5.large'], { cpuMillicores: 2000, memoryMiB: 1024 })).toBe(0);
  });
});

describe('capacity rule: accepted', () => {
  it.each<[string, Overrides]>([
    ['seed 000 (3 groups × max 100 m5.large, HPA max 20)', {}],
    // Mirrors apps/platform/src/environments/dev.ts: 2 × 3 × 3 = 18 ≥ 6.
    [
      'dev: 2 AZs, m5.large max 3, HPA max 6',
      {
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        nodeGroupDefaults: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 3, desiredSize: 1 },
        hpa: { minReplicas: 3, maxReplicas: 6 },
        autoscaler: { maxNodesTotal: 6 },
      },
    ],
    // Mirrors apps/platform/src/environments/prod.ts: 3 × 100 × 3 = 900 ≥ 20.
    ['prod: 3 AZs, defaults 1..100, HPA max 20', { hpa: { maxReplicas: 20 } }],
    ['an exact fit (3 × 2 × 3 = 18 pods for HPA max 18)', { ...groupMax(2), hpa: { maxReplicas: 18 } }],
    ['the HPA off: molecule.replicas counts, not hpa.maxReplicas', { ...groupMax(1), hpa: { enabled: false, maxReplicas: 20 }, molecule: { replicas: 9 } }],
  ])('%s', (_title, overrides) => {
    expect(validate(overrides)).toEqual([]);
  });
});

describe('capacity rule: refused', () => {
  it('names hpa.maxReplicas, the pods needed, the pods that fit and how they add up', () => {
    expect(validate(groupMax(2))).toEqual([
      {
        path: 'hpa.maxReplicas',
        message: expect.stringContaining(
          '(20) × 500m/1024Mi needs 20 pods but the node groups hold at most 18 (3 groups × max 2 nodes × 3 pods per m5.large)',
        ),
      },
    ]);
  });

  it("gives the maxSize that would fit: ⌈20 / (3 groups × 3 pods)⌉ = 3", () => {
    const [issue] = validate(groupMax(2));
    expect(issue.message).toContain("raise the groups' maxSize to 3");
  });

  it('counts pods per node by memory when memory binds (500m/3Gi → 2 per m5.large)', () => {
    const issues = validate({ ...requests('500m', '3Gi', '1', '4Gi'), ...groupMax(3) });
    expect(issues).toEqual([
      {
        path: 'hpa.maxReplicas',
        message: expect.stringContaining('(20) × 500m/3Gi needs 20 pods but the node groups hold at most 18 (3 groups × max 3 nodes × 2 pods per m5.large)'),
      },
    ]);
  });

  it('names molecule.replicas when the HPA is off', () => {
    const issues = validate({ ...groupMax(1), hpa: { enabled: false }, molecule: { replicas: 10 } });
    expect(issues).toEqual([
      {
        path: 'molecule.replicas',
        message: expect.stringContaining('(10) × 500m/1024Mi needs 10 pods but the node groups hold at most 9 (3 groups × max 1 node × 3 pods per m5.large)'),
      },
    ]);
  });

  it("counts a group at its smallest instance type", () => {
    const issues = validate({ nodeGroupDefaults: { instanceTypes: ['m5.2xlarge', 'm5.large'], maxSize: 2 } });
    expect(issues).toContainEqual({ path: 'hpa.maxReplicas', message: expect.stringContaining('at most 18 (3 groups × max 2 nodes × 3 pods per m5.large)') });
  });

  it('adds up groups that differ (zone spread preferred, so only the sum counts)', () => {
    const issues = validate({
      molecule: { zoneSpread: 'preferred' },
      nodeGroups: [
        { name: 'a', availabilityZone: 'us-east-1a', instanceTypes: ['m5.xlarge'], maxSize: 2 },
        { name: 'b', availabilityZone: 'us-east-1b', instanceTypes: ['m5.large'], maxSize: 2 },
        { name: 'c', availabilityZone: 'us-east-1c', instanceTypes: ['m5.large'], maxSize: 2 },
      ],
    });
    // m5.xlarge: (3920 − 200) / 500 = 7 pods; 2 × 7 + 2 × 2 × 3 = 26 ≥ 20 would pass, so ask for 30.
    expect(issues).toEqual([]);
    const refused = validate({
      hpa: { maxReplicas: 30 },
      molecule: { zoneSpread: 'preferred' },
      nodeGroups: [
        { name: 'a', availabilityZone: 'us-east-1a', instanceTypes: ['m5.xlarge'], maxSize: 2 },
        { name: 'b', availabilityZone: 'us-east-1b', instanceTypes: ['m5.large'], maxSize: 2 },
        { name: 'c', availabilityZone: 'us-east-1c', instanceTypes: ['m5.large'], maxSize: 2 },
      ],
    });
    expect(refused).toEqual([
      {
        path: 'hpa.maxReplicas',
        message: expect.stringContaining(
          'needs 30 pods but the node groups hold at most 26 (1 group × max 2 nodes × 7 pods per m5.xlarge + 2 groups × max 2 nodes × 3 pods per m5.large)',
        ),
      },
    ]);
  });

  it('says when one pod is larger than a node', () => {
    const issues = validate(requests('2', '1024Mi', '2', '1536Mi'));
    expect(issues).toEqual([
      {
        path: 'hpa.maxReplicas',
        message: expect.stringContaining('A 2/1024Mi pod does not fit on a m5.large (1730m/6503Mi left after the 200m/400Mi system reserve)'),
      },
    ]);
    expect(issues[0].message).toContain('hold at most 0');
  });
});

describe('capacity rule: unknown instance types', () => {
  it('names nodeGroupDefaults.instanceTypes once, not once per AZ, and asks for the table entry', () => {
    const issues = validate({ nodeGroupDefaults: { instanceTypes: ['m7g.medium'] } });
    expect(issues).toEqual([
      {
        path: 'nodeGroupDefaults.instanceTypes',
        message: expect.stringContaining("('m7g.medium') has no allocatable cpu, memory and max pods in the capacity table"),
      },
    ]);
    expect(issues[0].message).toContain('add it to INSTANCE_ALLOCATABLE in libs/config/src/capacity.ts');
  });

  it('names the explicit group that sets it', () => {
    const issues = validate({
      nodeGroups: [
        { name: 'a', availabilityZone: 'us-east-1a' },
        { name: 'b', availabilityZone: 'us-east-1b', instanceTypes: ['m5.large', 'x9.huge'] },
      ],
    });
    expect(issues).toEqual([{ path: 'nodeGroups[1].instanceTypes', message: expect.stringContaining("('x9.huge')") }]);
  });
});

describe('nodeReserve: the DaemonSets of the extras', () => {
  const env = (overrides: Overrides) => defineEnvironment(deepMerge(BASE, overrides) as EnvironmentInput);

  it('is the system reserve itself when no extra is on', () => {
    expect(nodeReserve(env({}))).toBe(NODE_SYSTEM_RESERVE);
  });

  it('adds node-problem-detector and the node monitoring agent with nodeHealth', () => {
    expect(nodeReserve(env({ nodeHealth: { enabled: true } }))).toEqual({
      cpuMillicores: 200 + 20 + NODE_MONITORING_AGENT_REQUESTS.cpuMillicores,
      memoryMiB: 400 + 64 + NODE_MONITORING_AGENT_REQUESTS.memoryMiB,
      pods: 6,
    });
  });

  it('adds node-local-dns and node-exporter at their configured requests', () => {
    expect(nodeReserve(env({ nodeLocalDns: { enabled: true }, monitoring: { enabled: true, nodeExporterResources: { requests: { cpu: '50m', memory: '100Mi' }, limits: { cpu: '100m', memory: '200Mi' } } } }))).toEqual({
      cpuMillicores: 200 + 25 + 50,
      memoryMiB: 400 + 128 + 100,
      pods: 6,
    });
  });

  it('takes the Agent’s requests from its chart (10m / 30Mi)', () => {
    expect(NODE_MONITORING_AGENT_REQUESTS).toEqual({ cpuMillicores: 10, memoryMiB: 30 });
  });

  it('still fits 3 Molecule pods per m5.large with every extra on (seed 000 sizing holds)', () => {
    const all = env({ nodeHealth: { enabled: true }, nodeLocalDns: { enabled: true }, monitoring: { enabled: true } });
    expect(podsPerNode(INSTANCE_ALLOCATABLE['m5.large'], { cpuMillicores: 500, memoryMiB: 1024 }, nodeReserve(all))).toBe(3);
  });

  it('makes the capacity rule say so when the extras leave no room for a pod', () => {
    const issues = validate({
      nodeHealth: { enabled: true, resources: { requests: { cpu: '1500m', memory: '64Mi' }, limits: { cpu: '1500m', memory: '128Mi' } } },
      nodeGroupDefaults: { instanceTypes: ['m5.large'] },
    });
    expect(issues).toEqual([{ path: 'hpa.maxReplicas', message: expect.stringContaining('system + extras DaemonSet reserve') }]);
  });
});
