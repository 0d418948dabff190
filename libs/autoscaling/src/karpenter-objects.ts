/**
 * Typed cdk8s objects for Karpenter's custom resources, limited to the
 * fields this platform sets. Field names follow the CRDs of
 * aws/karpenter-provider-aws v1.14.1 (`pkg/apis/crds/karpenter.sh_nodepools.yaml`,
 * `karpenter.k8s.aws_ec2nodeclasses.yaml`); a unit test validates the
 * objects against those CRDs' OpenAPI schemas (test/crds/).
 */
import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';

export interface NodeSelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  readonly values?: readonly string[];
  readonly minValues?: number;
}

export interface KarpenterTaint {
  readonly key: string;
  readonly value?: string;
  readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface DisruptionBudget {
  /** Percentage or count of nodes, e.g. '10%' or '0'. */
  readonly nodes: string;
  readonly reasons?: readonly ('Underutilized' | 'Empty' | 'Drifted')[];
  readonly schedule?: string;
  readonly duration?: string;
}

/** `karpenter.sh/v1` NodePool `spec`. */
export interface NodePoolSpec {
  readonly template: {
    readonly metadata?: { readonly labels?: Readonly<Record<string, string>>; readonly annotations?: Readonly<Record<string, string>> };
    readonly spec: {
      readonly nodeClassRef: { readonly group: 'karpenter.k8s.aws'; readonly kind: 'EC2NodeClass'; readonly name: string };
      readonly requirements: readonly NodeSelectorRequirement[];
      readonly taints?: readonly KarpenterTaint[];
      /** Duration such as '720h', or 'Never'. */
      readonly expireAfter?: string;
      /** Most time a draining node waits for pods (forced after it). */
      readonly terminationGracePeriod?: string;
    };
  };
  readonly disruption: {
    readonly consolidationPolicy: 'WhenEmpty' | 'WhenEmptyOrUnderutilized';
    readonly consolidateAfter: string;
    readonly budgets?: readonly DisruptionBudget[];
  };
  readonly limits?: { readonly cpu?: string; readonly memory?: string };
  readonly weight?: number;
}

/** `karpenter.k8s.aws/v1` EC2NodeClass `spec`. */
export interface Ec2NodeClassSpec {
  readonly role: string;
  readonly amiSelectorTerms: readonly { readonly alias: string }[];
  readonly subnetSelectorTerms: readonly { readonly tags: Readonly<Record<string, string>> }[];
  readonly securityGroupSelectorTerms: readonly { readonly tags: Readonly<Record<string, string>> }[];
  readonly tags?: Readonly<Record<string, string>>;
  readonly metadataOptions: {
    readonly httpEndpoint: 'enabled' | 'disabled';
    readonly httpProtocolIPv6?: 'enabled' | 'disabled';
    readonly httpPutResponseHopLimit: number;
    readonly httpTokens: 'required' | 'optional';
  };
  readonly blockDeviceMappings: readonly {
    readonly deviceName: string;
    readonly rootVolume?: boolean;
    readonly ebs: {
      readonly volumeSize: string;
      readonly volumeType: 'gp3';
      readonly encrypted: boolean;
      readonly deleteOnTermination: boolean;
    };
  }[];
}

/** A Karpenter NodePool (cluster-scoped). */
export class NodePool extends ApiObject {
  static readonly GVK = { apiVersion: 'karpenter.sh/v1', kind: 'NodePool' } as const;
  constructor(scope: Construct, id: string, props: { readonly name: string; readonly spec: NodePoolSpec }) {
    super(scope, id, { ...NodePool.GVK, metadata: { name: props.name }, spec: props.spec });
  }
}

/** A Karpenter EC2NodeClass (cluster-scoped). */
export class Ec2NodeClass extends ApiObject {
  static readonly GVK = { apiVersion: 'karpenter.k8s.aws/v1', kind: 'EC2NodeClass' } as const;
  constructor(scope: Construct, id: string, props: { readonly name: string; readonly spec: Ec2NodeClassSpec }) {
    super(scope, id, { ...Ec2NodeClass.GVK, metadata: { name: props.name }, spec: props.spec });
  }
}
