// Policy: no secret value anywhere in what cdktf writes. Credentials live in
// AWS Secrets Manager; the stacks hold only the secret's name and references
// that Terraform resolves at apply time (and marks sensitive in plans).
import * as fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { validateEnvironment } from '@boomi-eks/config';
import {
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
      .filter((p) => SECRET_KEY.test(p.key) && !NOT_A_SECRET.has(p.key))
      .filter((p) => typeof p.value === 'string' || typeof p.value === 'number')
      .filter((p) => !isWholeReference(p.value))
      .map((p) => `${p.where} = ${JSON.stringify(p.value)}`);
    expect(literals).toEqual([]);
  });

  it('copies every Kubernetes Secret value from a Secrets Manager data source, never from a literal', () => {
    const dataSources = Object.keys(stack.json.data?.aws_secretsmanager_secret_version ?? {});
    for (const { name, body } of resourcesNamed(stack.json, 'kubernetes_secret_v1')) {
      expect({ name, binary_data: body.binary_data, data_wo: body.data_wo }).toEqual({ name, binary_data: undefined, data_wo: undefined });
      const values = Object.entries(body.data ?? {});
      expect(values.length).toBeGreaterThan(0);
      for (const [key, value] of values) {
        const source = /^\$\{.*\bdata\.aws_secretsmanager_secret_version\.([A-Za-z0-9_-]+)\.secret_string\b.*\}$/.exec(String(value));
        const fromDataSource = source !== null && dataSources.includes(source[1]);
        expect({ key, value, isReference: isWholeReference(value), fromDataSource }).toEqual({ key, value, isReference: true, fromDataSource: true });
      }
    }
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

describe('the secret name of every environment', () => {
  it("is read by name in the environment's workloads stack, as the secret_id of a Secrets Manager data source", () => {
    for (const env of platform.envs) {
      const workloads = platform.stacks.find((s) => s.env === env && s.kind === 'workloads')!;
      const ids = Object.values(workloads.json.data?.aws_secretsmanager_secret_version ?? {}).map((d) => d.secret_id);
      expect({ env: env.name, ids }).toEqual({ env: env.name, ids: [env.molecule.auth.secretName] });
    }
  });

  it('appears nowhere else in any synthesized stack (the sentinel name of the generated environment)', () => {
    const where = platform.stacks.flatMap((s) =>
      pairsOf(s.json)
        .filter((p) => typeof p.value === 'string' && p.value.includes(SECRET_NAME_SENTINEL))
        .map((p) => `${s.id}: ${p.where}`),
    );
    // ci-access: the plan role may read this one secret (GetSecretValue on its ARN): a name, never a value.
    expect(where).toEqual([
      'ci-access: resource.aws_iam_role_policy.plan-state.policy',
      expect.stringMatching(/^stage-workloads: data\.aws_secretsmanager_secret_version\.[^.]+\.secret_id$/),
    ]);
  });

  it('is the only trace of the secret in any file the synthesis wrote, manifest included', () => {
    const files = synthesizedFiles(platform.outdir).filter((f) => fs.readFileSync(f, 'utf8').includes(SECRET_NAME_SENTINEL));
    expect(files.map((f) => f.slice(platform.outdir.length))).toEqual(['/stacks/ci-access/cdk.tf.json', '/stacks/stage-workloads/cdk.tf.json']);
  });
});

describe('a credential written into an environment file', () => {
  it.each(['password', 'token', 'username'])('molecule.auth.%s is refused by validation (so it can never be synthesized)', (key) => {
    const input = generatedStageInput();
    input.molecule.auth[key] = 'POLICY-SENTINEL-inline-credential';
    const result = validateEnvironment(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues).toContainEqual({ path: 'molecule.auth', message: expect.stringContaining(`unknown field '${key}'`) });
  });
});
