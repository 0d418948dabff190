import { Testing } from 'cdktf';
import { decodeJsonencode, backendOf, listResources, onlyResource, synthStack, type StackJson } from '@boomi-eks/testing';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { validateAll } from '../platform';
import { loadEnvironmentFiles } from '../environments/load';
import { CiAccessStack, ciAccessProps, githubSubjects, type CiAccessStackProps } from './ci-access-stack';

const PROPS: CiAccessStackProps = {
  repository: 'acme/boomi-molecule-eks',
  deployRefs: ['environment:dev', 'environment:prod'],
  stateBucket: 'tfstate-bucket',
  accountId: '123456789012',
  region: 'us-east-1',
  planSecretArns: ['arn:aws:secretsmanager:us-east-1:123456789012:secret:boomi/dev/molecule-??????'],
};

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

    it('reads the listed Molecule secrets (the workloads plan reads them), and no secret when none is listed', () => {
      expect(plan.inline[0].Statement).toContainEqual({
        Sid: 'PlanReadsMoleculeSecret',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: ['arn:aws:secretsmanager:us-east-1:123456789012:secret:boomi/dev/molecule-??????'],
      });
      const none = synthStack(new CiAccessStack(Testing.app(), 'ci-access', { ...PROPS, planSecretArns: undefined }));
      expect(JSON.stringify(none)).not.toContain('secretsmanager');
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

    it('administers the account, except the CI roles, the OIDC provider and the state bucket', () => {
      expect(deploy.managed).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
      const [ci, state] = deploy.inline[0].Statement;
      expect(ci).toMatchObject({
        Effect: 'Deny',
        Resource: [
          'arn:aws:iam::123456789012:role/boomi-molecule-ci-plan',
          'arn:aws:iam::123456789012:role/boomi-molecule-ci-deploy',
          'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com',
        ],
      });
      expect(ci.Action).toEqual(expect.arrayContaining(['iam:Update*', 'iam:Attach*', 'iam:Put*', 'iam:Delete*']));
      expect(state).toMatchObject({ Effect: 'Deny', Resource: 'arn:aws:s3:::tfstate-bucket' });
      expect(state.Action).toEqual(expect.arrayContaining(['s3:DeleteBucket', 's3:PutBucketPolicy', 's3:PutBucketVersioning']));
    });
  });

  it('has no wildcard subject in any trust policy', () => {
    for (const r of [plan, deploy]) {
      const condition = r.trust.Statement[0].Condition;
      expect(Object.keys(condition)).toEqual(['StringEquals']);
      expect(condition.StringEquals['token.actions.githubusercontent.com:sub'].join()).not.toMatch(/[*?]/);
    }
  });

  it('limits sessions to one hour', () => {
    expect(plan.role.max_session_duration).toBe(3600);
    expect(deploy.role.max_session_duration).toBe(3600);
  });

  it('keeps its state in the state bucket at ci/ci-access.tfstate, encrypted and locked', () => {
    expect(backendOf(json)).toEqual({
      type: 's3',
      config: { bucket: 'tfstate-bucket', key: 'ci/ci-access.tfstate', region: 'us-east-1', encrypt: true, use_lockfile: true },
    });
    expect(json.provider!.aws[0]).toMatchObject({ region: 'us-east-1', allowed_account_ids: ['123456789012'] });
  });

  it('outputs the role ARNs the workflows need', () => {
    expect(Object.keys(json.output!).sort()).toEqual(['deploy_role_arn', 'oidc_provider_arn', 'plan_role_arn']);
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
    ])('%j', (overrides, message) => {
      expect(() => synth(overrides as Partial<CiAccessStackProps>)).toThrow(message);
    });
  });
});

describe('ciAccessProps', () => {
  it('derives the deploy subjects, state bucket and Molecule secrets from the environments', () => {
    const envs = validateAll(loadEnvironmentFiles());
    const props = ciAccessProps(envs, { repository: 'acme/boomi-molecule-eks' });
    expect(props).toMatchObject({
      repository: 'acme/boomi-molecule-eks',
      deployRefs: ['environment:dev', 'environment:prod'],
      stateBucket: envs[0].state.bucket,
      accountId: envs[0].accountId,
    });
    expect(props.planSecretArns).toEqual(
      envs.map((e) => `arn:aws:secretsmanager:${e.region}:${e.accountId}:secret:${e.molecule.auth.secretName}-??????`),
    );
  });
});
