// Policy: no secret value anywhere in what cdktf writes, in a plan or in the
// state. Credentials live in AWS Secrets Manager; Terraform never reads them:
// the External Secrets Operator copies them into the cluster with its own Pod
// Identity role, allowed to read that one secret. The stacks hold only the
// secret's name (the ExternalSecret's remoteRef, the role's policy).
import * as fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { moleculesOf, validateEnvironment } from '@boomi-eks/config';
import { decodeJsonencode } from '@boomi-eks/testing';
import { MOLECULE_SECRET_KEYS } from '@boomi-eks/molecule';
import {
  SECOND_SECRET_NAME_SENTINEL,
  SECRET_NAME_SENTINEL,
  allResources,
  generatedStageInput,
  isWholeReference,
  manifestsOf,
  resourcesNamed,
  synthesizePlatform,
  synthesizedFiles,
  walkJson,
} from './platform-under-test';

const platform = synthesizePlatform();
const stacks = platform.stacks.map((s) => [s.id, s] as const);

/** Keys whose value would be a credential if it were a literal. */
const SECRET_KEY = /(pass(word|wd)?|token|secret(_?string|_?binary|_?value|_?key)?|api_?key|private_?key|client_?key|credentials?)$/i;
/**
 * Keys that match SECRET_KEY by name but hold no secret: the IMDS setting
 * (`required`) and EFS's idempotency token (the file system's name).
 */
const NOT_A_SECRET = new Set(['http_tokens', 'creation_token']);
/**
 * An ExternalSecret's `spec.data[].secretKey` names a key of the Secret the
 * operator writes (`account`, `token`, ...): a name, not a value.
 */
const isExternalSecretKeyName = (where: string, key: string, value: unknown) =>
  key === 'secretKey' &&
  /\.manifest\.spec\.data\[\d+\]\.secretKey$/.test(where) &&
  Object.values(MOLECULE_SECRET_KEYS).some((keys) => keys.includes(String(value)));

/** Every `key: value` pair of a stack, including the YAML inside helm values, as `where` + key + value. */
function pairsOf(json: unknown): { where: string; key: string; value: unknown }[] {
  const out: { where: string; key: string; value: unknown }[] = [];
  walkJson(json, (where, key, value) => {
    out.push({ where, key, value });
    if (/\.values\[\d+\]$/.test(where) && typeof value === 'string') {
      walkJson(parseYaml(value), (w, k, v) => out.push({ where: `${where} (yaml) ${w}`, key: k, value: v }));
    }
  });
  return out;
}

describe.each(stacks)('%s', (_id, stack) => {
  it('has no credential-named key holding a literal: only whole ${...} references', () => {
    const literals = pairsOf(stack.json)
      .filter((p) => SECRET_KEY.test(p.key) && !NOT_A_SECRET.has(p.key) && !isExternalSecretKeyName(p.where, p.key, p.value))
      .filter((p) => typeof p.value === 'string' || typeof p.value === 'number')
      .filter((p) => !isWholeReference(p.value))
      .map((p) => `${p.where} = ${JSON.stringify(p.value)}`);
    expect(literals).toEqual([]);
  });

  it('reads no secret value: no Secrets Manager, SSM parameter or Kubernetes Secret data source, no Kubernetes Secret resource', () => {
    const dataTypes = Object.keys(stack.json.data ?? {});
    expect(dataTypes.filter((t) => /^aws_(secretsmanager|ssm_parameter|kms_secrets?|kms_ciphertext)/.test(t) || /^kubernetes_secret/.test(t))).toEqual([]);
    const types = allResources(stack.json).map((r) => r.type);
    expect(types.filter((t) => /^kubernetes_secret/.test(t))).toEqual([]);
    // Nor a Secret written as a manifest.
    expect(manifestsOf(stack.json).filter((m) => m.kind === 'Secret')).toEqual([]);
  });

  it('lets no IAM policy but the External Secrets role\'s (and the roles\' boundary) allow reading a secret value', () => {
    const readers = allResources(stack.json)
      .filter((r) => ['aws_iam_role_policy', 'aws_iam_policy'].includes(r.type) && typeof r.body.policy === 'string')
      .filter((r) => {
        const doc = r.body.policy.startsWith('${jsonencode(') ? decodeJsonencode(r.body.policy) : JSON.parse(r.body.policy);
        return [doc.Statement]
          .flat()
          .some((st: any) => st.Effect === 'Allow' && [st.Action].flat().some((a: string) => /^secretsmanager:(GetSecretValue|BatchGetSecretValue|\*)$|^secretsmanager:Get\*$|^\*$/.test(a)));
      })
      .map((r) => `${r.type}.${r.name}`);
    // The first Molecule's operator role (`external-secrets`) and each additional Molecule's (`external-secrets-<name>`).
    const allowed = readers.filter((a) => /^aws_iam_role_policy\.external-secrets(-[a-z0-9-]+)?_inline-policy_/.test(a) || a === 'aws_iam_policy.workload-boundary');
    expect(readers).toEqual(allowed);
  });

  it('creates no secret value in AWS: no secret version, SSM parameter or IAM access key resources', () => {
    const types = allResources(stack.json).map((r) => r.type);
    expect(types.filter((t) => ['aws_secretsmanager_secret_version', 'aws_ssm_parameter', 'aws_iam_access_key', 'aws_iam_user_login_profile'].includes(t))).toEqual([]);
  });

  it('exposes no secret data in an output that is not marked sensitive', () => {
    const SECRET_REF = /aws_secretsmanager_secret_version|secret_string|kubernetes_secret(_v1)?\.|\.token\b|password/;
    const unmarked = Object.entries(stack.json.output ?? {})
      .filter(([, o]) => SECRET_REF.test(JSON.stringify(o.value)) && o.sensitive !== true)
      .map(([name]) => name);
    expect(unmarked).toEqual([]);
  });

  it('authenticates the kubernetes and helm providers with exec, never a static token, password or client key', () => {
    const k8s = stack.json.provider?.kubernetes ?? [];
    const helm = (stack.json.provider?.helm ?? []).map((h) => (h.kubernetes ?? {}) as Record<string, unknown>);
    for (const p of [...k8s, ...helm]) {
      expect(Object.keys(p).filter((k) => ['token', 'password', 'username', 'client_key', 'client_certificate'].includes(k))).toEqual([]);
      expect(p.exec).toBeDefined();
    }
  });

  it('passes credentials to containers only through secretKeyRef, never as a literal env value', () => {
    const containers = manifestsOf(stack.json).flatMap((m) => [
      ...(m.spec?.template?.spec?.containers ?? []),
      ...(m.spec?.template?.spec?.initContainers ?? []),
    ]);
    const literal = containers
      .flatMap((c: Record<string, any>) => (c.env ?? []).map((e: Record<string, any>) => ({ container: c.name, ...e })))
      .filter((e: Record<string, any>) => /PASSWORD|TOKEN|SECRET|CREDENTIAL/i.test(e.name))
      .filter((e: Record<string, any>) => e.value !== undefined || e.valueFrom?.secretKeyRef === undefined);
    expect(literal).toEqual([]);
  });
});

describe('the secret name of every Molecule of every environment', () => {
  it("is read only by that Molecule's operator: its ExternalSecret's remoteRef keys, in its namespace, one per key", () => {
    for (const env of platform.envs) {
      const workloads = platform.stacks.find((s) => s.env === env && s.kind === 'workloads')!;
      const externalSecrets = manifestsOf(workloads.json).filter((m) => m.kind === 'ExternalSecret');
      const molecules = moleculesOf(env);
      expect({ env: env.name, count: externalSecrets.length }).toEqual({ env: env.name, count: molecules.length });
      for (const { path, molecule } of molecules) {
        const mine = externalSecrets.filter((e) => e.metadata.namespace === molecule.namespace);
        const keys = mine.flatMap((e) => e.spec.data.map((d: any) => d.remoteRef.key));
        expect({ at: `${env.name} ${path}`, count: mine.length, keys: [...new Set(keys)] }).toEqual({ at: `${env.name} ${path}`, count: 1, keys: [molecule.auth.secretName] });
      }
    }
  });

  it("scopes each Molecule's External Secrets role to that one secret's ARN, GetSecretValue and DescribeSecret only, for the operator of its own namespace", () => {
    for (const env of platform.envs) {
      const cluster = platform.stacks.find((s) => s.env === env && s.kind === 'cluster')!;
      const workloads = platform.stacks.find((s) => s.env === env && s.kind === 'workloads')!;
      const roles = resourcesNamed(cluster.json, 'aws_iam_role_policy').filter((p) => /^external-secrets(-[a-z0-9-]+)?_/.test(p.name));
      const molecules = moleculesOf(env);
      expect({ env: env.name, roles: roles.length }).toEqual({ env: env.name, roles: molecules.length });
      for (const { path, name, molecule } of molecules) {
        const id = name === undefined ? 'external-secrets' : `external-secrets-${name}`;
        const policy = roles.find((p) => p.name.startsWith(`${id}_`))!;
        const doc = decodeJsonencode(policy.body.policy);
        expect({ at: `${env.name} ${path}`, statements: doc.Statement }).toEqual({
          at: `${env.name} ${path}`,
          statements: [
            {
              Sid: 'ReadTheMoleculeSecret',
              Effect: 'Allow',
              Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
              Resource: `arn:aws:secretsmanager:${env.region}:${env.accountId}:secret:${molecule.auth.secretName}-??????`,
            },
          ],
        });
        // The role is that of the operator which watches this Molecule's namespace only.
        const operatorNamespace = name === undefined ? 'external-secrets' : `external-secrets-${name}`;
        const association = resourcesNamed(cluster.json, 'aws_eks_pod_identity_association').find((a) => a.name.startsWith(`${id}_`))!;
        expect(association.body).toMatchObject({ namespace: operatorNamespace, service_account: 'external-secrets' });
        const release = resourcesNamed(workloads.json, 'helm_release').find((r) => r.body.chart === 'external-secrets' && r.body.namespace === operatorNamespace)!;
        expect(parseYaml(release.body.values[0])).toMatchObject({ scopedNamespace: molecule.namespace, scopedRBAC: true, processClusterStore: false });
      }
    }
  });

  it('appears nowhere else in any synthesized stack (the sentinel name of the generated environment)', () => {
    const where = platform.stacks.flatMap((s) =>
      pairsOf(s.json)
        .filter((p) => typeof p.value === 'string' && p.value.includes(SECRET_NAME_SENTINEL))
        .map((p) => `${s.id}: ${p.where}`),
    );
    // A name, never a value: the operator's role may read this one secret, and the ExternalSecret names it per key.
    expect(where.sort()).toEqual(
      [
        expect.stringMatching(/^stage-cluster: resource\.aws_iam_role_policy\.external-secrets_inline-policy_[^.]+\.policy$/),
        expect.stringMatching(/^stage-workloads: resource\.kubernetes_manifest\.molecule-credentials_external-secret_[^.]+\.manifest\.spec\.data\[0\]\.remoteRef\.key$/),
        expect.stringMatching(/^stage-workloads: resource\.kubernetes_manifest\.molecule-credentials_external-secret_[^.]+\.manifest\.spec\.data\[1\]\.remoteRef\.key$/),
      ],
    );
  });

  it('is the only trace of the secret in any file the synthesis wrote, manifest included', () => {
    const files = synthesizedFiles(platform.outdir).filter((f) => fs.readFileSync(f, 'utf8').includes(SECRET_NAME_SENTINEL));
    expect(files.map((f) => f.slice(platform.outdir.length))).toEqual(['/stacks/stage-cluster/cdk.tf.json', '/stacks/stage-workloads/cdk.tf.json']);
  });
});

describe("the second Molecule's secret name (teams)", () => {
  it("appears only in its operator role's policy and its ExternalSecret's remoteRef keys", () => {
    const where = platform.stacks.flatMap((s) =>
      pairsOf(s.json)
        .filter((p) => typeof p.value === 'string' && p.value.includes(SECOND_SECRET_NAME_SENTINEL))
        .map((p) => `${s.id}: ${p.where}`),
    );
    expect(where.sort()).toEqual([
      expect.stringMatching(/^teams-cluster: resource\.aws_iam_role_policy\.external-secrets-team-b_inline-policy_[^.]+\.policy$/),
      expect.stringMatching(/^teams-workloads: resource\.kubernetes_manifest\.molecule-credentials-team-b_external-secret_[^.]+\.manifest\.spec\.data\[0\]\.remoteRef\.key$/),
      expect.stringMatching(/^teams-workloads: resource\.kubernetes_manifest\.molecule-credentials-team-b_external-secret_[^.]+\.manifest\.spec\.data\[1\]\.remoteRef\.key$/),
    ]);
  });
});

describe('a credential written into an environment file', () => {
  it.each(['password', 'token', 'username'])('molecule.auth.%s is refused by validation (so it can never be synthesized)', (key) => {
    const input = generatedStageInput();
    input.molecule.auth[key] = 'POLICY-SENTINEL-inline-credential';
    const result = validateEnvironment(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues).toContainEqual({ path: 'molecule.auth', value: key, message: `unknown field '${key}'`, fix: 'remove or correct the spelling' });
  });
});
