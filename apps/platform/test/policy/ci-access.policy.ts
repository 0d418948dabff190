// Policy: what the CI roles may do in every environment. The deploy role may
// only create and change roles that carry the permissions boundary and match
// its name patterns, so every role the stacks synthesize must do both; the plan
// role sees a cluster only through a view access entry, reads Secrets only in
// the Helm release namespaces, and is planned where the environment says.
import { decodeJsonencode } from '@boomi-eks/testing';
import { moleculesOf } from '@boomi-eks/config';
import { ciAccessProps, ciNames } from '../../src/stacks/ci-access-stack';
import { ciAccess } from '../../src/ci';
import { CI_PLAN_GROUP, ciPlanRoutes, helmReleaseNamespaces } from '../../src/ci-plan-access';
import { GENERATED_RUNNER_LABELS, resourcesNamed, synthesizePlatform } from './platform-under-test';

const platform = synthesizePlatform();
const envStacks = platform.stacks.filter((s) => s.env !== undefined);
const ciAccessStack = platform.stacks.find((s) => s.id === 'ci-access')!;
const names = ciNames(ciAccess?.roleNamePrefix);
const boundaryArn = (accountId: string) => `arn:aws:iam::${accountId}:policy/${names.boundary}`;

/** A role name as IAM will see it: the cluster name token resolved to the environment's cluster name. */
const resolvedName = (name: string, clusterName: string) => name.replace(/^\$\{aws_eks_cluster\.[^}]+\.name\}/, clusterName);
const matches = (name: string, pattern: string) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern);

describe('the ci-access stack is there (ci.ts names a repository)', () => {
  it('is synthesized, with the boundary the environment stacks name', () => {
    expect(ciAccessStack).toBeDefined();
    expect(resourcesNamed(ciAccessStack.json, 'aws_iam_policy').map((p) => p.body.name)).toEqual([names.boundary]);
  });
});

describe.each(envStacks.map((s) => [s.id, s] as const))('%s', (_id, stack) => {
  const env = stack.env!;
  const roles = resourcesNamed(stack.json, 'aws_iam_role');

  it("gives every IAM role the deploy role's permissions boundary", () => {
    for (const { name, body } of roles) expect({ role: name, boundary: body.permissions_boundary }).toEqual({ role: name, boundary: boundaryArn(env.accountId) });
  });

  it('names every IAM role within the patterns the deploy role may manage', () => {
    const patterns = ciAccessProps(platform.envs, ciAccess!).deployRoleNames;
    for (const { name, body } of roles) {
      const roleName = resolvedName(body.name, env.cluster.name);
      expect({ role: name, roleName, allowed: patterns.some((p) => matches(roleName, p)) }).toEqual({ role: name, roleName, allowed: true });
    }
  });

  it("builds the External Secrets role's policy with Fn.jsonencode (never JSON.stringify)", () => {
    const eso = resourcesNamed(stack.json, 'aws_iam_role_policy').filter((p) => p.name.startsWith('external-secrets_'));
    expect(eso).toHaveLength(stack.kind === 'cluster' ? 1 : 0);
    for (const p of eso) expect(p.body.policy).toMatch(/^\$\{jsonencode\(/);
  });
});

describe.each(platform.envs.map((e) => [e.name, e] as const))('the %s cluster and the plan role', (_name, env) => {
  const cluster = platform.stacks.find((s) => s.env === env && s.kind === 'cluster')!;
  const entries = resourcesNamed(cluster.json, 'aws_eks_access_entry').filter((e) => e.name === 'ci-plan');
  const associations = resourcesNamed(cluster.json, 'aws_eks_access_policy_association').filter((a) => a.name.startsWith('ci-plan'));
  const plans = env.ci.workloadsPlan.runner !== 'none';

  it(`gives the plan role an access entry only when CI plans the workloads stack (${env.ci.workloadsPlan.runner})`, () => {
    expect(entries).toHaveLength(plans ? 1 : 0);
    expect(associations).toHaveLength(plans ? 2 : 0);
  });

  if (plans) {
    it('views the cluster, reads Secrets only in the Helm release namespaces, never in a Molecule namespace', () => {
      expect(entries[0].body).toMatchObject({ principal_arn: `arn:aws:iam::${env.accountId}:role/${names.plan}`, type: 'STANDARD', kubernetes_groups: [CI_PLAN_GROUP] });
      const byPolicy = Object.fromEntries(associations.map((a) => [a.body.policy_arn.split('/').pop(), a.body.access_scope]));
      expect(byPolicy).toEqual({
        AmazonEKSViewPolicy: { type: 'cluster' },
        AmazonEKSSecretReaderPolicy: { type: 'namespace', namespaces: helmReleaseNamespaces(env) },
      });
      for (const { molecule } of moleculesOf(env)) expect(helmReleaseNamespaces(env)).not.toContain(molecule.namespace);
      // No admin, edit or cluster-wide secret policy.
      expect(associations.map((a) => a.body.policy_arn).filter((arn: string) => /Admin|Edit/.test(arn))).toEqual([]);
    });

    it("lists exactly the namespaces of the workloads stack's Helm releases", () => {
      const workloads = platform.stacks.find((s) => s.env === env && s.kind === 'workloads')!;
      const releaseNamespaces = [...new Set(resourcesNamed(workloads.json, 'helm_release').map((r) => r.body.namespace as string))].sort();
      expect(helmReleaseNamespaces(env)).toEqual(releaseNamespaces);
    });
  }
});

describe('plan routing (cdktf.out/ci-plan-routes.json)', () => {
  const routes = ciPlanRoutes(platform.envs, platform.stacks.map((s) => s.id));
  const route = (stack: string) => routes.find((r) => r.stack === stack)!;

  it('has one route per synthesized stack', () => {
    expect(routes.map((r) => r.stack)).toEqual(platform.stacks.map((s) => s.id));
  });

  it('plans every stack but the workloads stacks on a GitHub-hosted ubuntu runner', () => {
    for (const r of routes.filter((x) => !x.stack.endsWith('-workloads'))) expect(r).toEqual({ stack: r.stack, runner: 'github-hosted', runsOn: 'ubuntu-24.04' });
  });

  it("routes each workloads stack by its environment's ci.workloadsPlan: GitHub-hosted (dev), self-hosted (stage), none with the reason (prod)", () => {
    expect(route('dev-workloads')).toEqual({ stack: 'dev-workloads', runner: 'github-hosted', runsOn: 'ubuntu-24.04' });
    expect(route('stage-workloads')).toEqual({ stack: 'stage-workloads', runner: 'self-hosted', runsOn: GENERATED_RUNNER_LABELS });
    expect(route('prod-workloads')).toEqual({
      stack: 'prod-workloads',
      runner: 'none',
      runsOn: 'ubuntu-24.04',
      reason: expect.stringContaining("ci.workloadsPlan.runner is 'none' in the prod environment file"),
    });
  });
});

describe('the plan role of the ci-access stack', () => {
  it('is denied every secret read whatever else allows it', () => {
    const policy = resourcesNamed(ciAccessStack.json, 'aws_iam_role_policy').find((p) => p.name === 'plan-state')!;
    const doc = decodeJsonencode(policy.body.policy);
    const denied = doc.Statement.filter((st: any) => st.Effect === 'Deny').flatMap((st: any) => [st.Action].flat());
    expect(denied).toEqual(expect.arrayContaining(['secretsmanager:GetSecretValue', 'ssm:GetParameter', 'ssm:GetParametersByPath', 'kms:Decrypt']));
  });
});
