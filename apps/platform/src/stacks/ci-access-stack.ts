import { Construct } from 'constructs';
import { S3Backend, TerraformOutput, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Fn } from 'cdktf';
import type { Environment } from '@boomi-eks/config';
import { partitionOf } from '../aws-arns';
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
   * IAM role names (a trailing `*` allowed) that the deploy role may create,
   * change and pass: the roles the environment stacks make, e.g.
   * `dev-boomi-molecule-*`. Each must carry the permissions boundary
   * (`<prefix>-workload-boundary`, made here).
   */
  readonly deployRoleNames: readonly string[];
  /**
   * An existing GitHub OIDC provider of the account (there can be only one per
   * URL; another pipeline may have made it).
   * @default - this stack creates it
   */
  readonly oidcProviderArn?: string;
  /** Names the roles `<prefix>-plan` and `<prefix>-deploy`. @default 'boomi-molecule-ci' */
  readonly roleNamePrefix?: string;
  /** Longest session of the plan role, in seconds (plan.yml's plan job: 30 minutes). @default 3600 */
  readonly planSessionDurationSeconds?: number;
  /**
   * Longest session of the deploy role, in seconds: at least the deploy job's
   * `timeout-minutes` (deploy.yml: 120), which asks for it with
   * `role-duration-seconds`. @default 7200
   */
  readonly deploySessionDurationSeconds?: number;
}

const DEFAULTS = {
  planRefs: ['pull_request'],
  stateKey: 'ci/ci-access.tfstate',
  roleNamePrefix: 'boomi-molecule-ci',
  planSessionDurationSeconds: 3600,
  deploySessionDurationSeconds: 7200,
} as const;

/** The names of the CI roles and of the permissions boundary, from the role name prefix. */
export function ciNames(prefix: string = DEFAULTS.roleNamePrefix): { plan: string; deploy: string; boundary: string } {
  return { plan: `${prefix}-plan`, deploy: `${prefix}-deploy`, boundary: `${prefix}-workload-boundary` };
}

/** ARN of an IAM role or customer managed policy of the account. */
export function iamArn(partition: string, accountId: string, kind: 'role' | 'policy', name: string): string {
  return `arn:${partition}:iam::${accountId}:${kind}/${name}`;
}

export { partitionOf };

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

/** Trust policy: GitHub's OIDC tokens for these exact subjects, audience STS (a document object: pass it through Fn.jsonencode). */
export function githubTrustPolicy(providerArn: string, subjects: readonly string[]): Record<string, unknown> {
  return {
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
  };
}

/**
 * Reads that AWS's ReadOnlyAccess allows and a plan never needs: they return
 * data, not configuration (secret values, parameters, items, messages, log
 * events, function code and environment, console output). Checked against
 * ReadOnlyAccess v182 (2026-04-03): it grants `secretsmanager:Describe*`,
 * `ssm:Get*`, `s3:Get*`, `dynamodb:Get*` (and Query/Scan), `lambda:Get*`,
 * `logs:Get*`/`FilterLogEvents`, `sqs:Receive*`, `kinesis:Get*`,
 * `codecommit:Get*`, `athena:Get*`; not `secretsmanager:GetSecretValue` nor
 * `kms:Decrypt`, which are denied here anyway so that no later policy can
 * grant them.
 */
export const PLAN_DENIED_DATA_READS = [
  'secretsmanager:GetSecretValue',
  'secretsmanager:BatchGetSecretValue',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'ssm:GetParameterHistory',
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'lambda:GetFunction',
  'logs:GetLogEvents',
  'logs:FilterLogEvents',
  'logs:StartQuery',
  'logs:GetQueryResults',
  'logs:StartLiveTail',
  'sqs:ReceiveMessage',
  'kinesis:GetRecords',
  'ec2:GetPasswordData',
  'ec2:GetConsoleOutput',
  'codecommit:GetBlob',
  'codecommit:GetFile',
  'athena:GetQueryResults',
] as const;

/**
 * The plan role's own policy (on top of ReadOnlyAccess): read the state,
 * write only S3 lock files (`*.tflock`, Terraform's `use_lockfile`), and no
 * data read: {@link PLAN_DENIED_DATA_READS} denied everywhere, object reads
 * denied outside the state bucket, and KMS decryption denied except by S3 in
 * the state bucket's region (the state is SSE-KMS with the AWS managed key).
 */
export function planPolicy(partition: string, stateBucket: string, stateRegion: string): Record<string, unknown> {
  const bucket = `arn:${partition}:s3:::${stateBucket}`;
  const lockFiles = `${bucket}/*.tflock`;
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'StateList', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket },
      { Sid: 'StateRead', Effect: 'Allow', Action: 's3:GetObject', Resource: `${bucket}/*` },
      { Sid: 'StateLockWrite', Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: lockFiles },
      // Whatever else grants it (a broader managed policy later), no object but a lock file is ever written.
      { Sid: 'NoWriteButLocks', Effect: 'Deny', Action: ['s3:PutObject', 's3:DeleteObject'], NotResource: lockFiles },
      { Sid: 'NoDataReads', Effect: 'Deny', Action: [...PLAN_DENIED_DATA_READS], Resource: '*' },
      { Sid: 'NoObjectReadsButState', Effect: 'Deny', Action: ['s3:GetObject', 's3:GetObjectVersion'], NotResource: `${bucket}/*` },
      {
        Sid: 'NoDecryptButStateThroughS3',
        Effect: 'Deny',
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: { StringNotEquals: { 'kms:ViaService': `s3.${stateRegion}.amazonaws.com` } },
      },
    ],
  };
}

/**
 * Service-linked roles the environment stacks' services create on first use
 * (EKS, its node groups, Auto Scaling, the NLB, EFS, AWS Backup for the
 * file system's automatic backups, spot capacity).
 */
export const DEPLOY_SERVICE_LINKED_ROLES = [
  'eks.amazonaws.com',
  'eks-nodegroup.amazonaws.com',
  'autoscaling.amazonaws.com',
  'elasticloadbalancing.amazonaws.com',
  'elasticfilesystem.amazonaws.com',
  'backup.amazonaws.com',
  'spot.amazonaws.com',
] as const;

/**
 * What the deploy role may do, instead of AdministratorAccess: the services
 * the environment stacks manage (EC2/VPC, EKS, EFS, CloudWatch Logs, the
 * cluster's KMS key), the state objects, IAM reads, and IAM writes only on
 * roles named by `roleNames` — created, changed or given policies only while
 * they carry the permissions boundary `boundaryArn` — and the service-linked
 * roles above. No Secrets Manager, no SSM parameters, no `*:*`.
 */
export function deployPolicy(
  partition: string,
  accountId: string,
  stateBucket: string,
  roleNames: readonly string[],
  boundaryArn: string,
): Record<string, unknown> {
  const bucket = `arn:${partition}:s3:::${stateBucket}`;
  const roles = roleNames.map((n) => iamArn(partition, accountId, 'role', n));
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ManagedServices', Effect: 'Allow', Action: ['ec2:*', 'eks:*', 'elasticfilesystem:*', 'logs:*', 'autoscaling:Describe*'], Resource: '*' },
      {
        Sid: 'ClusterSecretsKey',
        Effect: 'Allow',
        Action: [
          'kms:CreateKey',
          'kms:CreateAlias',
          'kms:DeleteAlias',
          'kms:UpdateAlias',
          'kms:CreateGrant',
          'kms:Describe*',
          'kms:Get*',
          'kms:List*',
          'kms:PutKeyPolicy',
          'kms:EnableKeyRotation',
          'kms:TagResource',
          'kms:UntagResource',
          'kms:ScheduleKeyDeletion',
        ],
        Resource: '*',
      },
      { Sid: 'StateList', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket },
      { Sid: 'StateObjects', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: `${bucket}/*` },
      { Sid: 'IamRead', Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' },
      {
        Sid: 'OurRolesOnlyWithBoundary',
        Effect: 'Allow',
        Action: [
          'iam:CreateRole',
          'iam:PutRolePermissionsBoundary',
          'iam:PutRolePolicy',
          'iam:DeleteRolePolicy',
          'iam:AttachRolePolicy',
          'iam:DetachRolePolicy',
        ],
        Resource: roles,
        Condition: { StringEquals: { 'iam:PermissionsBoundary': boundaryArn } },
      },
      {
        Sid: 'OurRoles',
        Effect: 'Allow',
        Action: ['iam:DeleteRole', 'iam:TagRole', 'iam:UntagRole', 'iam:UpdateRole', 'iam:UpdateRoleDescription', 'iam:UpdateAssumeRolePolicy', 'iam:PassRole'],
        Resource: roles,
      },
      {
        Sid: 'ServiceLinkedRoles',
        Effect: 'Allow',
        Action: 'iam:CreateServiceLinkedRole',
        Resource: '*',
        Condition: { StringEquals: { 'iam:AWSServiceName': [...DEPLOY_SERVICE_LINKED_ROLES] } },
      },
    ],
  };
}

/**
 * The permissions boundary every role of the environment stacks carries: the
 * most any of them may ever do, whatever policy is attached later. The union
 * of what they need (the AWS managed policies they attach, read 2026:
 * AmazonEKSClusterPolicy, AmazonEKSWorkerNodePolicy, AmazonEKS_CNI_Policy,
 * AmazonEC2ContainerRegistryReadOnly, AmazonSSMManagedInstanceCore,
 * AmazonEFSCSIDriverPolicy; and their inline policies: cluster-autoscaler,
 * EFS client mounts, flow logs, the External Secrets Operator's one secret).
 * No IAM write but service-linked roles: a role the deploy role makes can
 * never make or widen another.
 */
export function workloadBoundaryPolicy(): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'WhatOurRolesMayDo',
        Effect: 'Allow',
        Action: [
          'autoscaling:*',
          'ec2:*',
          'ec2messages:*',
          'ecr:BatchCheckLayerAvailability',
          'ecr:BatchGetImage',
          'ecr:Describe*',
          'ecr:Get*',
          'ecr:List*',
          'eks:Describe*',
          'eks:List*',
          'eks-auth:AssumeRoleForPodIdentity',
          'elasticfilesystem:*',
          'elasticloadbalancing:*',
          'iam:CreateServiceLinkedRole',
          'kms:CreateGrant',
          'kms:Decrypt',
          'kms:DescribeKey',
          'kms:Encrypt',
          'kms:GenerateDataKey*',
          'kms:ListGrants',
          'kms:ReEncrypt*',
          'kms:RevokeGrant',
          'logs:CreateLogGroup',
          'logs:CreateLogStream',
          'logs:Describe*',
          'logs:PutLogEvents',
          'logs:PutRetentionPolicy',
          'secretsmanager:DescribeSecret',
          'secretsmanager:GetSecretValue',
          'ssm:*',
          'ssmmessages:*',
        ],
        Resource: '*',
      },
    ],
  };
}

/**
 * Guard rails on the deploy role: it cannot change the CI roles, the OIDC
 * provider or the permissions boundary (so a workflow cannot widen its own
 * trust or its roles' ceiling), cannot take a boundary off a role, nor weaken
 * or delete the state bucket (the `state` stack is applied by hand).
 */
export function deployGuardPolicy(partition: string, stateBucket: string, protectedArns: readonly string[]): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ProtectCiAccess',
        Effect: 'Deny',
        Action: ['iam:Add*', 'iam:Attach*', 'iam:Create*', 'iam:Delete*', 'iam:Detach*', 'iam:Put*', 'iam:Remove*', 'iam:Set*', 'iam:Tag*', 'iam:Untag*', 'iam:Update*'],
        Resource: [...protectedArns],
      },
      { Sid: 'KeepBoundaries', Effect: 'Deny', Action: ['iam:DeleteRolePermissionsBoundary', 'iam:DeleteUserPermissionsBoundary'], Resource: '*' },
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
  };
}

/**
 * `ci-access`: what the GitHub Actions pipeline (`.github/workflows/`) assumes,
 * with no long-lived keys. The GitHub OIDC provider; a plan role for pull
 * requests (ReadOnlyAccess minus every data read, state read, lock-file
 * write; no secret); a deploy role for the GitHub environments (the services
 * the stacks manage, IAM writes only on the stacks' roles and only with the
 * permissions boundary made here, guard rails); the boundary itself. Both
 * roles trust exactly this repository's listed refs. It is applied by an
 * administrator (like `state`), before the environment stacks (their roles
 * carry its boundary, their clusters give its plan role an access entry),
 * never by the pipeline it authorizes; its state is `ci/ci-access.tfstate`.
 */
export class CiAccessStack extends TerraformStack {
  readonly planRoleArn: string;
  readonly deployRoleArn: string;
  readonly oidcProviderArn: string;
  readonly planRole: IamRole;
  readonly deployRole: IamRole;
  /** The permissions boundary every role of the environment stacks carries. */
  readonly workloadBoundary: IamPolicy;

  constructor(scope: Construct, id: string, props: CiAccessStackProps) {
    super(scope, id);
    requireTerraformVersion(this);
    const planRefs = props.planRefs ?? DEFAULTS.planRefs;
    const names = ciNames(props.roleNamePrefix ?? DEFAULTS.roleNamePrefix);
    const planSession = props.planSessionDurationSeconds ?? DEFAULTS.planSessionDurationSeconds;
    const deploySession = props.deploySessionDurationSeconds ?? DEFAULTS.deploySessionDurationSeconds;
    for (const [field, seconds] of [['planSessionDurationSeconds', planSession], ['deploySessionDurationSeconds', deploySession]] as const) {
      if (!Number.isInteger(seconds) || seconds < 3600 || seconds > 43200) {
        throw new Error(`CiAccessStack: ${field} (${seconds}) must be a whole number of seconds from 3600 to 43200 (IAM's bounds)`);
      }
    }
    const partition = partitionOf(props.region);
    const deployPr = props.deployRefs.indexOf('pull_request');
    if (deployPr >= 0) {
      throw new Error(`CiAccessStack: deployRefs[${deployPr}] ('pull_request') would let any pull request deploy: use 'environment:<name>' or 'refs/heads/main'`);
    }
    if (props.deployRoleNames.length === 0) {
      throw new Error("CiAccessStack: deployRoleNames is empty: the deploy role could create no role; name the stacks' roles, e.g. 'dev-boomi-molecule-*'");
    }
    props.deployRoleNames.forEach((n, i) => {
      if (!/^[\w+=,.@-]+\*?$/.test(n) || n.replace('*', '').length < 3) {
        throw new Error(`CiAccessStack: deployRoleNames[${i}] ('${n}') must be an IAM role name with at most a trailing '*' and 3 characters before it, e.g. 'dev-boomi-molecule-*'`);
      }
    });
    const planSubjects = githubSubjects(props.repository, planRefs, 'planRefs');
    const deploySubjects = githubSubjects(props.repository, props.deployRefs, 'deployRefs');
    const stateRegion = props.stateRegion ?? props.region;

    const backend = new S3Backend(this, {
      bucket: props.stateBucket,
      key: props.stateKey ?? DEFAULTS.stateKey,
      region: stateRegion,
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
      name: names.plan,
      description: `terraform plan from GitHub Actions (${props.repository}): read-only without data reads, state read, lock-file write`,
      assumeRolePolicy: Fn.jsonencode(githubTrustPolicy(this.oidcProviderArn, planSubjects)),
      maxSessionDuration: planSession,
    });
    new IamRolePolicyAttachment(this, 'plan-read-only', {
      role: this.planRole.name,
      policyArn: `arn:${partition}:iam::aws:policy/ReadOnlyAccess`,
    });
    new IamRolePolicy(this, 'plan-state', {
      role: this.planRole.name,
      name: 'terraform-state-no-data-reads',
      policy: Fn.jsonencode(planPolicy(partition, props.stateBucket, stateRegion)),
    });

    const boundaryArn = iamArn(partition, props.accountId, 'policy', names.boundary);
    this.workloadBoundary = new IamPolicy(this, 'workload-boundary', {
      name: names.boundary,
      description: 'Permissions boundary of every IAM role the environment stacks create',
      policy: Fn.jsonencode(workloadBoundaryPolicy()),
    });

    this.deployRole = new IamRole(this, 'deploy-role', {
      name: names.deploy,
      description: `cdktf deploy from GitHub Actions (${props.repository}), approved GitHub environments only`,
      assumeRolePolicy: Fn.jsonencode(githubTrustPolicy(this.oidcProviderArn, deploySubjects)),
      maxSessionDuration: deploySession,
    });
    new IamRolePolicy(this, 'deploy-permissions', {
      role: this.deployRole.name,
      name: 'environment-stacks',
      policy: Fn.jsonencode(deployPolicy(partition, props.accountId, props.stateBucket, props.deployRoleNames, boundaryArn)),
    });
    new IamRolePolicy(this, 'deploy-guard', {
      role: this.deployRole.name,
      name: 'guard-rails',
      policy: Fn.jsonencode(
        deployGuardPolicy(partition, props.stateBucket, [
          iamArn(partition, props.accountId, 'role', names.plan),
          iamArn(partition, props.accountId, 'role', names.deploy),
          props.oidcProviderArn ?? providerArnLiteral,
          boundaryArn,
        ]),
      ),
    });

    this.planRoleArn = this.planRole.arn;
    this.deployRoleArn = this.deployRole.arn;
    new TerraformOutput(this, 'plan_role_arn', { value: this.planRole.arn, description: 'GitHub variable AWS_PLAN_ROLE_ARN' });
    new TerraformOutput(this, 'deploy_role_arn', { value: this.deployRole.arn, description: 'GitHub variable AWS_DEPLOY_ROLE_ARN' });
    new TerraformOutput(this, 'oidc_provider_arn', { value: this.oidcProviderArn });
    new TerraformOutput(this, 'workload_boundary_arn', { value: this.workloadBoundary.arn, description: 'permissions boundary of the environment stacks\' roles' });
  }
}

/** What the repository and its pipeline need from the configuration. */
export interface CiAccessConfig {
  /** `owner/name` of the GitHub repository. */
  readonly repository: string;
  /** @default ['pull_request'] */
  readonly planRefs?: readonly string[];
  /** Names the CI roles and the boundary. @default 'boomi-molecule-ci' */
  readonly roleNamePrefix?: string;
}

/**
 * IAM role names the environment stacks create, as patterns: every role is
 * named after the cluster (`<cluster>-cluster`, `-node`, `-cluster-autoscaler`,
 * `-efs-csi-*`, `-external-secrets`) except the VPC flow logs' (`<env>-vpc-flow-logs`).
 */
export function environmentRoleNames(env: Environment): string[] {
  return [`${env.cluster.name}-*`, `${env.name}-vpc-flow-logs`];
}

/**
 * The stack's props for a set of environments: one deploy subject per
 * environment (`environment:<name>`, the GitHub environment of the same name),
 * the shared state bucket, and the role names the deploy role may manage.
 */
export function ciAccessProps(envs: readonly Environment[], ci: CiAccessConfig): CiAccessStackProps {
  const first = envs[0];
  if (!first) throw new Error('CiAccessStack: no environment: the deploy role would trust nothing');
  return {
    repository: ci.repository,
    planRefs: ci.planRefs,
    roleNamePrefix: ci.roleNamePrefix,
    deployRefs: envs.map((e) => `environment:${e.name}`),
    deployRoleNames: [...new Set(envs.flatMap(environmentRoleNames))],
    stateBucket: first.state.bucket,
    stateRegion: first.state.region,
    accountId: first.accountId,
    region: first.region,
  };
}
