import { Construct } from 'constructs';
import { S3Backend, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { Environment } from '@boomi-eks/config';
import { requireTerraformVersion } from './terraform-version';

/** Tags every taggable AWS resource of an environment carries (provider default_tags). */
export function environmentTags(env: Environment): Record<string, string> {
  // The file's tags first: they may add keys, never relabel these.
  return {
    ...env.tags,
    Environment: env.name,
    ManagedBy: 'cdktf',
    Project: 'boomi-molecule',
  };
}

/**
 * A stack of one environment: AWS provider locked to the environment's account
 * and region with its tags, and state in S3 at `<env>/<stack>.tfstate`,
 * encrypted, with S3-native locking (`use_lockfile`, Terraform ≥ 1.10).
 */
export abstract class EnvironmentStack extends TerraformStack {
  readonly environment: Environment;
  readonly aws: AwsProvider;

  protected constructor(scope: Construct, env: Environment, stackName: string) {
    super(scope, `${env.name}-${stackName}`);
    this.environment = env;
    requireTerraformVersion(this);
    this.aws = new AwsProvider(this, 'aws', {
      region: env.region,
      allowedAccountIds: [env.accountId],
      defaultTags: [{ tags: environmentTags(env) }],
    });
    const backend = new S3Backend(this, {
      bucket: env.state.bucket,
      key: `${env.name}/${stackName}.tfstate`,
      region: env.state.region,
      encrypt: true,
    });
    // S3BackendConfig has no field for it in cdktf 0.21.
    backend.addOverride('use_lockfile', true);
  }
}
