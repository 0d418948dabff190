import { Construct } from 'constructs';
import { Fn } from 'cdktf';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';

/** The AWS partition of a region (`aws`, `aws-us-gov`, `aws-cn`). */
export function partitionOf(region: string): string {
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('cn-')) return 'aws-cn';
  return 'aws';
}

export interface KmsKeyPolicyInput {
  readonly accountId: string;
  readonly region: string;
  /** Let CloudWatch Logs of this account and region use the key for its log groups. @default false */
  readonly allowCloudWatchLogs?: boolean;
}

/**
 * An explicit key policy (never the implicit default): the account's root
 * administers the key, so IAM policies decide who uses it (the same effect as
 * AWS's default policy, but written down and reviewed); with
 * `allowCloudWatchLogs`, CloudWatch Logs may encrypt and decrypt for log groups
 * of this account and region only (the encryption-context condition AWS
 * documents for log group keys). EFS and EKS use the key through grants made
 * with the caller's IAM permissions, so they need no statement of their own.
 */
export function kmsKeyPolicy(input: KmsKeyPolicyInput): Record<string, unknown> {
  const partition = partitionOf(input.region);
  const statements: Record<string, unknown>[] = [
    {
      Sid: 'AccountAdministersKeyThroughIam',
      Effect: 'Allow',
      Principal: { AWS: `arn:${partition}:iam::${input.accountId}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
  ];
  if (input.allowCloudWatchLogs) {
    statements.push({
      Sid: 'CloudWatchLogsOfThisAccount',
      Effect: 'Allow',
      Principal: { Service: `logs.${input.region}.amazonaws.com` },
      Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      Resource: '*',
      Condition: {
        ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${input.region}:${input.accountId}:log-group:*` },
      },
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

export interface EncryptionKeyProps extends KmsKeyPolicyInput {
  /** What the key protects (the key's description). */
  readonly description: string;
  /** Alias, without `alias/`. */
  readonly alias: string;
  /** Days before a scheduled deletion happens. @default 30 */
  readonly deletionWindowInDays?: number;
}

/** A customer-managed KMS key with rotation on and an explicit key policy ({@link kmsKeyPolicy}). */
export class EncryptionKey extends Construct {
  readonly keyArn: string;
  readonly keyId: string;
  readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    this.key = new KmsKey(this, 'key', {
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays: props.deletionWindowInDays ?? 30,
      policy: Fn.jsonencode(kmsKeyPolicy(props)),
    });
    new KmsAlias(this, 'alias', { name: `alias/${props.alias}`, targetKeyId: this.key.keyId });
    this.keyArn = this.key.arn;
    this.keyId = this.key.keyId;
  }
}
