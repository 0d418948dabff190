import { Construct } from 'constructs';
import { Fn } from 'cdktf';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { serviceTrustPolicy } from '@boomi-eks/primitives';
import { NETWORK_DEFAULTS } from './network-defaults';

export interface VpcFlowLogProps {
  /** Prefix of the log group and role names. */
  readonly name: string;
  readonly vpcId: string;
  /** @default 30 */
  readonly retentionDays?: number;
  /** @default 'ALL' */
  readonly trafficType?: 'ACCEPT' | 'REJECT' | 'ALL';
  /** Customer-managed KMS key of the log group (its policy must admit CloudWatch Logs). @default - none */
  readonly kmsKeyArn?: string;
}

/** VPC flow logs delivered to a CloudWatch log group with retention. */
export class VpcFlowLog extends Construct {
  readonly logGroupName: string;
  readonly flowLogId: string;

  constructor(scope: Construct, id: string, props: VpcFlowLogProps) {
    super(scope, id);
    const retentionDays = props.retentionDays ?? NETWORK_DEFAULTS.flowLogRetentionDays;

    const logGroup = new CloudwatchLogGroup(this, 'log-group', {
      name: `/aws/vpc/${props.name}/flow-logs`,
      retentionInDays: retentionDays,
      kmsKeyId: props.kmsKeyArn,
    });

    const role = new IamRole(this, 'role', {
      name: `${props.name}-vpc-flow-logs`,
      assumeRolePolicy: Fn.jsonencode(serviceTrustPolicy('vpc-flow-logs.amazonaws.com')),
    });
    new IamRolePolicy(this, 'role-policy', {
      role: role.name,
      name: 'deliver-to-cloudwatch',
      policy: Fn.jsonencode({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
            Resource: [logGroup.arn, `${logGroup.arn}:*`],
          },
        ],
      }),
    });

    const flowLog = new FlowLog(this, 'flow-log', {
      vpcId: props.vpcId,
      trafficType: props.trafficType ?? NETWORK_DEFAULTS.flowLogTrafficType,
      logDestinationType: 'cloud-watch-logs',
      logDestination: logGroup.arn,
      iamRoleArn: role.arn,
      maxAggregationInterval: 60,
    });

    this.logGroupName = logGroup.name;
    this.flowLogId = flowLog.id;
  }
}
