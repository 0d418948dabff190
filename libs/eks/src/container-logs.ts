import { Construct } from 'constructs';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { PodIdentityRole } from './pod-identity-role';

export const CLOUDWATCH_OBSERVABILITY_NAMESPACE = 'amazon-cloudwatch';
/** The service account of the add-on's CloudWatch agent and Fluent Bit. */
export const CLOUDWATCH_AGENT_SERVICE_ACCOUNT = 'cloudwatch-agent';
export const CLOUDWATCH_AGENT_POLICY_ARN = 'arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy';
/** The log groups the add-on writes to, under `/aws/containerinsights/<cluster>/`. */
export const CONTAINER_INSIGHTS_LOG_GROUPS = ['application', 'dataplane', 'host', 'performance'] as const;

export interface ContainerLogsProps {
  readonly clusterName: string;
  /** Retention of every log group (a CloudWatch retention period). */
  readonly retentionDays: number;
  /** Customer-managed key of the log groups (its policy must admit CloudWatch Logs). @default - none */
  readonly kmsKeyArn?: string;
}

/**
 * What the amazon-cloudwatch-observability add-on needs besides itself: its
 * Pod Identity role (CloudWatchAgentServerPolicy, service account
 * `amazon-cloudwatch/cloudwatch-agent`) and its log groups, made here first so
 * they have retention and the customer-managed key (the add-on would create
 * them without either; it writes to groups that exist).
 */
export class ContainerLogs extends Construct {
  readonly roleArn: string;
  readonly logGroupNames: readonly string[];
  readonly logGroups: readonly CloudwatchLogGroup[];
  readonly podIdentity: PodIdentityRole;

  constructor(scope: Construct, id: string, props: ContainerLogsProps) {
    super(scope, id);
    this.podIdentity = new PodIdentityRole(this, 'agent', {
      clusterName: props.clusterName,
      namespace: CLOUDWATCH_OBSERVABILITY_NAMESPACE,
      serviceAccount: CLOUDWATCH_AGENT_SERVICE_ACCOUNT,
      roleName: `${props.clusterName}-cloudwatch-agent`,
      managedPolicyArns: [CLOUDWATCH_AGENT_POLICY_ARN],
    });
    this.logGroups = CONTAINER_INSIGHTS_LOG_GROUPS.map(
      (group) =>
        new CloudwatchLogGroup(this, `log-group-${group}`, {
          name: `/aws/containerinsights/${props.clusterName}/${group}`,
          retentionInDays: props.retentionDays,
          kmsKeyId: props.kmsKeyArn,
        }),
    );
    this.roleArn = this.podIdentity.roleArn;
    this.logGroupNames = this.logGroups.map((g) => g.name);
  }
}

/** Configuration values of the add-on (pass through `Fn.jsonencode`): container logs on (Fluent Bit). */
export function cloudwatchObservabilityConfigurationValues(): Record<string, unknown> {
  return { containerLogs: { enabled: true } };
}
