import { validateEnvironment, type Environment } from './environment';
import { checkAcrossEnvironments, derivedNames } from './cross-environment';
import { validInput, type Overrides } from '../test/valid-input';

const env = (o: Overrides): Environment => {
  const r = validateEnvironment(validInput(o));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.environment;
};

describe('checkAcrossEnvironments', () => {
  it('refuses two environments of one account and region with the same cluster.name, on both', () => {
    const dev = env({ name: 'dev', cluster: { name: 'boomi' } });
    const prod = env({ name: 'prod', cluster: { name: 'boomi' } });
    const issues = checkAcrossEnvironments([dev, prod]);
    expect(issues).toEqual([
      {
        environment: 'dev',
        issue: expect.objectContaining({ path: 'cluster.name', value: 'boomi', message: expect.stringContaining("makes the IAM role 'boomi-cluster', which environment 'prod' also creates in account 123456789012") }),
      },
      { environment: 'prod', issue: expect.objectContaining({ path: 'cluster.name', message: expect.stringContaining("which environment 'dev' also creates") }) },
    ]);
    expect(issues[0].issue.fix).toBe('give each environment its own cluster.name');
  });

  it('refuses the same cluster.name in two regions of one account: IAM role names are account-wide', () => {
    const a = env({ name: 'use', cluster: { name: 'boomi' } });
    const b = env({ name: 'euw', region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b'], cluster: { name: 'boomi' } });
    expect(checkAcrossEnvironments([a, b]).map((i) => i.issue.message)).toEqual([
      expect.stringContaining("IAM role 'boomi-cluster'"),
      expect.stringContaining("IAM role 'boomi-cluster'"),
    ]);
  });

  it('compares IAM role names case-insensitively, as IAM does', () => {
    const a = env({ name: 'dev', cluster: { name: 'Boomi' } });
    const b = env({ name: 'qa', cluster: { name: 'boomi' } });
    expect(checkAcrossEnvironments([a, b])).toHaveLength(2);
  });

  it('accepts the same cluster.name in two accounts, and different names in one', () => {
    expect(checkAcrossEnvironments([env({ name: 'dev', cluster: { name: 'boomi' } }), env({ name: 'prod', accountId: '210987654321', cluster: { name: 'boomi' } })])).toEqual([]);
    expect(checkAcrossEnvironments([env({ name: 'dev' }), env({ name: 'prod' })])).toEqual([]);
  });

  it('lists every account- and region-unique name an environment creates', () => {
    const names = derivedNames(env({ name: 'dev' }));
    expect(names.filter((n) => n.scope === 'account').map((n) => n.name)).toEqual([
      'dev-boomi-molecule-cluster',
      'dev-boomi-molecule-node',
      'dev-boomi-molecule-efs-csi-controller',
      'dev-boomi-molecule-efs-csi-node',
      'dev-boomi-molecule-cluster-autoscaler',
      'dev-boomi-molecule-external-secrets',
      'dev-boomi-molecule-cloudwatch-agent',
      'dev-vpc-flow-logs',
    ]);
    expect(names.map((n) => n.kind)).toEqual(expect.arrayContaining(['EKS cluster', 'KMS alias', 'CloudWatch log group', 'EFS creation token', 'EC2 launch template']));
  });

  it('lists Karpenter’s roles and queue instead of the cluster-autoscaler’s role with kind karpenter', () => {
    const names = derivedNames(env({ name: 'dev', autoscaler: { kind: 'karpenter' }, nodeGroupDefaults: { minSize: 1, maxSize: 1, desiredSize: 1 } }));
    const roles = names.filter((n) => n.kind === 'IAM role').map((n) => n.name);
    expect(roles).toEqual(expect.arrayContaining(['dev-boomi-molecule-karpenter', 'dev-boomi-molecule-karpenter-node']));
    expect(roles).not.toContain('dev-boomi-molecule-cluster-autoscaler');
    expect(names).toContainEqual({ kind: 'SQS queue', scope: 'region', name: 'dev-boomi-molecule-karpenter', field: 'cluster.name' });
  });
});
