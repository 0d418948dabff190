import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { onlyResource, synthConstruct } from '@boomi-eks/testing';
import { EncryptionKey, kmsKeyPolicy, partitionOf } from '@boomi-eks/eks';

describe('kmsKeyPolicy', () => {
  it('lets the account administer the key through IAM, and nothing else by default', () => {
    expect(kmsKeyPolicy({ accountId: '123456789012', region: 'eu-west-1' })).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'AccountAdministersKeyThroughIam', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' },
      ],
    });
  });

  it('admits CloudWatch Logs of this account and region only, by encryption context', () => {
    const logs = (kmsKeyPolicy({ accountId: '123456789012', region: 'eu-west-1', allowCloudWatchLogs: true }).Statement as any[])[1];
    expect(logs.Principal).toEqual({ Service: 'logs.eu-west-1.amazonaws.com' });
    expect(logs.Action).not.toContain('kms:*');
    expect(logs.Condition).toEqual({
      ArnLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:eu-west-1:123456789012:log-group:*' },
    });
  });

  it('uses the region’s partition', () => {
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
    expect(partitionOf('cn-north-1')).toBe('aws-cn');
    expect(partitionOf('us-east-1')).toBe('aws');
  });
});

describe('EncryptionKey', () => {
  const { json } = synthConstruct(
    (scope) => new EncryptionKey(scope, 'k', { description: 'd', alias: 'dev/data', accountId: '123456789012', region: 'us-east-1', allowCloudWatchLogs: true }),
  );

  it('has rotation on, a 30-day deletion window and an explicit jsonencode key policy', () => {
    const key = onlyResource(json, KmsKey.tfResourceType);
    expect(key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
    expect(String(key.policy)).toMatch(/^\$\{jsonencode\(/);
    expect(String(key.policy)).toContain('logs.us-east-1.amazonaws.com');
  });

  it('has an alias', () => {
    expect(onlyResource(json, KmsAlias.tfResourceType).name).toBe('alias/dev/data');
  });
});
