// The names config validates are the names the stacks create: every IAM role,
// EKS cluster, KMS alias, log group, launch template and EFS creation token an
// environment's stacks synthesize is one `derivedNames` (libs/config
// cross-environment.ts) lists, so the IAM length rule and the cross-environment
// rule check the real names. A lib that adds a role with a new suffix fails here.
import { derivedNames, IAM_NAME_CHARSET, IAM_POLICY_NAME_MAX, IAM_ROLE_NAME_MAX } from '@boomi-eks/config';
import { resourcesNamed, synthesizePlatform } from './platform-under-test';
import { validateAll } from '../../src/platform';
import { shippedInputs } from './platform-under-test';

const platform = synthesizePlatform();

const NAMED: readonly [string, string, string][] = [
  ['aws_iam_role', 'name', 'IAM role'],
  ['aws_eks_cluster', 'name', 'EKS cluster'],
  ['aws_kms_alias', 'name', 'KMS alias'],
  ['aws_cloudwatch_log_group', 'name', 'CloudWatch log group'],
  ['aws_launch_template', 'name', 'EC2 launch template'],
  ['aws_efs_file_system', 'creation_token', 'EFS creation token'],
];

describe.each(platform.envs.map((e) => [e.name, e] as const))('environment %s', (_name, env) => {
  const stacks = platform.stacks.filter((s) => s.env === env);
  const derived = derivedNames(env);

  it.each(NAMED)('every %s %s it synthesizes is a derived %s name', (type, attribute, kind) => {
    // Names built from the cluster's name reference it (`${aws_eks_cluster.<id>.name}-node`): resolve that.
    const resolve = (json: (typeof stacks)[number]['json'], text: string) =>
      text.replace(/\$\{aws_eks_cluster\.([^.}]+)\.name\}/g, (_m, id: string) => json.resource!.aws_eks_cluster[id].name as string);
    const synthesized = stacks.flatMap((s) => resourcesNamed(s.json, type).map((r) => resolve(s.json, r.body[attribute] as string)));
    expect(synthesized.join()).not.toContain('${');
    expect(synthesized.length).toBeGreaterThan(0);
    expect(synthesized.sort()).toEqual(derived.filter((n) => n.kind === kind).map((n) => n.name).sort());
  });

  it(`every IAM role name fits IAM's ${IAM_ROLE_NAME_MAX} characters`, () => {
    for (const n of derived.filter((d) => d.kind === 'IAM role')) expect(n.name.length).toBeLessThanOrEqual(IAM_ROLE_NAME_MAX);
  });
});

describe('every IAM name in every stack (the account stacks included)', () => {
  const names = (type: string) =>
    platform.stacks.flatMap((s) => resourcesNamed(s.json, type).map((r) => ({ stack: s.id, name: r.body.name as string | undefined })));

  it(`role names: at most ${IAM_ROLE_NAME_MAX} characters of IAM's charset (after the cluster name is put in)`, () => {
    const roles = names('aws_iam_role');
    expect(roles.length).toBeGreaterThan(10);
    for (const { stack, name } of roles) {
      const literal = String(name).replace(/\$\{aws_eks_cluster\.[^}]+\}/, 'x'.repeat(45));
      expect({ stack, name, ok: literal.length <= IAM_ROLE_NAME_MAX && IAM_NAME_CHARSET.test(literal) }).toEqual({ stack, name, ok: true });
    }
  });

  it(`inline and managed policy names: at most ${IAM_POLICY_NAME_MAX} characters of IAM's charset`, () => {
    const policies = [...names('aws_iam_role_policy'), ...names('aws_iam_policy')].filter((p) => p.name !== undefined);
    expect(policies.length).toBeGreaterThan(0);
    for (const { stack, name } of policies) {
      expect({ stack, name, ok: name!.length <= IAM_POLICY_NAME_MAX && IAM_NAME_CHARSET.test(name!) }).toEqual({ stack, name, ok: true });
    }
  });
});

describe('validateAll across environments', () => {
  it('refuses two environments of one account and region that share cluster.name, naming both files', () => {
    const shipped = shippedInputs();
    const dev = structuredClone(shipped['dev.ts']);
    const prod = structuredClone(shipped['prod.ts']);
    dev.cluster = { ...dev.cluster, name: 'boomi' };
    prod.cluster = { ...prod.cluster, name: 'boomi' };
    expect(() => validateAll({ 'dev.ts': dev, 'prod.ts': prod })).toThrow(
      /dev\.ts: cluster\.name: \('boomi'\) makes the IAM role 'boomi-cluster', which environment 'prod' also creates[\s\S]*prod\.ts: cluster\.name: \('boomi'\)/,
    );
  });
});
