import { Construct } from 'constructs';
import { Fn } from 'cdktf';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { Ec2Tag } from '@cdktf/provider-aws/lib/ec2-tag';
import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { PodIdentityRole } from '@boomi-eks/eks';
import { serviceTrustPolicy } from '@boomi-eks/primitives';
import {
  KARPENTER_DISCOVERY_TAG,
  KARPENTER_INTERRUPTION_EVENTS,
  KARPENTER_NODE_POLICY_NAMES,
  interruptionQueuePolicy,
  karpenterControllerPolicy,
} from './karpenter-iam';
import { KARPENTER_NAMESPACE, KARPENTER_SERVICE_ACCOUNT } from './karpenter-values';

export interface KarpenterIdentityProps {
  /** Literal EKS cluster name (IAM condition keys and the discovery tag hold it). */
  readonly clusterName: string;
  /**
   * The cluster resource's name attribute, so the access entry and the Pod
   * Identity association wait for the cluster. @default clusterName
   */
  readonly clusterNameRef?: string;
  readonly region: string;
  readonly accountId: string;
  /** @default 'aws' */
  readonly partition?: string;
  /** The node security group (EKS's cluster security group): tagged for discovery. */
  readonly nodeSecurityGroupId: string;
  /** Tags of the role and queue (the provider's default tags apply too). @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The AWS side of Karpenter, for the cluster stack:
 * - the controller's IAM role (upstream's scoped policy, karpenter-iam.ts),
 *   bound through EKS Pod Identity to `kube-system/karpenter`;
 * - the node role (managed policies only) with an EKS access entry of type
 *   EC2_LINUX, so its nodes join without aws-auth;
 * - the interruption queue (SSE, 5-minute retention, HTTPS only) and the
 *   EventBridge rules that feed it (spot interruption, rebalance, instance
 *   state change, scheduled change, capacity reservation interruption);
 * - `karpenter.sh/discovery: <cluster>` on the node security group (the
 *   private subnets get it in the network stack).
 */
export class KarpenterIdentity extends Construct {
  /** ARN of the controller's role. */
  readonly controllerRoleArn: string;
  /** Name of the node role (EC2NodeClass `spec.role`). */
  readonly nodeRoleName: string;
  readonly nodeRoleArn: string;
  /** Name of the interruption queue (chart value `settings.interruptionQueue`). */
  readonly interruptionQueueName: string;
  readonly interruptionQueueArn: string;
  /** Escape hatches. */
  readonly controllerRole: PodIdentityRole;
  readonly nodeRole: IamRole;
  readonly queue: SqsQueue;
  readonly accessEntry: EksAccessEntry;
  readonly eventRules: Readonly<Record<string, CloudwatchEventRule>>;

  constructor(scope: Construct, id: string, props: KarpenterIdentityProps) {
    super(scope, id);
    const partition = props.partition ?? 'aws';
    const clusterRef = props.clusterNameRef ?? props.clusterName;
    const tags = { ...props.tags };

    this.nodeRole = new IamRole(this, 'node-role', {
      name: `${props.clusterName}-karpenter-node`,
      assumeRolePolicy: Fn.jsonencode(serviceTrustPolicy('ec2.amazonaws.com')),
      tags,
    });
    KARPENTER_NODE_POLICY_NAMES.forEach(
      (name) =>
        new IamRolePolicyAttachment(this, `node-${name}`, {
          role: this.nodeRole.name,
          policyArn: `arn:${partition}:iam::aws:policy/${name}`,
        }),
    );
    this.accessEntry = new EksAccessEntry(this, 'node-access', {
      clusterName: clusterRef,
      principalArn: this.nodeRole.arn,
      type: 'EC2_LINUX',
    });

    this.queue = new SqsQueue(this, 'interruption-queue', {
      name: `${props.clusterName}-karpenter`,
      messageRetentionSeconds: 300,
      sqsManagedSseEnabled: true,
      tags,
    });
    new SqsQueuePolicy(this, 'interruption-queue-policy', {
      queueUrl: this.queue.url,
      policy: Fn.jsonencode(interruptionQueuePolicy(this.queue.arn)),
    });
    const rules: Record<string, CloudwatchEventRule> = {};
    for (const [name, pattern] of Object.entries(KARPENTER_INTERRUPTION_EVENTS)) {
      const rule = new CloudwatchEventRule(this, `rule-${name}`, {
        name: `${props.clusterName}-karpenter-${name}`.slice(0, 64),
        description: `Karpenter interruption handling: ${pattern['detail-type'][0]}`,
        eventPattern: Fn.jsonencode(pattern),
        tags,
      });
      new CloudwatchEventTarget(this, `target-${name}`, { rule: rule.name, arn: this.queue.arn, targetId: 'KarpenterInterruptionQueueTarget' });
      rules[name] = rule;
    }
    this.eventRules = rules;

    this.controllerRole = new PodIdentityRole(this, 'controller', {
      clusterName: clusterRef,
      namespace: KARPENTER_NAMESPACE,
      serviceAccount: KARPENTER_SERVICE_ACCOUNT,
      roleName: `${props.clusterName}-karpenter`,
      inlinePolicy: Fn.jsonencode(
        karpenterControllerPolicy({
          clusterName: props.clusterName,
          partition,
          region: props.region,
          accountId: props.accountId,
          nodeRoleArn: this.nodeRole.arn,
          queueArn: this.queue.arn,
        }),
      ),
    });

    new Ec2Tag(this, 'node-security-group-discovery', {
      resourceId: props.nodeSecurityGroupId,
      key: KARPENTER_DISCOVERY_TAG,
      value: props.clusterName,
    });

    this.controllerRoleArn = this.controllerRole.roleArn;
    this.nodeRoleName = this.nodeRole.name;
    this.nodeRoleArn = this.nodeRole.arn;
    this.interruptionQueueName = this.queue.name;
    this.interruptionQueueArn = this.queue.arn;
  }
}
