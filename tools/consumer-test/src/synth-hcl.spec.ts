/**
 * The way out of cdktf: `npm run synth:hcl` (cdktf synth --hcl) writes every
 * stack as plain Terraform HCL into cdktf.out.hcl/stacks/<stack>/cdk.tf. This
 * checks that it works offline, that every stack the app synthesizes has its
 * HCL, and that the HCL declares exactly the resources and data sources of the
 * JSON synth (so the HCL is the same infrastructure, address for address).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const HCL_OUT = path.join(root, 'cdktf.out.hcl');

function addressesFromJson(file: string): string[] {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  return [
    ...Object.entries(json.resource ?? {}).flatMap(([t, byName]) => Object.keys(byName as object).map((n) => `${t}.${n}`)),
    ...Object.entries(json.data ?? {}).flatMap(([t, byName]) => Object.keys(byName as object).map((n) => `data.${t}.${n}`)),
  ].sort();
}

function addressesFromHcl(text: string): string[] {
  const blocks = [...text.matchAll(/^(resource|data) "([^"]+)" "([^"]+)" \{/gm)];
  return blocks.map(([, kind, type, name]) => (kind === 'data' ? `data.${type}.${name}` : `${type}.${name}`)).sort();
}

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

  it('every stack: a terraform block with its backend and pinned providers, and the same addresses as the JSON', () => {
    for (const stack of jsonStacks) {
      const hcl = fs.readFileSync(path.join(HCL_OUT, 'stacks', stack, 'cdk.tf'), 'utf8');
      expect(hcl).toMatch(/^terraform \{/m);
      expect(hcl).toMatch(/^ {2}backend "(s3|local)" \{/m);
      expect(hcl).toMatch(/^ {2}required_providers \{/m);
      expect({ stack, addresses: addressesFromHcl(hcl) }).toEqual({
        stack,
        addresses: addressesFromJson(path.join(jsonOut, 'stacks', stack, 'cdk.tf.json')),
      });
    }
  });
});
