import { Construct } from 'constructs';
import { Fn, S3Backend, TerraformOutput, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { requireTerraformVersion } from './terraform-version';

export interface StateStackProps {
  readonly bucket: string;
  readonly region: string;
  readonly accountId: string;
  /** Days a replaced state version is kept. @default 90 */
  readonly noncurrentVersionDays?: number;
  /** Key of this stack's own state in the bucket. @default 'state/state.tfstate' */
  readonly stateKey?: string;
  /**
   * An existing bucket that receives this bucket's S3 server access logs
   * (prefix `<bucket>/`). @default - none: no access logging
   */
  readonly accessLogBucket?: string;
}

/**
 * `state`: the S3 bucket that holds every other stack's state. Versioned (a
 * bad apply can be rolled back), encrypted, public access blocked, TLS only,
 * old versions expired. Its own state lives in that bucket too: the first
 * apply keeps it locally and then migrates it there
 * (`tools/deploy/bootstrap-state.sh`, docs/deploy.md).
 */
export class StateStack extends TerraformStack {
  readonly bucketName: string;

  constructor(scope: Construct, id: string, props: StateStackProps) {
    super(scope, id);
    requireTerraformVersion(this);
    const backend = new S3Backend(this, { bucket: props.bucket, key: props.stateKey ?? 'state/state.tfstate', region: props.region, encrypt: true });
    backend.addOverride('use_lockfile', true);
    new AwsProvider(this, 'aws', {
      region: props.region,
      allowedAccountIds: [props.accountId],
      defaultTags: [{ tags: { ManagedBy: 'cdktf', Project: 'boomi-molecule', Purpose: 'terraform-state' } }],
    });

    const bucket = new S3Bucket(this, 'bucket', {
      bucket: props.bucket,
      lifecycle: { preventDestroy: true },
    });
    new S3BucketOwnershipControls(this, 'ownership', {
      bucket: bucket.id,
      rule: { objectOwnership: 'BucketOwnerEnforced' },
    });
    new S3BucketVersioningA(this, 'versioning', {
      bucket: bucket.id,
      versioningConfiguration: { status: 'Enabled' },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket: bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms' }, bucketKeyEnabled: true }],
    });
    new S3BucketPublicAccessBlock(this, 'public-access-block', {
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketPolicy(this, 'tls-only', {
      bucket: bucket.id,
      policy: Fn.jsonencode({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: [bucket.arn, `${bucket.arn}/*`],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      }),
    });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket: bucket.id,
      rule: [
        {
          id: 'expire-noncurrent-state',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionDays ?? 90 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
    });

    if (props.accessLogBucket) {
      // Who read or wrote which state file, when (state holds the cluster's secrets' ARNs and outputs).
      new S3BucketLoggingA(this, 'access-logging', {
        bucket: bucket.id,
        targetBucket: props.accessLogBucket,
        targetPrefix: `${props.bucket}/`,
      });
    }

    this.bucketName = bucket.bucket;
    new TerraformOutput(this, 'state_bucket_name', { value: bucket.bucket });
  }
}
