// The CLI on hand-made synth folders (--base-dir/--head-dir): no git, no synth.
// test/cli.integration.spec.ts runs it on real commits.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run, type Io } from './cli';
import { baseSynth, headSynth, writeOutdir } from '../test/fixtures';
import { summarizePlan } from './plan-summary';

let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-review-cli-'));
  writeOutdir(baseSynth(), path.join(tmp, 'base'));
  writeOutdir(headSynth(), path.join(tmp, 'head'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { cwd: tmp, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

describe('plan-review CLI', () => {
  it('prints the Markdown review and exits 2 when something changed', async () => {
    const r = await cli('--base-dir', 'base', '--head-dir', 'head');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^## Plan review: 1 stack changed, 1 added, 1 removed/);
    expect(r.stdout).toContain('  - `tags["kubernetes.io/cluster/x"]`: `"shared"` → `"owned"`');
    expect(r.stderr).toBe('');
  });

  it('exits 0 when both sides are the same', async () => {
    const r = await cli('--base-dir', 'base', '--head-dir', 'base');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## Plan review: no changes');
  });

  it('writes JSON, Markdown and the affected list to files in one run', async () => {
    const r = await cli('--base-dir', 'base', '--head-dir', 'head', '--out', 'out/review.md', '--json-out', 'out/review.json', '--affected-out', 'out/affected.txt');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(path.join(tmp, 'out/review.md'), 'utf8')).toMatch(/^## Plan review/);
    expect(JSON.parse(fs.readFileSync(path.join(tmp, 'out/review.json'), 'utf8')).affected).toEqual(['net', 'jobs']);
    expect(fs.readFileSync(path.join(tmp, 'out/affected.txt'), 'utf8')).toBe('net\njobs\n');
  });

  it('--affected prints the stacks to plan in dependency order; --exclude and --with-dependents shape it', async () => {
    expect((await cli('--base-dir', 'base', '--head-dir', 'head', '--affected')).stdout).toBe('net\njobs\n');
    expect((await cli('--base-dir', 'base', '--head-dir', 'head', '--affected', '--with-dependents', '--exclude', 'jobs')).stdout).toBe('net\napp\n');
    expect(JSON.parse((await cli('--base-dir', 'base', '--head-dir', 'head', '--affected', '--format', 'json')).stdout)).toEqual({ affected: ['net', 'jobs'], removed: ['legacy'] });
  });

  it('--base none treats every stack as new (a first deploy)', async () => {
    const r = await cli('--base', 'none', '--head-dir', 'head', '--affected', '--repo', tmp);
    expect(r.stdout).toBe('net\napp\njobs\n');
  });

  it('fails with exit 1 and one clear line on bad input', async () => {
    expect(await cli('--bogus')).toMatchObject({ code: 1, stderr: expect.stringContaining("plan-review: Unknown option '--bogus'") });
    expect(await cli('--format', 'yaml', '--base-dir', 'base', '--head-dir', 'head')).toMatchObject({ code: 1, stderr: "plan-review: --format: 'yaml' is not markdown or json\n" });
    expect(await cli('--base-dir', 'missing', '--head-dir', 'head')).toMatchObject({ code: 1, stderr: expect.stringMatching(/missing: no manifest.json/) });
    expect(await cli('--base', 'x', '--base-dir', 'base', '--head-dir', 'head')).toMatchObject({ code: 1, stderr: 'plan-review: --base and --base-dir: give one of them\n' });
  });

  it('prints its usage with --help', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Exit codes: 0 nothing changed, 2 something changed, 1 error');
  });

  describe('Terraform plan summaries', () => {
    it('summarizes a plan JSON, records a failed plan, and renders them all', async () => {
      fs.writeFileSync(path.join(tmp, 'plan.json'), JSON.stringify({ resource_changes: [{ address: 'aws_vpc.v', change: { actions: ['update'] } }] }));
      expect((await cli('--summarize-plan', 'plan.json', '--stack', 'net', '--out', 'plans/net/summary.json')).code).toBe(0);
      expect(JSON.parse(fs.readFileSync(path.join(tmp, 'plans/net/summary.json'), 'utf8'))).toEqual(summarizePlan('net', { resource_changes: [{ address: 'aws_vpc.v', change: { actions: ['update'] } }] }));
      expect((await cli('--plan-error', 'terraform init failed', '--stack', 'jobs', '--out', 'plans/jobs/summary.json')).code).toBe(0);
      const md = (await cli('--plans', 'plans', '--order', 'net,jobs')).stdout;
      expect(md).toContain('| `net` | 0 | 1 | 0 | 0 | ✅ |\n| `jobs` | – | – | – | – | ❌ terraform init failed |');
    });

    it('records a stack CI does not plan (no path to its cluster API) as not planned, with the reason, not as a failure', async () => {
      const reason = "no CI path to the prod cluster API (ci.workloadsPlan.runner is 'none')";
      expect((await cli('--plan-skipped', reason, '--stack', 'prod-workloads', '--out', 'skipped/prod-workloads/summary.json')).code).toBe(0);
      const summary = JSON.parse(fs.readFileSync(path.join(tmp, 'skipped/prod-workloads/summary.json'), 'utf8'));
      expect(summary).toMatchObject({ stack: 'prod-workloads', ok: true, skipped: reason });
      const md = (await cli('--plans', 'skipped')).stdout;
      expect(md).toContain(`| \`prod-workloads\` | – | – | – | – | ⏭️ not planned: ${reason} |`);
      expect(md).not.toContain('❌');
      expect(await cli('--plan-skipped', reason)).toMatchObject({ code: 1, stderr: expect.stringContaining('--stack ID is required') });
    });

    it('needs --stack, and JSON', async () => {
      expect(await cli('--summarize-plan', 'plan.json')).toMatchObject({ code: 1, stderr: expect.stringContaining('--stack ID is required') });
      fs.writeFileSync(path.join(tmp, 'bad.json'), 'Error: no');
      expect(await cli('--summarize-plan', 'bad.json', '--stack', 'x')).toMatchObject({ code: 1, stderr: expect.stringContaining('is not JSON') });
    });
  });
});
