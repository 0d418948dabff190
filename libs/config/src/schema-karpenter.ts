/**
 * `autoscaler.kind` and `autoscaler.karpenter` (issue 20): Karpenter as the
 * alternative node autoscaler, chosen per environment. cluster-autoscaler
 * (seed 000's choice) stays the default; docs/karpenter.md compares the two.
 */
import { z } from 'zod';
import { duration, memory } from './schema-fields';
import { KARPENTER_DEFAULTS } from '@boomi-eks/autoscaling/rules';
import { NODE_DISK_SIZE_GIB } from '@boomi-eks/eks/rules';

/** The defaults are the autoscaling lib's (KARPENTER_DEFAULTS, karpenter-defaults.ts). */
const KD = KARPENTER_DEFAULTS;

/** The node autoscalers an environment may run. */
export const AUTOSCALER_KINDS = ['cluster-autoscaler', 'karpenter'] as const;
export type AutoscalerKind = (typeof AUTOSCALER_KINDS)[number];

/**
 * Fields of `autoscaler` that only cluster-autoscaler reads: refused with
 * kind 'karpenter' (autoscaler-kind-rules.ts). `enabled` is shared.
 */
export const CLUSTER_AUTOSCALER_ONLY_FIELDS = [
  'imageTag',
  'expander',
  'balanceSimilarNodeGroups',
  'skipNodesWithLocalStorage',
  'skipNodesWithSystemPods',
  'scaleDownUnneededTime',
  'scaleDownDelayAfterAdd',
  'scaleDownDelayAfterFailure',
  'scanInterval',
  'maxNodesTotal',
  'extraArgs',
  'resources',
] as const;

const instanceTypes = z.array(z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, { message: 'must be an EC2 instance type such as m5.large' })).min(1);
/** NodePool `limits`: the most capacity (sum of the nodes' vCPUs and memory) the pool may launch. */
const limits = (cpu: number, mem: string) =>
  z
    .strictObject({
      /** Whole vCPUs. */
      cpu: z.number().int().min(1).default(cpu),
      memory: memory.default(mem),
    })
    .prefault({});

export const KarpenterSchema = z.strictObject({
  /**
   * The Molecule's NodePool: ON_DEMAND only (seed 000's placement rule),
   * consolidation `WhenEmpty` only, so Karpenter never moves a running
   * Molecule pod to pack nodes tighter (docs/karpenter.md).
   */
  moleculePool: z
    .strictObject({
      /** @default ['m5.large', 'm5.xlarge', 'm6i.large', 'm6i.xlarge'] */
      instanceTypes: instanceTypes.default([...KD.moleculePool.instanceTypes]),
      /** @default cpu 32, memory '128Gi' (the default HPA's 20 pods need 14 vCPUs of m5.large) */
      limits: limits(KD.moleculePool.limits.cpu, KD.moleculePool.limits.memory),
      /** How long a node stays empty before it is removed. @default '5m' */
      consolidateAfter: duration.default(KD.moleculePool.consolidateAfter),
    })
    .prefault({}),
  /** The NodePool for everything else: spot and on-demand, with seed 004's spot taint. */
  generalPool: z
    .strictObject({
      /** @default ['m5.large', 'm5.xlarge', 'm5a.large', 'm5a.xlarge', 'm6i.large', 'm6i.xlarge'] */
      instanceTypes: instanceTypes.default([...KD.generalPool.instanceTypes]),
      /** @default cpu 16, memory '64Gi' */
      limits: limits(KD.generalPool.limits.cpu, KD.generalPool.limits.memory),
      /** @default '1m' */
      consolidateAfter: duration.default(KD.generalPool.consolidateAfter),
    })
    .prefault({}),
  /** Root volume of Karpenter's nodes (gp3, encrypted) in GiB. @default 20 (seed 000's node groups) */
  diskSizeGiB: z.number().int().min(NODE_DISK_SIZE_GIB.min).max(NODE_DISK_SIZE_GIB.max).default(KD.diskSizeGiB),
});

export type KarpenterSettings = z.output<typeof KarpenterSchema>;
