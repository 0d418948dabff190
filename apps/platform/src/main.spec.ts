// The app as users run it: a bad environment file ends in a readable list of
// problems on stderr and exit code 1, never a stack trace.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { workspaceRoot } from '@boomi-eks/testing';

const root = workspaceRoot();

function runApp(envDir: string) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-out-'));
  const result = spawnSync(
    process.execPath,
    ['tools/synth/synth.js'], // what `npm run synth` runs
    { cwd: root, encoding: 'utf8', env: { ...process.env, BOOMI_ENVIRONMENTS_DIR: envDir, CDKTF_OUTDIR: outdir } },
  );
  return { ...result, outdir };
}

describe('main', () => {
  it('refuses a bad environment with the file, the field and the fix, and no stack trace', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'envs-'));
    const dev = fs.readFileSync(path.join(root, 'apps/platform/src/environments/dev.ts'), 'utf8');
    fs.writeFileSync(
      path.join(dir, 'broken.ts'),
      dev
        .replace("import type { EnvironmentInput } from '@boomi-eks/config';", '')
        .replace(' satisfies EnvironmentInput', '')
        .replace("name: 'dev'", "name: 'broken'")
        .replace("'us-east-1b']", "'us-west-2b']"),
    );
    const { status, stderr, outdir } = runApp(dir);
    expect(status).toBe(1);
    expect(stderr).toContain("broken.ts: availabilityZones[1]: ('us-west-2b') is not an AZ of region us-east-1");
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(outdir, 'stacks'))).toBe(false);
  });

  it('picks up a new environment from one new file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'envs-'));
    const dev = fs.readFileSync(path.join(root, 'apps/platform/src/environments/dev.ts'), 'utf8');
    fs.writeFileSync(path.join(dir, 'qa.ts'), dev.replace("name: 'dev'", "name: 'qa'").replace(/import type .*\n/, '').replace(' satisfies EnvironmentInput', ''));
    const { status, stderr, outdir } = runApp(dir);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(fs.readdirSync(path.join(outdir, 'stacks')).sort()).toEqual(['ci-access', 'qa-cluster', 'qa-network', 'qa-workloads', 'state']);
    // plan.yml's routes: one per stack, the workloads stack as qa's ci.workloadsPlan says (dev's file: GitHub-hosted).
    const routes = JSON.parse(fs.readFileSync(path.join(outdir, 'ci-plan-routes.json'), 'utf8'));
    expect(routes.map((r: { stack: string }) => r.stack).sort()).toEqual(['ci-access', 'qa-cluster', 'qa-network', 'qa-workloads', 'state']);
    expect(routes.find((r: { stack: string }) => r.stack === 'qa-workloads')).toEqual({ stack: 'qa-workloads', runner: 'github-hosted', runsOn: 'ubuntu-24.04' });
  });
});
