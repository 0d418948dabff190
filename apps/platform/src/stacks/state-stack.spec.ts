import { Testing } from 'cdktf';
import { decodeJsonencode, synthStack, onlyResource, backendOf } from '@boomi-eks/testing';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { StateStack } from './state-stack';

const json = synthStack(new StateStack(Testing.app(), 'state', { bucket: 'tfstate-bucket', region: 'eu-west-1', accountId: '123456789012' }));

describe('StateStack', () => {
  it('keeps its own state in the bucket it creates (after the bootstrap), never under cdktf.out', () => {
    expect(backendOf(json)).toEqual({
      type: 's3',
      config: { bucket: 'tfstate-bucket', key: 'state/state.tfstate', region: 'eu-west-1', encrypt: true, use_lockfile: true },
    });
  });

  it('creates the named bucket and refuses to destroy it', () => {
    const bucket = onlyResource(json, S3Bucket.tfResourceType);
    expect(bucket.bucket).toBe('tfstate-bucket');
    expect(bucket.lifecycle).toEqual({ prevent_destroy: true });
  });

  it('versions the bucket', () => {
    expect(onlyResource(json, S3BucketVersioningA.tfResourceType).versioning_configuration).toEqual({ status: 'Enabled' });
  });

  it('encrypts every object with KMS by default', () => {
    const rule = onlyResource(json, S3BucketServerSideEncryptionConfigurationA.tfResourceType).rule[0];
    expect(rule.apply_server_side_encryption_by_default.sse_algorithm).toBe('aws:kms');
  });

  it('blocks every kind of public access and disables ACLs', () => {
    expect(onlyResource(json, S3BucketPublicAccessBlock.tfResourceType)).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(onlyResource(json, S3BucketOwnershipControls.tfResourceType).rule.object_ownership).toBe('BucketOwnerEnforced');
  });

  it('denies any request not made over TLS, on the bucket and its objects', () => {
    const policy = decodeJsonencode(onlyResource(json, S3BucketPolicy.tfResourceType).policy);
    expect(policy.Statement).toEqual([
      expect.objectContaining({
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        Resource: [expect.stringMatching(/aws_s3_bucket\.bucket\.arn/), expect.stringMatching(/aws_s3_bucket\.bucket\.arn\}\/\*$/)],
      }),
    ]);
  });

  it('expires replaced state versions after 90 days', () => {
    const rule = onlyResource(json, S3BucketLifecycleConfiguration.tfResourceType).rule[0];
    expect(rule.status).toBe('Enabled');
    expect(rule.noncurrent_version_expiration).toEqual([{ noncurrent_days: 90 }]);
  });

  it('is pinned to the account and region', () => {
    expect(json.provider!.aws[0]).toMatchObject({ region: 'eu-west-1', allowed_account_ids: ['123456789012'] });
  });
});

describe('StateStack access logging (optional)', () => {
  it('is off unless a log bucket is given', () => {
    expect(Object.keys(json.resource ?? {})).not.toContain('aws_s3_bucket_logging');
  });

  it('sends server access logs to the given bucket under the state bucket’s name', () => {
    const logged = synthStack(
      new StateStack(Testing.app(), 'state', { bucket: 'tfstate-bucket', region: 'eu-west-1', accountId: '123456789012', accessLogBucket: 'org-s3-access-logs' }),
    );
    expect(onlyResource(logged, 'aws_s3_bucket_logging')).toMatchObject({ target_bucket: 'org-s3-access-logs', target_prefix: 'tfstate-bucket/' });
  });
});
