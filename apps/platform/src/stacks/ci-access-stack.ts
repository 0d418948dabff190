import { Construct } from 'constructs';
import { Fn, S3Backend, TerraformOutput, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import type { Environment } from '@boomi-eks/config';
import { requireTerraformVersion } from './terraform-version';

/** GitHub Actions' OIDC issuer, and the audience configure-aws-credentials asks for. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
export const STS_AUDIENCE = 'sts.amazonaws.com';

export interface CiAccessStackProps {
  /** The one GitHub repository whose workflows may assume the roles, `owner/name`. */
  readonly repository: string;
  /**
   * Who may assume the plan role, each matched exactly against the token's `sub`
   * after `repo:<owner/name>:`: `pull_request`, `refs/heads/<branch>`,
   * `refs/tags/<tag>` or `environment:<name>`. No wildcards.
   * @default ['pull_request']
   */
  readonly planRefs?: readonly string[];
  /**
   * Who may assume the deploy role, same forms as `planRefs`; normally one
   * `environment:<env>` per environment (jobs with `environment:` get that
   * subject, and the environment's required reviewers gate them).
   * `pull_request` is refused.
   */
  readonly deployRefs: readonly string[];
  /** The Terraform state bucket (the `state` stack's). */
  readonly stateBucket: string;
  readonly accountId: string;
  /** Region of this stack's provider (IAM is global). */
  readonly region: string;
  /** Region of the state bucket. @default region */
  readonly stateRegion?: string;
  /** State key of this stack. @default 'ci/ci-access.tfstate' */
  readonly stateKey?: string;
  /**
   * Secrets Manager secret ARNs the plan role may read (`GetSecretValue`). The
   * workloads stack's data source reads the Molecule's credentials during
   * plan, so its plan fails without this. ARNs may end in `-??????` (the
   * random suffix Secrets Manager adds to a name).
   * @default [] (no secret)
   */
  readonly planSecretArns?: readonly string[];
  /**
   * An existing GitHub OIDC provider of the account (there can be only one per
   * URL; another pipeline may have made it).
   * @default - this stack creates it
   */
  readonly oidcProviderArn?: string;
  /** Names the roles `<prefix>-plan` and `<prefix>-deploy`. @default 'boomi-molecule-ci' */
  readonly roleNamePrefix?: string;
  /** Longest session of either role, in seconds. @default 3600 */
  readonly maxSessionDurationSeconds?: number;
}

const DEFAULTS = {
  planRefs: ['pull_request'],
  stateKey: 'ci/ci-access.tfstate',
  planSecretArns: [] as string[],
  roleNamePrefix: 'boomi-molecule-ci',
  maxSessionDurationSeconds: 3600,
} as const;

/** `aws`, `aws-cn` or `aws-us-gov`, from a region code. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * The exact `sub` claims for a repository's refs:
 * `pull_request` → `repo:o/r:pull_request`, `refs/heads/main` → `repo:o/r:ref:refs/heads/main`,
 * `environment:prod` → `repo:o/r:environment:prod`.
 */
export function githubSubjects(repository: string, refs: readonly string[], field: string): string[] {
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    throw new Error(`CiAccessStack: repository ('${repository}') must be 'owner/name' (letters, digits, '.', '_', '-'; no wildcards)`);
  }
  if (refs.length === 0) throw new Error(`CiAccessStack: ${field} is empty: name at least one ref, e.g. 'environment:prod'`);
  return refs.map((ref, i) => {
    if (/[*?]/.test(ref)) {
      throw new Error(`CiAccessStack: ${field}[${i}] ('${ref}') has a wildcard: every subject is matched exactly; list each ref`);
    }
    if (ref === 'pull_request') return `repo:${repository}:pull_request`;
    if (/^refs\/(heads|tags)\/\S+$/.test(ref)) return `repo:${repository}:ref:${ref}`;
    if (/^environment:[A-Za-z0-9_.-]+$/.test(ref)) return `repo:${repository}:${ref}`;
    throw new Error(`CiAccessStack: ${field}[${i}] ('${ref}') must be 'pull_request', 'refs/heads/<branch>', 'refs/tags/<tag>' or 'environment:<name>'`);
  });
}

/** Trust policy: GitHub's OIDC tokens for these exact subjects, audience STS. */
export function githubTrustPolicy(providerArn: string, subjects: readonly string[]): string {
  return Fn.jsonencode({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'GitHubActionsOidc',
        Effect: 'Allow',
        Principal: { Federated: providerArn },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            [`${GITHUB_OIDC_HOST}:aud`]: STS_AUDIENCE,
            [`${GITHUB_OIDC_HOST}:sub`]: [...subjects],
          },
        },
      },
    ],
  });
}

/**
 * The plan role's own policy (on top of ReadOnlyAccess): read the state, write
 * only S3 lock files (`*.tflock`, Terraform's `use_lockfile`) and nothing else
 * anywhere, read the listed secrets.
 */
export function planPolicy(partition: string, stateBucket: string, secretArns: readonly string[]): string {
  const bucket = `arn:${partition}:s3:::${stateBucket}`;
  const lockFiles = `${bucket}/*.tflock`;
  const statements: Record<string, unknown>[] = [
    { Sid: 'StateList', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket },
    { Sid: 'StateRead', Effect: 'Allow', Action: 's3:GetObject', Resource: `${bucket}/*` },
    { Sid: 'StateLockWrite', Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: lockFiles },
    // Whatever else grants it (a broader managed policy later), no object but a lock file is ever written.
    { Sid: 'NoWriteButLocks', Effect: 'Deny', Action: ['s3:PutObject', 's3:DeleteObject'], NotResource: lockFiles },
  ];
  if (secretArns.length > 0) {
    statements.push({ Sid: 'PlanReadsMoleculeSecret', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: [...secretArns] });
  }
  return Fn.jsonencode({ Version: '2012-10-17', Statement: statements });
}

/**
 * Guard rails on the deploy role (on top of AdministratorAccess): it cannot
 * change the CI roles or the OIDC provider (so a workflow cannot widen its own
 * trust), nor weaken or delete the state bucket (the `state` stack is applied
 * by hand).
 */
export function deployGuardPolicy(partition: string, stateBucket: string, ciArns: readonly string[]): string {
  return Fn.jsonencode({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ProtectCiAccess',
        Effect: 'Deny',
        Action: ['iam:Add*', 'iam:Attach*', 'iam:Create*', 'iam:Delete*', 'iam:Detach*', 'iam:Put*', 'iam:Remove*', 'iam:Tag*', 'iam:Untag*', 'iam:Update*'],
        Resource: [...ciArns],
      },
      {
        Sid: 'ProtectStateBucket',
        Effect: 'Deny',
        Action: [
          's3:DeleteBucket',
          's3:DeleteBucketPolicy',
          's3:PutBucketAcl',
          's3:PutBucketOwnershipControls',
          's3:PutBucketPolicy',
          's3:PutBucketPublicAccessBlock',
          's3:PutBucketVersioning',
          's3:PutEncryptionConfiguration',
          's3:PutLifecycleConfiguration',
        ],
        Resource: `arn:${partition}:s3:::${stateBucket}`,
      },
    ],
  });
}

/**
 * `ci-access`: what the GitHub Actions pipeline (`.github/workflows/`) assumes,
 * with no long-lived keys. The GitHub OIDC provider; a plan role
 * (ReadOnlyAccess, state read, lock-file write, the Molecule secrets) for pull
 * requests; a deploy role (AdministratorAccess minus the guard rails above)
 * for the GitHub environments. Both trust exactly this repository's listed
 * refs. It is applied by an administrator (like `state`), never by the
 * pipeline it authorizes; its state is `ci/ci-access.tfstate` in the state bucket.
 */
export class CiAccessStack extends TerraformStack {
  readonly planRoleArn: string;
  readonly deployRoleArn: string;
  readonly oidcProviderArn: string;
  readonly planRole: IamRole;
  readonly deployRole: IamRole;

  constructor(scope: Construct, id: string, props: CiAccessStackProps) {
    super(scope, id);
    requireTerraformVersion(this);
    const planRefs = props.planRefs ?? DEFAULTS.planRefs;
    const prefix = props.roleNamePrefix ?? DEFAULTS.roleNamePrefix;
    const maxSessionDuration = props.maxSessionDurationSeconds ?? DEFAULTS.maxSessionDurationSeconds;
    const partition = partitionOf(props.region);
    const deployPr = props.deployRefs.indexOf('pull_request');
    if (deployPr >= 0) {
      throw new Error(`CiAccessStack: deployRefs[${deployPr}] ('pull_request') would let any pull request deploy: use 'environment:<name>' or 'refs/heads/main'`);
    }
    const planSubjects = githubSubjects(props.repository, planRefs, 'planRefs');
    const deploySubjects = githubSubjects(props.repository, props.deployRefs, 'deployRefs');

    const backend = new S3Backend(this, {
      bucket: props.stateBucket,
      key: props.stateKey ?? DEFAULTS.stateKey,
      region: props.stateRegion ?? props.region,
      encrypt: true,
    });
    backend.addOverride('use_lockfile', true);
    new AwsProvider(this, 'aws', {
      region: props.region,
      allowedAccountIds: [props.accountId],
      defaultTags: [{ tags: { ManagedBy: 'cdktf', Project: 'boomi-molecule', Purpose: 'ci-access' } }],
    });

    const providerArnLiteral = `arn:${partition}:iam::${props.accountId}:oidc-provider/${GITHUB_OIDC_HOST}`;
    // No thumbprint: AWS trusts GitHub's issuer through its own CA library, and
    // thumbprint_list is optional in provider-aws 6.x.
    this.oidcProviderArn =
      props.oidcProviderArn ??
      new IamOpenidConnectProvider(this, 'github', { url: `https://${GITHUB_OIDC_HOST}`, clientIdList: [STS_AUDIENCE] }).arn;

    this.planRole = new IamRole(this, 'plan-role', {
      name: `${prefix}-plan`,
      description: `terraform plan from GitHub Actions (${props.repository}): read-only, state read, lock-file write`,
      assumeRolePolicy: githubTrustPolicy(this.oidcProviderArn, planSubjects),
      maxSessionDuration,
    });
    new IamRolePolicyAttachment(this, 'plan-read-only', {
      role: this.planRole.name,
      policyArn: `arn:${partition}:iam::aws:policy/ReadOnlyAccess`,
    });
    new IamRolePolicy(this, 'plan-state', {
      role: this.planRole.name,
      name: 'terraform-state-and-plan-inputs',
      policy: planPolicy(partition, props.stateBucket, props.planSecretArns ?? DEFAULTS.planSecretArns),
    });

    this.deployRole = new IamRole(this, 'deploy-role', {
      name: `${prefix}-deploy`,
      description: `cdktf deploy from GitHub Actions (${props.repository}), approved GitHub environments only`,
      assumeRolePolicy: githubTrustPolicy(this.oidcProviderArn, deploySubjects),
      maxSessionDuration,
    });
    new IamRolePolicyAttachment(this, 'deploy-admin', {
      role: this.deployRole.name,
      policyArn: `arn:${partition}:iam::aws:policy/AdministratorAccess`,
    });
    const roleArn = (name: string) => `arn:${partition}:iam::${props.accountId}:role/${name}`;
    new IamRolePolicy(this, 'deploy-guard', {
      role: this.deployRole.name,
      name: 'guard-rails',
      policy: deployGuardPolicy(partition, props.stateBucket, [roleArn(`${prefix}-plan`), roleArn(`${prefix}-deploy`), props.oidcProviderArn ?? providerArnLiteral]),
    });

    this.planRoleArn = this.planRole.arn;
    this.deployRoleArn = this.deployRole.arn;
    new TerraformOutput(this, 'plan_role_arn', { value: this.planRole.arn, description: 'GitHub variable AWS_PLAN_ROLE_ARN' });
    new TerraformOutput(this, 'deploy_role_arn', { value: this.deployRole.arn, description: 'GitHub variable AWS_DEPLOY_ROLE_ARN' });
    new TerraformOutput(this, 'oidc_provider_arn', { value: this.oidcProviderArn });
  }
}

/** What the repository and its pipeline need from the configuration. */
export interface CiAccessConfig {
  /** `owner/name` of the GitHub repository. */
  readonly repository: string;
  /** @default ['pull_request'] */
  readonly planRefs?: readonly string[];
}

/**
 * The stack's props for a set of environments: one deploy subject per
 * environment (`environment:<name>`, the GitHub environment of the same name),
 * the shared state bucket, and the Molecule secret of each environment for plans.
 */
export function ciAccessProps(envs: readonly Environment[], ci: CiAccessConfig): CiAccessStackProps {
  const first = envs[0];
  if (!first) throw new Error('CiAccessStack: no environment: the deploy role would trust nothing');
  return {
    repository: ci.repository,
    planRefs: ci.planRefs,
    deployRefs: envs.map((e) => `environment:${e.name}`),
    stateBucket: first.state.bucket,
    stateRegion: first.state.region,
    accountId: first.accountId,
    region: first.region,
    planSecretArns: envs.map((e) => `arn:${partitionOf(e.region)}:secretsmanager:${e.region}:${e.accountId}:secret:${e.molecule.auth.secretName}-??????`),
  };
}
