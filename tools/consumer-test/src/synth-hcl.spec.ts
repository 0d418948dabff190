/**
 * The way out of cdktf: `npm run synth:hcl` (tools/synth/synth-hcl.js) writes
 * every stack as plain Terraform HCL into cdktf.out.hcl/stacks/<stack>/cdk.tf.
 * This checks that it works offline, that every stack the app synthesizes has
 * its HCL, that every file parses (HashiCorp's own HCL parser, through
 * @cdktf/hcl2json) and declares exactly the resources and data sources of the
 * JSON synth, that no policy is a JSON string, and, with Terraform:
 * `terraform fmt -check` on every stack and `terraform validate` on every AWS
 * stack with the mirrored hashicorp/aws provider (the Kubernetes and Helm
 * providers are not mirrored: the workloads stacks are parsed and formatted only).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { findProviderMirror, findTerraform, requireOrSkip, type Missing } from '../../integration/lib/requirements';
import { stripProviderOnlyArguments } from '../../integration/aws-stacks/provider-compat';

const root = path.resolve(__dirname, '../../..');
const HCL_OUT = path.join(root, 'cdktf.out.hcl');

function addressesFromJson(file: string): string[] {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  return [
    ...Object.entries(json.resource ?? {}).flatMap(([t, byName]) => Object.keys(byName as object).map((n) => `${t}.${n}`)),
    ...Object.entries(json.data ?? {}).flatMap(([t, byName]) => Object.keys(byName as object).map((n) => `data.${t}.${n}`)),
  ].sort();
}

/** Addresses of a parsed HCL file (hcl2json: `resource.<type>.<name>` = [body]). */
function addressesFromParsed(parsed: Record<string, any>): string[] {
  return [
    ...Object.entries(parsed.resource ?? {}).flatMap(([t, byName]) => Object.keys(byName as object).map((n) => `${t}.${n}`)),
    ...Object.entries(parsed.data ?? {}).flatMap(([t, byName]) => Object.keys(byName as object).map((n) => `data.${t}.${n}`)),
  ].sort();
}

const POLICY_ATTRIBUTES = ['policy', 'assume_role_policy'];

describe('npm run synth:hcl (leaving cdktf)', () => {
  const jsonOut = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-json-'));
  let jsonStacks: string[] = [];

  beforeAll(() => {
    fs.rmSync(HCL_OUT, { recursive: true, force: true });
    const started = Date.now();
    const hcl = spawnSync('npm', ['run', 'synth:hcl'], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    if (hcl.status !== 0) throw new Error(`npm run synth:hcl exited ${hcl.status}:\n${hcl.stdout}\n${hcl.stderr}`);
    process.stdout.write(`synth:hcl took ${((Date.now() - started) / 1000).toFixed(1)}s\n`);

    const env: NodeJS.ProcessEnv = { ...process.env, CDKTF_OUTDIR: jsonOut };
    delete env.BOOMI_ENVIRONMENTS_DIR;
    const json = spawnSync(
      path.join(root, 'node_modules/.bin/tsx'),
      ['--tsconfig', 'apps/platform/tsconfig.app.json', 'apps/platform/src/main.ts'],
      { cwd: root, encoding: 'utf8', env },
    );
    if (json.status !== 0) throw new Error(`JSON synth failed:\n${json.stderr}`);
    jsonStacks = fs.readdirSync(path.join(jsonOut, 'stacks')).sort();
  }, 180_000);

  afterAll(() => fs.rmSync(jsonOut, { recursive: true, force: true }));

  it('writes one HCL file per stack the app synthesizes, and no JSON', () => {
    expect(jsonStacks.length).toBeGreaterThan(0);
    expect(fs.readdirSync(path.join(HCL_OUT, 'stacks')).sort()).toEqual(jsonStacks);
    for (const stack of jsonStacks) {
      const dir = path.join(HCL_OUT, 'stacks', stack);
      expect(fs.readdirSync(dir)).toContain('cdk.tf');
      expect(fs.existsSync(path.join(dir, 'cdk.tf.json'))).toBe(false);
    }
  });

  it('every stack parses, with a terraform block (S3 backend, pinned providers, required_version) and the same addresses as the JSON', async () => {
    for (const stack of jsonStacks) {
      const file = path.join(HCL_OUT, 'stacks', stack, 'cdk.tf');
      const parsed = await parse(file, fs.readFileSync(file, 'utf8'));
      const [terraform] = parsed.terraform as Record<string, any>[];
      expect({ stack, backend: Object.keys(terraform.backend) }).toEqual({ stack, backend: ['s3'] });
      expect({ stack, providers: Object.keys(terraform.required_providers[0]).length > 0 }).toEqual({ stack, providers: true });
      expect({ stack, requiredVersion: terraform.required_version }).toEqual({ stack, requiredVersion: '>= 1.10' });
      expect({ stack, addresses: addressesFromParsed(parsed) }).toEqual({
        stack,
        addresses: addressesFromJson(path.join(jsonOut, 'stacks', stack, 'cdk.tf.json')),
      });
    }
  });

  it('no policy is a JSON string: every policy attribute is a jsonencode(...) expression', async () => {
    let policies = 0;
    for (const stack of jsonStacks) {
      const file = path.join(HCL_OUT, 'stacks', stack, 'cdk.tf');
      const parsed = await parse(file, fs.readFileSync(file, 'utf8'));
      for (const [type, byName] of Object.entries<Record<string, Record<string, unknown>[]>>(parsed.resource ?? {})) {
        for (const [name, [body]] of Object.entries(byName)) {
          for (const attr of POLICY_ATTRIBUTES.filter((a) => a in body)) {
            policies++;
            expect({ at: `${stack}: ${type}.${name}.${attr}`, value: String(body[attr]).slice(0, 13) }).toEqual({
              at: `${stack}: ${type}.${name}.${attr}`,
              value: '${jsonencode(',
            });
          }
        }
      }
    }
    expect(policies).toBeGreaterThanOrEqual(20);
  });

  const terraform = findTerraform();
  const mirror = findProviderMirror();
  const missing: Missing[] = [];
  if (!terraform) missing.push({ what: 'terraform not found', fix: 'put terraform ≥ 1.10 on PATH or set TERRAFORM_BIN' });
  if (requireOrSkip('synth:hcl terraform fmt -check', missing)) {
    it('every stack passes terraform fmt -check', () => {
      for (const stack of jsonStacks) {
        const r = spawnSync(terraform!, ['fmt', '-check', '-no-color', path.join(HCL_OUT, 'stacks', stack)], { encoding: 'utf8', env: { PATH: process.env.PATH, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1' } });
        expect({ stack, fmt: r.status === 0 ? 'ok' : `${r.stdout}${r.stderr}` }).toEqual({ stack, fmt: 'ok' });
      }
    });
  }
  if (!mirror) missing.push({ what: 'no hashicorp/aws provider mirror found', fix: 'set TF_PROVIDER_MIRROR to the folder holding registry.terraform.io/' });
  if (requireOrSkip('synth:hcl terraform validate', missing)) {
    it('every AWS stack validates with the mirrored hashicorp/aws (6.x-only arguments overridden away for the run)', () => {
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-hcl-validate-'));
      const rc = path.join(work, 'terraform.tfrc');
      fs.writeFileSync(
        rc,
        `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror!.dir)}\n    include = ["registry.terraform.io/hashicorp/aws"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/hashicorp/aws"]\n  }\n}\n`,
      );
      const env = { PATH: process.env.PATH, HOME: process.env.HOME, TF_CLI_CONFIG_FILE: rc, CHECKPOINT_DISABLE: '1', AWS_EC2_METADATA_DISABLED: 'true', TF_IN_AUTOMATION: '1' };
      try {
        const awsStacks = jsonStacks.filter((s) => {
          const json = JSON.parse(fs.readFileSync(path.join(jsonOut, 'stacks', s, 'cdk.tf.json'), 'utf8'));
          return Object.keys(json.terraform?.required_providers ?? {}).join() === 'aws';
        });
        expect(awsStacks).toEqual(expect.arrayContaining(['state', 'ci-access']));
        expect(awsStacks.filter((s) => /-(network|cluster)$/.test(s)).length).toBeGreaterThanOrEqual(2);
        for (const stack of awsStacks) {
          const dir = path.join(work, stack);
          fs.cpSync(path.join(HCL_OUT, 'stacks', stack), dir, { recursive: true });
          // the run's override: the mirrored provider version, and each nested block that holds a
          // 6.x-only argument replaced by the same block without it (the table in provider-compat.ts)
          const json = JSON.parse(fs.readFileSync(path.join(jsonOut, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
          const override: Record<string, any> = { terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: mirror!.awsVersion } } } };
          for (const removed of stripProviderOnlyArguments(json)) {
            const [address, argPath] = removed.split(': ');
            const [type, name] = address.split('.');
            const block = argPath.split('.')[0];
            override.resource ??= {};
            override.resource[type] ??= {};
            override.resource[type][name] = { [block]: json.resource[type][name][block] };
          }
          fs.writeFileSync(path.join(dir, 'zz_compat_override.tf.json'), JSON.stringify(override));
          const init = spawnSync(terraform!, [`-chdir=${dir}`, 'init', '-backend=false', '-input=false', '-no-color'], { encoding: 'utf8', env });
          expect({ stack, init: init.status === 0 ? 'ok' : `${init.stdout}${init.stderr}` }).toEqual({ stack, init: 'ok' });
          const validate = spawnSync(terraform!, [`-chdir=${dir}`, 'validate', '-no-color'], { encoding: 'utf8', env });
          expect({ stack, validate: validate.status === 0 ? 'ok' : `${validate.stdout}${validate.stderr}` }).toEqual({ stack, validate: 'ok' });
        }
      } finally {
        fs.rmSync(work, { recursive: true, force: true });
      }
    });
  }
});
