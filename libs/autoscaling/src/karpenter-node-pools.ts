import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { EKS_CAPACITY_TYPE_LABEL, KUBERNETES_TAINT_EFFECT, SPOT_TAINT, instanceArchitecture } from '@boomi-eks/eks/rules';
import type { KarpenterSettings } from './karpenter-defaults';
import { KARPENTER_DISCOVERY_TAG } from './karpenter-iam';
import { Ec2NodeClass, NodePool, type Ec2NodeClassSpec, type NodePoolSpec } from './karpenter-objects';

/** Names of the objects (cluster-scoped). */
export const KARPENTER_OBJECT_NAMES = { nodeClass: 'default', moleculePool: 'molecule', generalPool: 'general' } as const;
/** Label on the Molecule pool's nodes. */
export const KARPENTER_POOL_LABEL = 'node.boomi.io/pool';

export interface KarpenterNodePoolsInput {
  /** Literal cluster name: the discovery tag's value. */
  readonly clusterName: string;
  /** Node role name (EC2NodeClass `role`; Karpenter makes the instance profile). */
  readonly nodeRoleName: string;
  /** `al2023@vYYYYMMDD` (catalog.ts). */
  readonly amiAlias: string;
  /** The pools' settings (karpenter-defaults.ts: KARPENTER_DEFAULTS). */
  readonly settings: KarpenterSettings;
  /** Tags on every instance, volume and interface Karpenter launches. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * `molecule.atomQueues.inUse`: the Molecule pool then allows no voluntary
   * disruption at all (budget `nodes: '0'`) and nodes never expire, since a
   * Molecule stopped with messages in its local queues loses them. @default false
   */
  readonly atomQueuesInUse?: boolean;
}

export interface KarpenterNodePoolSpecs {
  readonly nodeClass: { readonly name: string; readonly spec: Ec2NodeClassSpec };
  readonly moleculePool: { readonly name: string; readonly spec: NodePoolSpec };
  readonly generalPool: { readonly name: string; readonly spec: NodePoolSpec };
}

const ARCH = { x86_64: 'amd64', arm64: 'arm64' } as const;
const archRequirement = (types: readonly string[]) => ({
  key: 'kubernetes.io/arch',
  operator: 'In' as const,
  values: [...new Set(types.map((t) => ARCH[instanceArchitecture(t)]))],
});

/**
 * The EC2NodeClass and the two NodePools, as a pure function:
 * - `default` EC2NodeClass: the pinned AL2023 alias, subnets and security
 *   group by `karpenter.sh/discovery`, IMDSv2 only with hop limit 1, an
 *   encrypted gp3 root volume, the environment's tags;
 * - `molecule` NodePool: ON_DEMAND only, labelled
 *   `eks.amazonaws.com/capacityType: ON_DEMAND` so the Molecule's placement
 *   nodeSelector matches it; `WhenEmpty` consolidation (a running Molecule is
 *   never moved to pack nodes: only a node its HPA already emptied, after the
 *   pod's preStop and grace period, is removed), one node at a time;
 * - `general` NodePool: spot and on-demand with seed 004's spot taint,
 *   `WhenEmptyOrUnderutilized`, 10 % of nodes at a time, preferred (weight 10).
 */
export function karpenterNodePoolSpecs(input: KarpenterNodePoolsInput): KarpenterNodePoolSpecs {
  const s = input.settings;
  const nodeClassRef = { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: KARPENTER_OBJECT_NAMES.nodeClass } as const;
  const discovery = { [KARPENTER_DISCOVERY_TAG]: input.clusterName };
  const atomQueues = input.atomQueuesInUse ?? false;
  return {
    nodeClass: {
      name: KARPENTER_OBJECT_NAMES.nodeClass,
      spec: {
        role: input.nodeRoleName,
        amiSelectorTerms: [{ alias: input.amiAlias }],
        subnetSelectorTerms: [{ tags: discovery }],
        securityGroupSelectorTerms: [{ tags: discovery }],
        tags: { ...input.tags },
        metadataOptions: { httpEndpoint: 'enabled', httpProtocolIPv6: 'disabled', httpPutResponseHopLimit: 1, httpTokens: 'required' },
        blockDeviceMappings: [
          {
            deviceName: '/dev/xvda',
            rootVolume: true,
            ebs: { volumeSize: `${s.diskSizeGiB}Gi`, volumeType: 'gp3', encrypted: true, deleteOnTermination: true },
          },
        ],
      },
    },
    moleculePool: {
      name: KARPENTER_OBJECT_NAMES.moleculePool,
      spec: {
        template: {
          metadata: { labels: { [EKS_CAPACITY_TYPE_LABEL]: 'ON_DEMAND', [KARPENTER_POOL_LABEL]: KARPENTER_OBJECT_NAMES.moleculePool } },
          spec: {
            nodeClassRef,
            requirements: [
              { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] },
              { key: 'node.kubernetes.io/instance-type', operator: 'In', values: [...s.moleculePool.instanceTypes] },
              archRequirement(s.moleculePool.instanceTypes),
            ],
            expireAfter: atomQueues ? 'Never' : '720h',
          },
        },
        disruption: {
          consolidationPolicy: 'WhenEmpty',
          consolidateAfter: s.moleculePool.consolidateAfter,
          budgets: [{ nodes: atomQueues ? '0' : '1' }],
        },
        limits: { cpu: String(s.moleculePool.limits.cpu), memory: s.moleculePool.limits.memory },
      },
    },
    generalPool: {
      name: KARPENTER_OBJECT_NAMES.generalPool,
      spec: {
        template: {
          spec: {
            nodeClassRef,
            requirements: [
              { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot', 'on-demand'] },
              { key: 'node.kubernetes.io/instance-type', operator: 'In', values: [...s.generalPool.instanceTypes] },
              archRequirement(s.generalPool.instanceTypes),
            ],
            taints: [{ key: SPOT_TAINT.key, value: SPOT_TAINT.value, effect: KUBERNETES_TAINT_EFFECT[SPOT_TAINT.effect] }],
            expireAfter: '720h',
          },
        },
        disruption: { consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfter: s.generalPool.consolidateAfter, budgets: [{ nodes: '10%' }] },
        limits: { cpu: String(s.generalPool.limits.cpu), memory: s.generalPool.limits.memory },
        weight: 10,
      },
    },
  };
}

/** The same objects as a cdk8s chart (for the kubernetes_manifest bridge and `export-manifests`). */
export class KarpenterNodePoolsChart extends Chart {
  readonly specs: KarpenterNodePoolSpecs;
  constructor(scope: Construct, id: string, input: KarpenterNodePoolsInput) {
    super(scope, id);
    this.specs = karpenterNodePoolSpecs(input);
    new Ec2NodeClass(this, 'ec2nodeclass', this.specs.nodeClass);
    new NodePool(this, 'nodepool-molecule', this.specs.moleculePool);
    new NodePool(this, 'nodepool-general', this.specs.generalPool);
  }
}

