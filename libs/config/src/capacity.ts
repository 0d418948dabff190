/**
 * Can the node groups hold the Molecule at its largest? The HPA (or the fixed
 * replica count) asks for N pods of the Molecule's requests; the autoscaler can
 * only add nodes up to each group's maxSize. When N pods do not fit, the extra
 * pods stay Pending forever (seed 003: replicas outgrowing the group bounds).
 *
 * The check is a bin count, not a sum of resources: a pod is not divisible
 * across nodes, so each node holds ⌊free cpu / pod cpu⌋ and ⌊free memory / pod
 * memory⌋ pods, whichever is fewer (and no more than its max pods).
 */
import type { ConfigIssue } from './errors';
import type { Environment } from './environment-types';
import { cpuToMillicores, memoryToMiB } from '@boomi-eks/primitives';

/** What Kubernetes can schedule on one node of an instance type. */
export interface InstanceAllocatable {
  /** Nominal vCPUs (EC2). */
  readonly vcpu: number;
  /** Nominal memory in GiB (EC2). */
  readonly memoryGiB: number;
  /** Max pods with the VPC CNI without prefix delegation (eni-max-pods.txt). */
  readonly maxPods: number;
  /** Allocatable cpu in millicores (see `nodeadmAllocatable`). */
  readonly cpuMillicores: number;
  /** Allocatable memory in MiB (see `nodeadmAllocatable`). */
  readonly memoryMiB: number;
}

/** Share of nominal memory the kernel reports as MemTotal (conservative: Karpenter's 7.5 % VM overhead). */
export const MEM_TOTAL_RATIO = 0.925;
/** Kubelet hard eviction threshold, `memory.available` (nodeadm default). */
export const EVICTION_HARD_MEMORY_MIB = 100;

/**
 * Allocatable of an EKS AL2023 node, as nodeadm configures the kubelet
 * (awslabs/amazon-eks-ami `nodeadm/internal/kubelet/config.go`):
 * - cpu: capacity − kubeReserved, where kubeReserved is 6 % of the 1st core,
 *   1 % of the 2nd, 0.5 % of the 3rd and 4th and 0.25 % of every core above 4;
 * - memory: MemTotal − kubeReserved (11 MiB × maxPods + 255 MiB) − evictionHard
 *   (100 MiB), with MemTotal taken as ⌊92.5 % of nominal⌋ (the kernel keeps the rest).
 * Every row of INSTANCE_ALLOCATABLE is this function's result (a test checks it).
 */
export function nodeadmAllocatable(vcpu: number, memoryGiB: number, maxPods: number): { cpuMillicores: number; memoryMiB: number } {
  const reservedCpu =
    60 * Math.min(vcpu, 1) +
    10 * Math.min(Math.max(vcpu - 1, 0), 1) +
    5 * Math.min(Math.max(vcpu - 2, 0), 2) +
    2.5 * Math.max(vcpu - 4, 0);
  const memTotal = Math.floor(memoryGiB * 1024 * MEM_TOTAL_RATIO);
  return {
    cpuMillicores: Math.floor(vcpu * 1000 - reservedCpu),
    memoryMiB: memTotal - (11 * maxPods + 255) - EVICTION_HARD_MEMORY_MIB,
  };
}

/**
 * Allocatable per instance type (AL2023 EKS nodes, VPC CNI without prefix
 * delegation). To add a type: look up its vCPUs, GiB and max pods
 * (amazon-eks-ami `eni-max-pods.txt`) and write `nodeadmAllocatable`'s result.
 */
export const INSTANCE_ALLOCATABLE: Readonly<Record<string, InstanceAllocatable>> = {
  't3.large': { vcpu: 2, memoryGiB: 8, maxPods: 35, cpuMillicores: 1930, memoryMiB: 6837 },
  't3.xlarge': { vcpu: 4, memoryGiB: 16, maxPods: 58, cpuMillicores: 3920, memoryMiB: 14162 },
  'm5.large': { vcpu: 2, memoryGiB: 8, maxPods: 29, cpuMillicores: 1930, memoryMiB: 6903 },
  'm5.xlarge': { vcpu: 4, memoryGiB: 16, maxPods: 58, cpuMillicores: 3920, memoryMiB: 14162 },
  'm5.2xlarge': { vcpu: 8, memoryGiB: 32, maxPods: 58, cpuMillicores: 7910, memoryMiB: 29317 },
  'm5a.large': { vcpu: 2, memoryGiB: 8, maxPods: 29, cpuMillicores: 1930, memoryMiB: 6903 },
  'm5a.xlarge': { vcpu: 4, memoryGiB: 16, maxPods: 58, cpuMillicores: 3920, memoryMiB: 14162 },
  'm5a.2xlarge': { vcpu: 8, memoryGiB: 32, maxPods: 58, cpuMillicores: 7910, memoryMiB: 29317 },
  'm6i.large': { vcpu: 2, memoryGiB: 8, maxPods: 29, cpuMillicores: 1930, memoryMiB: 6903 },
  'm6i.xlarge': { vcpu: 4, memoryGiB: 16, maxPods: 58, cpuMillicores: 3920, memoryMiB: 14162 },
  'm6i.2xlarge': { vcpu: 8, memoryGiB: 32, maxPods: 58, cpuMillicores: 7910, memoryMiB: 29317 },
  'c5.xlarge': { vcpu: 4, memoryGiB: 8, maxPods: 58, cpuMillicores: 3920, memoryMiB: 6584 },
  'r5.large': { vcpu: 2, memoryGiB: 16, maxPods: 29, cpuMillicores: 1930, memoryMiB: 14481 },
  // Graviton (arm64, amiType AL2023_ARM_64_STANDARD); max pods from eni-max-pods.txt (m7g.large 29, m7g.xlarge 58, m7g.2xlarge 58).
  'm7g.large': { vcpu: 2, memoryGiB: 8, maxPods: 29, cpuMillicores: 1930, memoryMiB: 6903 },
  'm7g.xlarge': { vcpu: 4, memoryGiB: 16, maxPods: 58, cpuMillicores: 3920, memoryMiB: 14162 },
  'm7g.2xlarge': { vcpu: 8, memoryGiB: 32, maxPods: 58, cpuMillicores: 7910, memoryMiB: 29317 },
};

/**
 * What every node gives to DaemonSets before any Molecule pod lands: aws-node
 * (VPC CNI), kube-proxy, eks-pod-identity-agent and efs-csi-node, one pod
 * each. Their requests add up to well under 200m / 400Mi today; the margin
 * covers their growth and the log/metrics agents clusters usually add.
 */
export const NODE_SYSTEM_RESERVE = { cpuMillicores: 200, memoryMiB: 400, pods: 4 } as const;

/** What each node gives to DaemonSets: cpu, memory and pod slots. */
export interface NodeReserve {
  readonly cpuMillicores: number;
  readonly memoryMiB: number;
  readonly pods: number;
}

/**
 * Requests of the EKS node monitoring agent add-on's DaemonSet (nodeHealth),
 * from its chart (aws/eks-node-monitoring-agent `charts/.../values.yaml`,
 * `nodeAgent.resources.requests`): the add-on is not configured by us.
 */
export const NODE_MONITORING_AGENT_REQUESTS = { cpuMillicores: 10, memoryMiB: 30 } as const;

/**
 * The per-node reserve of an environment: the system DaemonSets
 * ({@link NODE_SYSTEM_RESERVE}) plus the DaemonSets of the extras it turns on,
 * at their configured requests: node-problem-detector and the node monitoring
 * agent (`nodeHealth`), node-local-dns (`nodeLocalDns`), node-exporter
 * (`monitoring`). Each takes one pod slot too.
 */
/** The refusal of an instance type the capacity table does not know. */
export function unknownInstanceType(path: string, type: string): ConfigIssue {
  return {
    path,
    value: type,
    message: "has no allocatable cpu, memory and max pods in the capacity table, so the Molecule's fit cannot be checked",
    fix:
      `add it to INSTANCE_ALLOCATABLE in libs/config/src/capacity.ts or use one of ${Object.keys(INSTANCE_ALLOCATABLE).join(', ')}`,
  };
}

/** How many Molecule pods must fit (and the field that says so), and what one pod requests. */
export function moleculeDemand(env: Environment): {
  field: string;
  needed: number;
  requests: Environment['molecule']['resources']['requests'];
  pod: { cpuMillicores: number; memoryMiB: number };
} {
  const hpaOn = env.hpa.enabled;
  const requests = env.molecule.resources.requests;
  return {
    field: hpaOn ? 'hpa.maxReplicas' : 'molecule.replicas',
    needed: hpaOn ? env.hpa.maxReplicas : env.molecule.replicas,
    requests,
    pod: { cpuMillicores: cpuToMillicores(requests.cpu), memoryMiB: memoryToMiB(requests.memory) },
  };
}

export function nodeReserve(env: Environment): NodeReserve {
  const parts: { cpuMillicores: number; memoryMiB: number }[] = [];
  const req = (r: { requests: { cpu: string; memory: string } }) => ({
    cpuMillicores: cpuToMillicores(r.requests.cpu),
    memoryMiB: memoryToMiB(r.requests.memory),
  });
  if (env.nodeHealth.enabled) parts.push(req(env.nodeHealth.resources), NODE_MONITORING_AGENT_REQUESTS);
  if (env.nodeLocalDns.enabled) parts.push(req(env.nodeLocalDns.resources));
  if (env.monitoring.enabled) parts.push(req(env.monitoring.nodeExporterResources));
  return parts.reduce<NodeReserve>(
    (r, p) => ({ cpuMillicores: r.cpuMillicores + p.cpuMillicores, memoryMiB: r.memoryMiB + p.memoryMiB, pods: r.pods + 1 }),
    NODE_SYSTEM_RESERVE,
  );
}

/** How many pods of the given requests fit on one node of a type, after the reserve (default: the system DaemonSets). */
export function podsPerNode(
  type: InstanceAllocatable,
  pod: { cpuMillicores: number; memoryMiB: number },
  r: NodeReserve = NODE_SYSTEM_RESERVE,
): number {
  // A zero request does not bound the count (and 0 / 0 would be NaN); a reserve above the node leaves no pod.
  const fits = (free: number, each: number) => (free < 0 ? 0 : each > 0 ? Math.floor(free / each) : Infinity);
  const byCpu = fits(type.cpuMillicores - r.cpuMillicores, pod.cpuMillicores);
  const byMemory = fits(type.memoryMiB - r.memoryMiB, pod.memoryMiB);
  return Math.max(0, Math.min(byCpu, byMemory, type.maxPods - r.pods));
}

interface GroupCapacity {
  readonly maxSize: number;
  readonly instanceType: string;
  readonly podsPerNode: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "3 groups × max 2 nodes × 3 pods per m5.large + 1 group × ..." */
function describeCapacity(groups: readonly GroupCapacity[]): string {
  const parts = new Map<string, { count: number; g: GroupCapacity }>();
  for (const g of groups) {
    const key = `${g.maxSize}|${g.instanceType}|${g.podsPerNode}`;
    const part = parts.get(key);
    if (part) part.count += 1;
    else parts.set(key, { count: 1, g });
  }
  return [...parts.values()]
    .map(({ count, g }) => `${plural(count, 'group')} × max ${plural(g.maxSize, 'node')} × ${plural(g.podsPerNode, 'pod')} per ${g.instanceType}`)
    .join(' + ');
}

/**
 * The capacity rule: unknown instance types (at the field that sets them),
 * then whether the most Molecule pods fit the node groups at their maxSize.
 * The sum of maxSize against autoscaler.maxNodesTotal is the nodeGroups rule's.
 */
export function checkCapacity(env: Environment): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  const seen = new Set<string>();
  for (const g of env.nodeGroups) {
    for (const type of g.instanceTypes) {
      const path = `${g.configPath}.instanceTypes`;
      if (Object.hasOwn(INSTANCE_ALLOCATABLE, type) || seen.has(`${path}|${type}`)) continue;
      seen.add(`${path}|${type}`);
      out.push(unknownInstanceType(path, type));
    }
  }
  if (out.length > 0) return out;

  const { field, needed, requests, pod } = moleculeDemand(env);
  const r = nodeReserve(env);

  // With placement 'on-demand' the Molecule never lands on SPOT nodes: only ON_DEMAND groups count.
  const onDemandOnly = env.molecule.placement === 'on-demand';
  const eligible = onDemandOnly ? env.nodeGroups.filter((g) => g.capacityType === 'ON_DEMAND') : env.nodeGroups;
  // No eligible group at all is the placement rule's to report (rules.ts).
  if (eligible.length === 0) return out;
  const skipped = env.nodeGroups.length - eligible.length;

  // A group's capacity is that of its smallest type: the ASG may launch any of them.
  const groups: GroupCapacity[] = eligible.map((g) => {
    const [smallest] = g.instanceTypes
      .map((t) => ({ instanceType: t, podsPerNode: podsPerNode(INSTANCE_ALLOCATABLE[t], pod, r) }))
      .sort((a, b) => a.podsPerNode - b.podsPerNode);
    return { maxSize: g.maxSize, ...smallest };
  });
  const total = groups.reduce((sum, g) => sum + g.maxSize * g.podsPerNode, 0);
  // Enough in all: the zone spread may still cap it (checkZoneSpreadCapacity below).
  if (total >= needed) return checkZoneSpreadCapacity(env);

  const podText = `${requests.cpu}/${requests.memory}`;
  const nothingFits = groups.filter((g) => g.podsPerNode === 0).map((g) => g.instanceType);
  const fit = [...new Set(nothingFits)]
    .map((t) => {
      const a = INSTANCE_ALLOCATABLE[t];
      return ` A ${podText} pod does not fit on a ${t} (${a.cpuMillicores - r.cpuMillicores}m/${a.memoryMiB - r.memoryMiB}Mi left after the ${r.cpuMillicores}m/${r.memoryMiB}Mi ${r === NODE_SYSTEM_RESERVE ? 'system' : 'system + extras DaemonSet'} reserve).`;
    })
    .join('');
  const uniform = groups.every((g) => g.podsPerNode === groups[0].podsPerNode && g.podsPerNode > 0);
  const theGroups = skipped > 0 ? "the ON_DEMAND groups'" : "the groups'";
  // Mixed groups: the nodes to add where one node holds the most pods. No group that holds a pod: no maxSize helps.
  const best = groups.reduce((a, g) => (g.podsPerNode > a.podsPerNode ? g : a), groups[0]);
  const moreNodes = best.podsPerNode > 0 ? Math.ceil((needed - total) / best.podsPerNode) : 0;
  const maxSizeFix = uniform
    ? `raise ${theGroups} maxSize to ${Math.ceil(needed / (groups.length * groups[0].podsPerNode))}, `
    : moreNodes > 0
      ? `raise the maxSize of the ${best.instanceType} group${groups.filter((g) => g.instanceType === best.instanceType).length > 1 ? 's' : ''} by ${plural(moreNodes, 'node')} in total (${plural(best.podsPerNode, 'pod')} per node), `
      : '';
  const which = skipped > 0 ? 'the ON_DEMAND node groups' : 'the node groups';
  const spotNote =
    skipped > 0
      ? ` (${plural(skipped, 'SPOT group')} not counted: molecule.placement is 'on-demand'; set it to 'any' to let the Molecule use spot nodes)`
      : '';
  out.push({
    path: field,
    value: needed,
    message: `× ${podText} needs ${plural(needed, 'pod')} but ${which} hold at most ${total} (${describeCapacity(groups)})${spotNote}, so the rest would stay Pending`,
    fix: `${maxSizeFix}use a larger instance type, or lower ${field} or molecule.resources.requests.${fit}`,
  });
  return out;
}

/*
 * The capacity rule under the Molecule's zone spread (issue 17): with
 * `topologySpreadConstraints` over `topology.kubernetes.io/zone`, maxSkew 1 and
 * `DoNotSchedule` (molecule.zoneSpread 'required'), no AZ may hold more than
 * one pod above the emptiest AZ. Once the smallest AZ is full at c pods, every
 * other AZ stops at c + 1, so the most pods that can run is
 * Σ min(capacity of AZ, c + 1), which can be below the plain sum of the groups.
 */

/** Pods each AZ can hold at its groups' maxSize (eligible groups only; the smallest instance type of each group). */
export function zoneCapacities(env: Environment): Map<string, number> {
  const requests = env.molecule.resources.requests;
  const pod = { cpuMillicores: cpuToMillicores(requests.cpu), memoryMiB: memoryToMiB(requests.memory) };
  const reserve = nodeReserve(env);
  const eligible = env.molecule.placement === 'on-demand' ? env.nodeGroups.filter((g) => g.capacityType === 'ON_DEMAND') : env.nodeGroups;
  const zones = new Map<string, number>();
  for (const g of eligible) {
    const perNode = Math.min(...g.instanceTypes.map((t) => (INSTANCE_ALLOCATABLE[t] ? podsPerNode(INSTANCE_ALLOCATABLE[t], pod, reserve) : 0)));
    zones.set(g.availabilityZone, (zones.get(g.availabilityZone) ?? 0) + g.maxSize * perNode);
  }
  return zones;
}

/** The most Molecule pods that can run under a maxSkew-1 zone spread. */
export function podsUnderZoneSpread(capacities: readonly number[]): number {
  if (capacities.length === 0) return 0;
  const smallest = Math.min(...capacities);
  return capacities.reduce((sum, c) => sum + Math.min(c, smallest + 1), 0);
}

/**
 * Issues when the zone spread, not the total, keeps pods Pending. Runs only
 * when the plain capacity check passed (checkCapacity above reports the rest).
 */
export function checkZoneSpreadCapacity(env: Environment): ConfigIssue[] {
  if (env.molecule.zoneSpread !== 'required') return [];
  const zones = zoneCapacities(env);
  if (zones.size < 2) return [];
  const field = env.hpa.enabled ? 'hpa.maxReplicas' : 'molecule.replicas';
  const needed = env.hpa.enabled ? env.hpa.maxReplicas : env.molecule.replicas;
  const fit = podsUnderZoneSpread([...zones.values()]);
  if (fit >= needed) return [];
  const [smallestZone, smallest] = [...zones.entries()].sort((a, b) => a[1] - b[1])[0];
  const perZone = Math.ceil(needed / zones.size);
  const list = [...zones.entries()].map(([az, c]) => `${az}: ${c}`).join(', ');
  return [
    {
      path: field,
      value: needed,
      message: "pods cannot all run under the zone spread (molecule.zoneSpread 'required', maxSkew 1)",
      fix:
        `${smallestZone} holds at most ${smallest}, so no other AZ may hold more than ${smallest + 1} (${fit} in all; per AZ ${list}). ` +
        `Give every AZ room for ${perZone} pods (raise the maxSize of ${smallestZone}'s node group), lower ${field}, ` +
        `or set molecule.zoneSpread 'preferred'`,
    },
  ];
}
