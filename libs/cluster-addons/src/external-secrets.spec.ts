import { InvalidPropsError } from '@boomi-eks/primitives';
import { parse } from 'yaml';
import { EXTERNAL_SECRETS_DEFAULTS } from './cluster-addons-defaults';
import { ExternalSecretsOperator, externalSecretsValues } from './external-secrets';
import { EXTERNAL_SECRETS_ACTIONS, externalSecretsPolicy } from './external-secrets-policy';
import { EXTERNAL_SECRETS_CHART } from './chart-versions';
import { synthRelease } from '../test/release-fixtures';

describe('ExternalSecretsOperator release', () => {
  const { release, construct } = synthRelease((s) => new ExternalSecretsOperator(s, 'eso', { watchNamespace: 'boomi' }));
  const values = parse(release.values[0]);

  it('installs the pinned external-secrets chart into its own namespace, created by the release', () => {
    expect(release).toMatchObject({
      name: 'external-secrets',
      namespace: 'external-secrets',
      create_namespace: true,
      repository: 'https://charts.external-secrets.io',
      chart: 'external-secrets',
      version: '2.9.0',
      atomic: true,
      wait: true,
    });
    expect(EXTERNAL_SECRETS_CHART.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('installs the CRDs with the release and reconciles only the watched namespace, with a namespaced Role', () => {
    expect(values).toMatchObject({ installCRDs: true, scopedNamespace: 'boomi', scopedRBAC: true });
    expect(values).toMatchObject({
      processClusterStore: false,
      processClusterExternalSecret: false,
      processClusterPushSecret: false,
      processPushSecret: false,
      processClusterGenerator: false,
    });
  });

  it('runs no webhook and no cert controller (no TLS Secret, nothing to be ready before a SecretStore is created)', () => {
    expect(values.webhook).toEqual({ create: false });
    expect(values.certController).toEqual({ create: false });
  });

  it("names the controller's service account as the Pod Identity association does", () => {
    expect(values.serviceAccount).toEqual({ create: true, name: 'external-secrets' });
    expect([construct.namespace, construct.serviceAccountName]).toEqual([EXTERNAL_SECRETS_DEFAULTS.namespace, EXTERNAL_SECRETS_DEFAULTS.serviceAccountName]);
  });

  it('gives the controller cpu and memory requests and limits', () => {
    expect(values.resources).toEqual({ requests: { cpu: '20m', memory: '64Mi' }, limits: { cpu: '200m', memory: '256Mi' } });
  });
});

describe('externalSecretsValues', () => {
  it('merges valuesOverride last', () => {
    expect(externalSecretsValues({ watchNamespace: 'boomi', valuesOverride: { replicaCount: 2, resources: { limits: { memory: '512Mi' } } } })).toMatchObject({
      replicaCount: 2,
      resources: { requests: { cpu: '20m', memory: '64Mi' }, limits: { cpu: '200m', memory: '512Mi' } },
    });
  });

  it('refuses a watch namespace that is not a namespace name, naming the field', () => {
    expect(() => externalSecretsValues({ watchNamespace: 'Boomi NS' })).toThrow(InvalidPropsError);
    expect(() => externalSecretsValues({ watchNamespace: 'Boomi NS' })).toThrow("watchNamespace: ('Boomi NS') must be a Kubernetes namespace name");
  });
});

describe('externalSecretsPolicy', () => {
  const arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:boomi/dev/molecule-??????';

  it('allows exactly GetSecretValue and DescribeSecret on the one secret', () => {
    expect(externalSecretsPolicy(arn)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'ReadTheMoleculeSecret', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: arn }],
    });
    expect([...EXTERNAL_SECRETS_ACTIONS]).toEqual(['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret']);
  });

  it.each([
    ['arn:aws:secretsmanager:us-east-1:123456789012:secret:*', 'has a wildcard in the secret name'],
    ['arn:aws:secretsmanager:us-east-1:123456789012:secret:boomi/*-??????', 'has a wildcard in the secret name'],
    ['*', 'must be a Secrets Manager secret ARN'],
    ['arn:aws:ssm:us-east-1:123456789012:parameter/x', 'must be a Secrets Manager secret ARN'],
  ])('refuses %s', (bad, message) => {
    expect(() => externalSecretsPolicy(bad)).toThrow(InvalidPropsError);
    expect(() => externalSecretsPolicy(bad)).toThrow(`secretArn: ('${bad}') ${message}`);
  });
});
