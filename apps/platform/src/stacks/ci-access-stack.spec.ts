import * as fs from 'node:fs';
import * as path from 'node:path';
import { Testing } from 'cdktf';
import { parse as parseYaml } from 'yaml';
import { backendOf, listResources, onlyResource, decodeJsonencode, synthStack, type StackJson } from '@boomi-eks/testing';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { validateAll } from '../platform';
import { loadEnvironmentFiles } from '../environments/load';
import {
  CiAccessStack,
  PLAN_DENIED_DATA_READS,
  ciAccessProps,
  deployGuardPolicy,
  deployPolicy,
  environmentRoleNames,
  githubSubjects,
  type CiAccessStackProps,
} from './ci-access-stack';

const PROPS: CiAccessStackProps = {
  repository: 'acme/boomi-molecule-eks',
  deployRefs: ['environment:dev', 'environment:prod'],
  stateBucket: 'tfstate-bucket',
  accountId: '123456789012',
  region: 'us-east-1',
  deployRoleNames: ['dev-boomi-molecule-*', 'dev-vpc-flow-logs'],
};
const BOUNDARY = 'arn:aws:iam::123456789012:policy/boomi-molecule-ci-workload-boundary';

function synth(overrides: Partial<CiAccessStackProps> = {}): StackJson {
  return synthStack(new CiAccessStack(Testing.app(), 'ci-access', { ...PROPS, ...overrides }));
}

const json = synth();

/** A role and everything attached to it, by the role's construct id. */
function role(id: 'plan-role' | 'deploy-role') {
  const roles = json.resource![IamRole.tfResourceType];
  const ref = `\${aws_iam_role.${id}.name}`;
  return {
    role: roles[id],
    trust: decodeJsonencode(roles[id].assume_role_policy),
    managed: listResources(json, IamRolePolicyAttachment.tfResourceType).filter((a) => a.role === ref).map((a) => a.policy_arn),
    inline: listResources(json, IamRolePolicy.tfResourceType)
      .filter((p) => p.role === ref)
      .map((p) => decodeJsonencode(p.policy)),
  };
}

const plan = role('plan-role');
const deploy = role('deploy-role');

describe('CiAccessStack', () => {
  it('creates the GitHub OIDC provider for STS, with no thumbprint', () => {
    const provider = onlyResource(json, IamOpenidConnectProvider.tfResourceType);
    expect(provider.url).toBe('https://token.actions.githubusercontent.com');
    expect(provider.client_id_list).toEqual(['sts.amazonaws.com']);
    expect(provider).not.toHaveProperty('thumbprint_list');
  });

  describe('plan role', () => {
    it('trusts only pull requests of this repository, audience STS, matched exactly', () => {
      expect(plan.role.name).toBe('boomi-molecule-ci-plan');
      expect(plan.trust.Statement).toEqual([
        {
          Sid: 'GitHubActionsOidc',
          Effect: 'Allow',
          Principal: { Federated: expect.stringMatching(/^\$\{aws_iam_openid_connect_provider\.github\.arn\}$/) },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: {
              'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
              'token.actions.githubusercontent.com:sub': ['repo:acme/boomi-molecule-eks:pull_request'],
            },
          },
        },
      ]);
    });

    it('is read-only: ReadOnlyAccess and no other managed policy', () => {
      expect(plan.managed).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    });

    it('reads the state bucket and writes nothing but lock files', () => {
      const statements = plan.inline[0].Statement;
      expect(statements).toEqual(
        expect.arrayContaining([
          { Sid: 'StateList', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::tfstate-bucket' },
          { Sid: 'StateRead', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::tfstate-bucket/*' },
          { Sid: 'StateLockWrite', Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: 'arn:aws:s3:::tfstate-bucket/*.tflock' },
          { Sid: 'NoWriteButLocks', Effect: 'Deny', Action: ['s3:PutObject', 's3:DeleteObject'], NotResource: 'arn:aws:s3:::tfstate-bucket/*.tflock' },
        ]),
      );
      const writes = statements.filter((s: any) => s.Effect === 'Allow' && [s.Action].flat().some((a: string) => /^s3:(Put|Delete)/.test(a)));
      expect(writes.map((s: any) => s.Resource)).toEqual(['arn:aws:s3:::tfstate-bucket/*.tflock']);
    });

    const actions = (st: any): string[] => [st.Action ?? st.NotAction].flat();
    const allows = () => plan.inline[0].Statement.filter((st: any) => st.Effect === 'Allow');

    it('reads no secret: nothing allows a secret, parameter or decrypt action, and an explicit Deny covers each', () => {
      const granted = allows().flatMap(actions);
      expect(granted.filter((a: string) => /^(secretsmanager|ssm|kms):/.test(a))).toEqual([]);
      const noData = plan.inline[0].Statement.find((st: any) => st.Sid === 'NoDataReads');
      expect(noData).toMatchObject({ Effect: 'Deny', Resource: '*' });
      expect(noData.Action).toEqual(
        expect.arrayContaining(['secretsmanager:GetSecretValue', 'secretsmanager:BatchGetSecretValue', 'ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath', 'ssm:GetParameterHistory']),
      );
      expect(noData.Action).toEqual([...PLAN_DENIED_DATA_READS]);
    });

    it('reads no object but the state, and decrypts only through S3 in the state region', () => {
      expect(plan.inline[0].Statement).toEqual(
        expect.arrayContaining([
          { Sid: 'NoObjectReadsButState', Effect: 'Deny', Action: ['s3:GetObject', 's3:GetObjectVersion'], NotResource: 'arn:aws:s3:::tfstate-bucket/*' },
          {
            Sid: 'NoDecryptButStateThroughS3',
            Effect: 'Deny',
            Action: 'kms:Decrypt',
            Resource: '*',
            Condition: { StringNotEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } },
          },
        ]),
      );
    });
  });

  describe('deploy role', () => {
    it('trusts only the GitHub environments of this repository, never a pull request', () => {
      expect(deploy.role.name).toBe('boomi-molecule-ci-deploy');
      expect(deploy.trust.Statement[0].Condition).toEqual({
        StringEquals: {
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
          'token.actions.githubusercontent.com:sub': ['repo:acme/boomi-molecule-eks:environment:dev', 'repo:acme/boomi-molecule-eks:environment:prod'],
        },
      });
      expect(JSON.stringify(deploy.trust)).not.toContain('pull_request');
    });

    const statements = () => deploy.inline.flatMap((p: any) => p.Statement);
    const actions = (st: any): string[] => [st.Action ?? st.NotAction].flat();

    it('has no managed policy: no AdministratorAccess, nothing attached', () => {
      expect(deploy.managed).toEqual([]);
      expect(JSON.stringify(json)).not.toContain('AdministratorAccess');
    });

    it('allows no *:*, no service-wide IAM, STS, Organizations, Secrets Manager or SSM', () => {
      const granted = statements().filter((st: any) => st.Effect === 'Allow').flatMap(actions);
      expect(granted.filter((a: string) => a === '*' || a === '*:*' || /^(iam|sts|organizations|secretsmanager|ssm):\*$/.test(a))).toEqual([]);
      expect(granted.filter((a: string) => /^(secretsmanager|ssm|sts|organizations):/.test(a))).toEqual([]);
      expect(statements().filter((st: any) => st.Effect === 'Allow' && st.NotAction !== undefined)).toEqual([]);
    });

    it('writes IAM only on the stacks\' roles, and creates or gives them policies only with the permissions boundary', () => {
      const iamWrites = statements().filter(
        (st: any) => st.Effect === 'Allow' && actions(st).some((a) => a.startsWith('iam:') && !/^iam:(Get|List)/.test(a)),
      );
      const roles = ['arn:aws:iam::123456789012:role/dev-boomi-molecule-*', 'arn:aws:iam::123456789012:role/dev-vpc-flow-logs'];
      for (const st of iamWrites) {
        if (st.Sid === 'ServiceLinkedRoles') {
          expect(st).toMatchObject({ Action: 'iam:CreateServiceLinkedRole', Condition: { StringEquals: { 'iam:AWSServiceName': expect.any(Array) } } });
        } else expect({ sid: st.Sid, resource: st.Resource }).toEqual({ sid: st.Sid, resource: roles });
      }
      const withBoundary = iamWrites.find((st: any) => st.Sid === 'OurRolesOnlyWithBoundary');
      expect(withBoundary.Action).toEqual(expect.arrayContaining(['iam:CreateRole', 'iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:PutRolePermissionsBoundary']));
      expect(withBoundary.Condition).toEqual({ StringEquals: { 'iam:PermissionsBoundary': BOUNDARY } });
      // Every action that creates a role or changes what it may do carries the condition.
      const ungated = iamWrites.filter((st: any) => st.Condition === undefined).flatMap(actions);
      expect(ungated.filter((a: string) => /^iam:(CreateRole|Put|Attach)/.test(a))).toEqual([]);
    });

    it('keeps the guard rails: CI roles, OIDC provider and boundary untouchable, boundaries never removed, the state bucket safe', () => {
      const [ci, keep, state] = deploy.inline.find((p: any) => p.Statement[0].Sid === 'ProtectCiAccess').Statement;
      expect(ci).toMatchObject({
        Effect: 'Deny',
        Resource: [
          'arn:aws:iam::123456789012:role/boomi-molecule-ci-plan',
          'arn:aws:iam::123456789012:role/boomi-molecule-ci-deploy',
          'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com',
          BOUNDARY,
        ],
      });
      expect(ci.Action).toEqual(expect.arrayContaining(['iam:Update*', 'iam:Attach*', 'iam:Put*', 'iam:Delete*', 'iam:Create*', 'iam:Set*']));
      expect(keep).toEqual({ Sid: 'KeepBoundaries', Effect: 'Deny', Action: ['iam:DeleteRolePermissionsBoundary', 'iam:DeleteUserPermissionsBoundary'], Resource: '*' });
      expect(state).toMatchObject({ Effect: 'Deny', Resource: 'arn:aws:s3:::tfstate-bucket' });
      expect(state.Action).toEqual(expect.arrayContaining(['s3:DeleteBucket', 's3:PutBucketPolicy', 's3:PutBucketVersioning']));
    });

    it('fits IAM\'s 10,240-character limit for a role\'s inline policies', () => {
      const size = deploy.inline.map((p: any) => JSON.stringify(p).length).reduce((a: number, b: number) => a + b, 0);
      expect(size).toBeLessThan(10240);
      const big = deployPolicy('aws', '123456789012', 'b', ['a-very-long-cluster-name-of-some-environment-*', 'x-vpc-flow-logs'], BOUNDARY);
      const guard = deployGuardPolicy('aws', 'b', ['r1', 'r2', 'r3', BOUNDARY]);
      expect(JSON.stringify(big).length + JSON.stringify(guard).length).toBeLessThan(10240);
    });
  });

  describe('permissions boundary', () => {
    const boundary = onlyResource(json, IamPolicy.tfResourceType);
    const doc = decodeJsonencode(boundary.policy);
    const granted: string[] = doc.Statement.flatMap((st: any) => [st.Action].flat());

    it('is a customer managed policy named after the prefix', () => {
      expect(boundary.name).toBe('boomi-molecule-ci-workload-boundary');
      expect(doc.Statement.every((st: any) => st.Effect === 'Allow' && st.NotAction === undefined)).toBe(true);
    });

    it('lets no role of the stacks write IAM (but service-linked roles) or read any secret but through its own policy', () => {
      expect(granted.filter((a) => a.startsWith('iam:'))).toEqual(['iam:CreateServiceLinkedRole']);
      expect(granted.filter((a) => a.startsWith('secretsmanager:'))).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
      expect(granted).not.toContain('*');
      expect(granted.filter((a) => /^(sts|organizations|s3):/.test(a))).toEqual([]);
    });
  });

  it('has no wildcard subject in any trust policy', () => {
    for (const r of [plan, deploy]) {
      const condition = r.trust.Statement[0].Condition;
      expect(Object.keys(condition)).toEqual(['StringEquals']);
      expect(condition.StringEquals['token.actions.githubusercontent.com:sub'].join()).not.toMatch(/[*?]/);
    }
  });

  it('limits the plan session to one hour and gives the deploy session at least the deploy job\'s timeout', () => {
    expect(plan.role.max_session_duration).toBe(3600);
    const deployYml = parseYaml(fs.readFileSync(path.resolve(__dirname, '../../../../.github/workflows/deploy.yml'), 'utf8'));
    const deployJobs = Object.values(deployYml.jobs as Record<string, any>).filter((j) => j.environment !== undefined);
    expect(deployJobs.length).toBeGreaterThan(0);
    for (const job of deployJobs) {
      expect(deploy.role.max_session_duration).toBeGreaterThanOrEqual(job['timeout-minutes'] * 60);
      // configure-aws-credentials asks for one hour unless told otherwise.
      const assume = job.steps.find((st: any) => String(st.uses).startsWith('aws-actions/configure-aws-credentials@'));
      expect(Number(assume.with['role-duration-seconds'])).toBeGreaterThanOrEqual(job['timeout-minutes'] * 60);
      expect(Number(assume.with['role-duration-seconds'])).toBeLessThanOrEqual(deploy.role.max_session_duration);
    }
  });

  it('keeps its state in the state bucket at ci/ci-access.tfstate, encrypted and locked', () => {
    expect(backendOf(json)).toEqual({
      type: 's3',
      config: { bucket: 'tfstate-bucket', key: 'ci/ci-access.tfstate', region: 'us-east-1', encrypt: true, use_lockfile: true },
    });
    expect(json.provider!.aws[0]).toMatchObject({ region: 'us-east-1', allowed_account_ids: ['123456789012'] });
  });

  it('outputs the role ARNs the workflows need', () => {
    expect(Object.keys(json.output!).sort()).toEqual(['deploy_role_arn', 'oidc_provider_arn', 'plan_role_arn', 'workload_boundary_arn']);
  });

  it('uses an existing OIDC provider when given one', () => {
    const arn = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';
    const existing = synth({ oidcProviderArn: arn });
    expect(listResources(existing, IamOpenidConnectProvider.tfResourceType)).toEqual([]);
    const trust = decodeJsonencode(listResources(existing, IamRole.tfResourceType)[0].assume_role_policy);
    expect(trust.Statement[0].Principal).toEqual({ Federated: arn });
  });

  it('accepts branch and tag refs for either role', () => {
    expect(githubSubjects('o/r', ['refs/heads/main', 'refs/tags/v1.2.0', 'environment:prod'], 'planRefs')).toEqual([
      'repo:o/r:ref:refs/heads/main',
      'repo:o/r:ref:refs/tags/v1.2.0',
      'repo:o/r:environment:prod',
    ]);
  });

  describe('refuses', () => {
    it.each([
      [{ repository: 'acme/*' }, /repository \('acme\/\*'\) must be 'owner\/name'/],
      [{ repository: 'acme' }, /repository \('acme'\) must be 'owner\/name'/],
      [{ planRefs: ['refs/heads/*'] }, /planRefs\[0\] \('refs\/heads\/\*'\) has a wildcard/],
      [{ deployRefs: ['environment:dev', 'pull_request'] }, /deployRefs\[1\] \('pull_request'\) would let any pull request deploy/],
      [{ deployRefs: ['main'] }, /deployRefs\[0\] \('main'\) must be 'pull_request', 'refs\/heads\/<branch>'/],
      [{ deployRefs: [] }, /deployRefs is empty/],
      [{ deployRoleNames: [] }, /deployRoleNames is empty/],
      [{ deployRoleNames: ['*'] }, /deployRoleNames\[0\] \('\*'\) must be an IAM role name/],
      [{ deployRoleNames: ['dev-*-node'] }, /deployRoleNames\[0\] \('dev-\*-node'\)/],
      [{ deploySessionDurationSeconds: 1800 }, /deploySessionDurationSeconds \(1800\) must be a whole number of seconds from 3600 to 43200/],
    ])('%j', (overrides, message) => {
      expect(() => synth(overrides as Partial<CiAccessStackProps>)).toThrow(message);
    });
  });
});

describe('ciAccessProps', () => {
  it('derives the deploy subjects, state bucket and the role names of every environment, and no secret', () => {
    const envs = validateAll(loadEnvironmentFiles());
    const props = ciAccessProps(envs, { repository: 'acme/boomi-molecule-eks' });
    expect(props).toMatchObject({
      repository: 'acme/boomi-molecule-eks',
      deployRefs: ['environment:dev', 'environment:prod'],
      stateBucket: envs[0].state.bucket,
      accountId: envs[0].accountId,
    });
    expect(props.deployRoleNames).toEqual(envs.flatMap(environmentRoleNames));
    expect(props.deployRoleNames).toEqual(['dev-boomi-molecule-*', 'dev-vpc-flow-logs', 'prod-boomi-molecule-*', 'prod-vpc-flow-logs']);
    expect(JSON.stringify(props)).not.toContain('secretsmanager');
  });
});
