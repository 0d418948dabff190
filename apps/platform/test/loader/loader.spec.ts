// Broken environment files and folders, run as users run the synth: one clean
// error with the file, the line and column as written, the line itself and a
// hint; no stack trace, no esbuild object dump; nothing written or removed.
// And a successful synth leaves exactly the environments' stack folders.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { workspaceRoot } from '@boomi-eks/testing';

const root = workspaceRoot();
const temp: string[] = [];
afterAll(() => temp.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tempDir = (prefix: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temp.push(d);
  return d;
};

/** dev.ts as a plain module (no import of the config lib, which a temp folder cannot resolve). */
const DEV = fs
  .readFileSync(path.join(root, 'apps/platform/src/environments/dev.ts'), 'utf8')
  .replace(/import type .*\n/, '')
  .replace(' satisfies EnvironmentInput', '');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
/** V8 reports a failed `.trim()` call at `trim`: its column in `  accountId: process.env.BOOMI_TEST_UNSET_VARIABLE!.trim(),`. */
const UNSET_LINE_TRIM_COLUMN = '  accountId: process.env.BOOMI_TEST_UNSET_VARIABLE!.trim(),'.indexOf('trim') + 1;

/** A day on which every minor these tests use is released and far from its end of standard support (no lifecycle warning on stderr). */
const LIFECYCLE_QUIET_DAY = '2026-07-01';

function synth(envDir: string, outdir = tempDir('loader-out-'), extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, BOOMI_ENVIRONMENTS_DIR: envDir, CDKTF_OUTDIR: outdir, CI: 'true', CHECKPOINT_DISABLE: '1', BOOMI_TODAY: LIFECYCLE_QUIET_DAY, ...extraEnv };
  delete env.BOOMI_TEST_UNSET_VARIABLE;
  const r = spawnSync(process.execPath, ['tools/synth/synth.js'], { cwd: root, encoding: 'utf8', env });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout, outdir };
}

function folderWith(files: Record<string, string>): string {
  const dir = tempDir('loader-envs-');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

/** Clean: no stack frames, no esbuild object fields, exit 1, no stacks written. */
function expectCleanFailure(r: ReturnType<typeof synth>) {
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toMatch(/errors: \[|warnings: \[|pluginName|node:internal/);
  expect(r.status).toBe(1);
  expect(fs.existsSync(path.join(r.outdir, 'stacks'))).toBe(false);
}

describe('a broken environment file', () => {
  it('syntax error: the line and column as written, the line, a hint', () => {
    const text = DEV.replace("  region: 'us-east-1',", "  region 'us-east-1',");
    const line = lineOf(text, "region 'us-east-1'");
    const dir = folderWith({ 'dev.ts': text });
    const r = synth(dir);
    expectCleanFailure(r);
    expect(r.stderr).toContain(`${path.join(dir, 'dev.ts')}:${line}:10: syntax error: Expected "}" but found "'us-east-1'"`);
    expect(r.stderr).toContain(`${line} |   region 'us-east-1',`);
    expect(r.stderr).toContain('hint: fix the TypeScript at that line');
    expect(r.stderr.trim().split('\n')).toHaveLength(4);
  }, 60_000);

  it('no default export: names the file and how to export', () => {
    const dir = folderWith({ 'dev.ts': DEV.replace('export default', 'export const dev =') });
    const r = synth(dir);
    expectCleanFailure(r);
    expect(r.stderr).toBe(`${path.join(dir, 'dev.ts')}: has no default export\n  hint: export the environment as default: \`export default { name: '...', ... } satisfies EnvironmentInput\`\n`);
  }, 60_000);

  it('an exception while the file is evaluated (an unset variable): the line as written, not the compiled one', () => {
    const text = DEV.replace("  accountId: '123456789012', // replace with your account", '  accountId: process.env.BOOMI_TEST_UNSET_VARIABLE!.trim(),');
    const line = lineOf(text, 'BOOMI_TEST_UNSET_VARIABLE');
    expect(line).toBeGreaterThan(5);
    const dir = folderWith({ 'dev.ts': text });
    const r = synth(dir);
    expectCleanFailure(r);
    expect(r.stderr).toMatch(
      new RegExp(`^${path.join(dir, 'dev.ts').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:${UNSET_LINE_TRIM_COLUMN}: threw while it was evaluated: TypeError: Cannot read properties of undefined \\(reading 'trim'\\)\n`),
    );
    expect(r.stderr).toContain('hint: an environment file only builds data');
  }, 60_000);

  it('a thrown non-Error value is reported too', () => {
    const dir = folderWith({ 'dev.ts': `throw 'not ready';\n${DEV}` });
    const r = synth(dir);
    expectCleanFailure(r);
    expect(r.stderr).toContain("dev.ts: threw while it was evaluated: threw 'not ready'");
  }, 60_000);
});

describe('run with tsx instead of tools/synth/synth.js', () => {
  // `tsx apps/platform/src/main.ts` works too (TRAPS 14): the same error, with tsx's own compiler and source maps.
  function tsxSynth(envDir: string) {
    const r = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['--tsconfig', 'tsconfig.app.json', 'src/main.ts'], {
      cwd: path.join(root, 'apps/platform'),
      encoding: 'utf8',
      env: { ...process.env, BOOMI_ENVIRONMENTS_DIR: envDir, CDKTF_OUTDIR: tempDir('loader-out-'), CI: 'true', CHECKPOINT_DISABLE: '1', BOOMI_TODAY: LIFECYCLE_QUIET_DAY },
    });
    return { status: r.status, stderr: r.stderr };
  }

  it.each([
    ['a syntax error', DEV.replace("  region: 'us-east-1',", "  region 'us-east-1',"), "region 'us-east-1'", ':10: syntax error: Expected "}" but found "\'us-east-1\'"'],
    ['an exception while evaluated', DEV.replace("  accountId: '123456789012', // replace with your account", '  accountId: process.env.BOOMI_TEST_UNSET_VARIABLE!.trim(),'), 'BOOMI_TEST_UNSET_VARIABLE', `:${UNSET_LINE_TRIM_COLUMN}: threw while it was evaluated: TypeError`],
  ])('%s: file, line and column as written, no stack trace', (_what, text, needle, tail) => {
    const dir = folderWith({ 'dev.ts': text });
    const r = tsxSynth(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${path.join(dir, 'dev.ts')}:${lineOf(text, needle)}${tail.replace(/\\'/g, "'")}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe('the environments folder', () => {
  it('missing: names the folder and how it is chosen', () => {
    const missing = path.join(tempDir('loader-parent-'), 'no-such-folder');
    const r = synth(missing);
    expectCleanFailure(r);
    expect(r.stderr).toContain(`${missing}: the environments folder does not exist`);
    expect(r.stderr).toContain('hint: point BOOMI_ENVIRONMENTS_DIR at a folder');
  }, 60_000);

  it('empty: an error, and the previous output stays as it was', () => {
    const outdir = tempDir('loader-out-');
    const ok = synth(folderWith({ 'dev.ts': DEV }), outdir);
    expect(ok.status).toBe(0);
    const manifest = fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8');
    const r = synth(folderWith({ 'README.md': '# notes' }), outdir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the environments folder holds no environment file');
    expect(r.stderr).toContain('a lower-case letter, then lower-case letters, digits or -');
    expect(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')).toBe(manifest);
    expect(fs.readdirSync(path.join(outdir, 'stacks')).sort()).toEqual(['ci-access', 'dev-cluster', 'dev-network', 'dev-workloads', 'state']);
  }, 90_000);

  it.each([
    ['staging_eu.ts', 'staging-eu.ts'],
    ['QA.ts', 'qa.ts'],
    ['2024-prod.ts', 'prod.ts'],
    ['dev.json', 'dev.ts'],
  ])('a file the naming rule would skip (%s) is an error naming it, the rule and a fixed name', (file, suggestion) => {
    const dir = folderWith({ 'dev.ts': DEV, [file]: DEV.replace("name: 'dev'", "name: 'other'") });
    const r = synth(dir);
    expectCleanFailure(r);
    expect(r.stderr).toContain(`${path.join(dir, file)}: is not loaded: its name breaks the rule (an environment file is named <name>.ts`);
    expect(r.stderr).toContain(`hint: rename it to ${suggestion}`);
  }, 60_000);
});

describe('the bundle of tools/synth/synth.js (environments found when the app is bundled)', () => {
  it('holds the environment files of the folder, and nothing else in it', () => {
    const dir = folderWith({ 'dev.ts': DEV, 'README.md': '# notes', 'index.ts': 'throw new Error("not an environment");\n', 'types.d.ts': 'export {};\n', '.draft.ts': 'throw 1;\n' });
    fs.mkdirSync(path.join(dir, 'old'));
    fs.writeFileSync(path.join(dir, 'old', 'qa.ts'), DEV.replace("name: 'dev'", "name: 'qa'"));
    const r = synth(dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.readdirSync(path.join(r.outdir, 'stacks')).sort()).toEqual(['ci-access', 'dev-cluster', 'dev-network', 'dev-workloads', 'state']);
  }, 60_000);

  it('is rebuilt when a file of the folder is added or changed (the folder is part of the cache key)', () => {
    const dir = folderWith({ 'dev.ts': DEV });
    const outdir = tempDir('loader-out-');
    expect(synth(dir, outdir).status).toBe(0);
    const qa = DEV.replace("name: 'dev'", "name: 'qa'").replace('cluster: {', "cluster: {\n    name: 'qa-boomi-molecule',").replace("vpcCidr: '10.110.0.0/16'", "vpcCidr: '10.111.0.0/16'");
    fs.writeFileSync(path.join(dir, 'qa.ts'), qa);
    const added = synth(dir, outdir);
    expect(added.stdout).toBe(`synthesized 8 stacks into ${path.join(outdir, 'stacks')} (dev, qa)\n`);
    const network = () => fs.readFileSync(path.join(outdir, 'stacks', 'qa-network', 'cdk.tf.json'), 'utf8');
    expect(network()).toContain('10.111.0.0/16');
    // An edit of the same size: the modification time alone tells.
    fs.writeFileSync(path.join(dir, 'qa.ts'), fs.readFileSync(path.join(dir, 'qa.ts'), 'utf8').replace('10.111.0.0/16', '10.112.0.0/16'));
    fs.utimesSync(path.join(dir, 'qa.ts'), new Date(), new Date(Date.now() + 5000));
    expect(synth(dir, outdir).status).toBe(0);
    expect(network()).toContain('10.112.0.0/16');
  }, 90_000);
});

describe('cdktf.out matches the environments', () => {
  it('a successful synth removes the stack folders of an environment that no longer exists; a failed one removes nothing', () => {
    const outdir = tempDir('loader-out-');
    const qa = DEV.replace("name: 'dev'", "name: 'qa'").replace('cluster: {', "cluster: {\n    name: 'qa-boomi-molecule',");
    expect(synth(folderWith({ 'dev.ts': DEV, 'qa.ts': qa }), outdir).status).toBe(0);
    const stacks = () => fs.readdirSync(path.join(outdir, 'stacks')).sort();
    expect(stacks()).toEqual(['ci-access', 'dev-cluster', 'dev-network', 'dev-workloads', 'qa-cluster', 'qa-network', 'qa-workloads', 'state']);

    // qa renamed to staging, but the file is broken: nothing changes.
    const broken = synth(folderWith({ 'dev.ts': DEV, 'staging.ts': qa.replace("name: 'qa'", "name: 'staging'").replace("vpcCidr: '", "vpcCidr '") }), outdir);
    expect(broken.status).toBe(1);
    expect(stacks()).toContain('qa-network');

    // Fixed: qa's folders go, staging's come; a folder cdktf did not write stays.
    fs.mkdirSync(path.join(outdir, 'stacks', 'notes'));
    const staging = qa.replace("name: 'qa'", "name: 'staging'").replace("'qa-boomi-molecule'", "'staging-boomi-molecule'");
    const r = synth(folderWith({ 'dev.ts': DEV, 'staging.ts': staging }), outdir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(stacks()).toEqual(['ci-access', 'dev-cluster', 'dev-network', 'dev-workloads', 'notes', 'staging-cluster', 'staging-network', 'staging-workloads', 'state']);
    expect(r.stdout).toContain(`removed ${path.join(outdir, 'stacks', 'qa-network')}: its stack no longer exists`);
  }, 120_000);
});
