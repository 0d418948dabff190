/**
 * Karpenter's NodePool settings and their defaults, as plain data (no cdktf,
 * no cdk8s): `karpenterNodePoolSpecs` takes `KarpenterSettings`, and
 * `@boomi-eks/config` builds `autoscaler.karpenter`'s schema defaults from
 * KARPENTER_DEFAULTS (its parsed type stays assignable to `KarpenterSettings`).
 */

/** NodePool `limits`: the most capacity (sum of the nodes' vCPUs and memory) the pool may launch. */
export interface KarpenterPoolLimits {
  /** Whole vCPUs. */
  readonly cpu: number;
  /** Kubernetes quantity, e.g. '128Gi'. */
  readonly memory: string;
}

/** One NodePool's settings. */
export interface KarpenterPoolSettings {
  /** EC2 instance types the pool may launch (`node.kubernetes.io/instance-type`). */
  readonly instanceTypes: readonly string[];
  readonly limits: KarpenterPoolLimits;
  /** How long a node stays empty (or underused) before it is removed, e.g. '5m'. */
  readonly consolidateAfter: string;
}

/** The settings of Karpenter's EC2NodeClass and two NodePools. */
export interface KarpenterSettings {
  /** The Molecule's NodePool: ON_DEMAND only, consolidation `WhenEmpty` only. */
  readonly moleculePool: KarpenterPoolSettings;
  /** The NodePool for everything else: spot and on-demand, with the spot taint. */
  readonly generalPool: KarpenterPoolSettings;
  /** Root volume of Karpenter's nodes (gp3, encrypted) in GiB. */
  readonly diskSizeGiB: number;
}

/** The defaults of {@link KarpenterSettings}. */
export const KARPENTER_DEFAULTS = {
  moleculePool: {
    /** @default ['m5.large', 'm5.xlarge', 'm6i.large', 'm6i.xlarge'] */
    instanceTypes: ['m5.large', 'm5.xlarge', 'm6i.large', 'm6i.xlarge'],
    /** @default cpu 32, memory '128Gi' (the default HPA's 20 pods need 14 vCPUs of m5.large) */
    limits: { cpu: 32, memory: '128Gi' },
    /** @default '5m' */
    consolidateAfter: '5m',
  },
  generalPool: {
    /** @default ['m5.large', 'm5.xlarge', 'm5a.large', 'm5a.xlarge', 'm6i.large', 'm6i.xlarge'] */
    instanceTypes: ['m5.large', 'm5.xlarge', 'm5a.large', 'm5a.xlarge', 'm6i.large', 'm6i.xlarge'],
    /** @default cpu 16, memory '64Gi' */
    limits: { cpu: 16, memory: '64Gi' },
    /** @default '1m' */
    consolidateAfter: '1m',
  },
  /** @default 20 (seed 000's node groups) */
  diskSizeGiB: 20,
} as const satisfies KarpenterSettings;
