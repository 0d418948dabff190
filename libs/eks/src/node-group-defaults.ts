/**
 * What a managed node group is when a field is left out, and the labels and
 * taints this platform's node groups carry, as plain data and pure functions
 * (no cdktf): `NodeGroups` and `@boomi-eks/config` both read them from here
 * (through `@boomi-eks/eks/rules`), so each value has one owner.
 */

/** A Kubernetes taint as EKS writes it (`aws_eks_node_group.taint`). */
export interface NodeGroupTaint {
  readonly key: string;
  readonly value?: string;
  readonly effect: 'NO_SCHEDULE' | 'NO_EXECUTE' | 'PREFER_NO_SCHEDULE';
}

/** The node AMI types a group may run: EKS optimized AL2023, x86_64 or ARM (Graviton). */
export const NODE_AMI_TYPES = ['AL2023_x86_64_STANDARD', 'AL2023_ARM_64_STANDARD'] as const;
export type NodeAmiType = (typeof NODE_AMI_TYPES)[number];

/** The capacity types of a managed node group. */
export const CAPACITY_TYPES = ['ON_DEMAND', 'SPOT'] as const;
export type CapacityType = (typeof CAPACITY_TYPES)[number];

/** Seed 000's managedNodeGroups: the value of every field a group leaves out. */
export const NODE_GROUP_DEFAULTS = {
  /** eksctl's default instance type, which seed 000 used. */
  instanceTypes: ['m5.large'],
  capacityType: 'ON_DEMAND',
  minSize: 1,
  maxSize: 100,
  /** Initial size only: ignored after create, so a redeploy never undoes the autoscaler. */
  desiredSize: 1,
  /** Root volume (gp3, encrypted) in GiB. */
  diskSizeGiB: 20,
  /** For the default instance type; a group's default follows its instance types (`amiTypeFor`). */
  amiType: 'AL2023_x86_64_STANDARD',
  labels: {},
  taints: [],
} as const satisfies {
  instanceTypes: readonly string[];
  capacityType: CapacityType;
  minSize: number;
  maxSize: number;
  desiredSize: number;
  diskSizeGiB: number;
  amiType: NodeAmiType;
  labels: Readonly<Record<string, string>>;
  taints: readonly NodeGroupTaint[];
};

/** Root volume bounds of a node group in GiB (the AL2023 AMI needs 20; gp3's maximum is 16 TiB). */
export const NODE_DISK_SIZE_GIB = { min: 20, max: 16384 } as const;

// --- Architecture: the AMI type follows the instance types ---

/** CPU architecture of an EC2 instance type. */
export type Architecture = 'x86_64' | 'arm64';

/**
 * The CPU architecture of an EC2 instance type, from its name. Graviton
 * (arm64) families carry a `g` in the attributes after the generation digit
 * (m7g, c7gn, r6gd, t4g, x2gd, im4gn, hpc7g, g5g); `a1` is the first
 * Graviton. GPU families such as g5 or g6 have the `g` before the digit and
 * are x86_64. https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html
 */
export function instanceArchitecture(instanceType: string): Architecture {
  const family = instanceType.split('.')[0];
  if (family === 'a1') return 'arm64';
  const m = /^[a-z]+\d+([a-z]*)/.exec(family);
  return m && m[1].includes('g') ? 'arm64' : 'x86_64';
}

/** The AMI type for each CPU architecture. */
export const AMI_TYPE_BY_ARCHITECTURE: Readonly<Record<Architecture, NodeAmiType>> = {
  x86_64: 'AL2023_x86_64_STANDARD',
  arm64: 'AL2023_ARM_64_STANDARD',
};

/**
 * The AMI type a group's instance types need: ARM when every type is Graviton
 * (arm64), else x86_64 (a group mixing both is refused by `validateNodeGroup`).
 */
export function amiTypeFor(instanceTypes: readonly string[]): NodeAmiType {
  return AMI_TYPE_BY_ARCHITECTURE[instanceTypes.length > 0 && instanceTypes.every((t) => instanceArchitecture(t) === 'arm64') ? 'arm64' : 'x86_64'];
}

// --- Capacity type: labels and the spot taint (seed 004) ---

/** The node label EKS puts on every managed node: `ON_DEMAND` or `SPOT`. */
export const EKS_CAPACITY_TYPE_LABEL = 'eks.amazonaws.com/capacityType';

/** Our label on the nodes of every SPOT group (value `spot`). */
export const CAPACITY_LABEL = 'node.boomi.io/capacity';

/** Value of {@link CAPACITY_LABEL} on spot nodes. */
export const SPOT_LABEL_VALUE = 'spot';

/**
 * The taint of every SPOT group. PreferNoSchedule is soft (seed 004): the
 * scheduler puts pods on on-demand nodes first and uses spot nodes only when
 * nothing else fits, so no workload is ever stuck Pending because of it.
 */
export const SPOT_TAINT: Readonly<NodeGroupTaint> = { key: 'spot', value: 'true', effect: 'PREFER_NO_SCHEDULE' };

/** Kubernetes' spelling of each EKS taint effect (pods tolerate in this spelling). */
export const KUBERNETES_TAINT_EFFECT = {
  NO_SCHEDULE: 'NoSchedule',
  NO_EXECUTE: 'NoExecute',
  PREFER_NO_SCHEDULE: 'PreferNoSchedule',
} as const;

/**
 * Labels and taints of a group after the capacity-type defaults: a SPOT group
 * gets `node.boomi.io/capacity: spot` (ours wins over a group label of the same
 * key) and the `spot=true:PreferNoSchedule` taint, unless the group already
 * sets a taint with key `spot` (to make it stricter, e.g. NO_SCHEDULE).
 * ON_DEMAND groups are returned unchanged.
 */
export function capacityTypeDefaults(group: {
  readonly capacityType: CapacityType;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly NodeGroupTaint[];
}): { labels: Record<string, string>; taints: NodeGroupTaint[] } {
  const labels = { ...group.labels };
  const taints = group.taints.map((t) => ({ ...t }));
  if (group.capacityType !== 'SPOT') return { labels, taints };
  labels[CAPACITY_LABEL] = SPOT_LABEL_VALUE;
  if (!taints.some((t) => t.key === SPOT_TAINT.key)) taints.push({ ...SPOT_TAINT });
  return { labels, taints };
}
