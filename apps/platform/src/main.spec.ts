// The app as users run it: a bad environment file ends in a readable list of
// problems on stderr and exit code 1, never a stack trace.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { workspaceRoot } from '@boomi-eks/testing';

const root = workspaceRoot();

// A day on which the shipped environments' minor (1.34) is more than 90 days from the end of standard support.
const QUIET_DAY = '2026-08-01';

function runApp(envDir: string, today = QUIET_DAY) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-out-'));
  const result = spawnSync(
    process.execPath,
    ['tools/synth/synth.js'], // what `npm run synth` runs
    { cwd: root, encoding: 'utf8', env: { ...process.env, BOOMI_ENVIRONMENTS_DIR: envDir, CDKTF_OUTDIR: outdir, BOOMI_TODAY: today } },
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
    const { status, stderr, stdout, outdir } = runApp(dir);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    // one summary line on stdout, naming the count, the folder and the environments
    expect(stdout).toBe(`synthesized 5 stacks into ${path.join(outdir, 'stacks')} (qa)\n`);
    expect(fs.readdirSync(path.join(outdir, 'stacks')).sort()).toEqual(['ci-access', 'qa-cluster', 'qa-network', 'qa-workloads', 'state']);
    // plan.yml's routes: one per stack, the workloads stack as qa's ci.workloadsPlan says (dev's file: GitHub-hosted).
    const routes = JSON.parse(fs.readFileSync(path.join(outdir, 'ci-plan-routes.json'), 'utf8'));
    expect(routes.map((r: { stack: string }) => r.stack).sort()).toEqual(['ci-access', 'qa-cluster', 'qa-network', 'qa-workloads', 'state']);
    expect(routes.find((r: { stack: string }) => r.stack === 'qa-workloads')).toEqual({ stack: 'qa-workloads', runner: 'github-hosted', runsOn: 'ubuntu-24.04' });
  });

  describe('Kubernetes lifecycle (BOOMI_TODAY injects the day)', () => {
    const envDir = () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'envs-'));
      const dev = fs.readFileSync(path.join(root, 'apps/platform/src/environments/dev.ts'), 'utf8').replace(/import type .*\n/, '').replace(' satisfies EnvironmentInput', '');
      fs.writeFileSync(path.join(dir, 'qa.ts'), dev.replace("name: 'dev'", "name: 'qa'"));
      fs.writeFileSync(path.join(dir, 'uat.ts'), dev.replace("name: 'dev'", "name: 'uat'").replace("kubernetesVersion: '1.34'", "kubernetesVersion: '1.36'"));
      return dir;
    };

    it('prints one warning line per environment within 90 days of the end of standard support, and still synthesizes', () => {
      const { status, stderr, outdir } = runApp(envDir(), '2026-11-30');
      expect(status).toBe(0);
      expect(stderr.trimEnd().split('\n')).toEqual([
        'warning: qa: cluster.kubernetesVersion 1.34 leaves EKS standard support on 2026-12-02 (in 2 days): with supportType STANDARD, EKS then upgrades ' +
          'the control plane to 1.35 on its own; EXTENDED instead keeps 1.34 at a higher cost per cluster-hour; upgrade one minor at a time to 1.35 (docs/upgrades.md)',
      ]);
      expect(fs.readdirSync(path.join(outdir, 'stacks'))).toContain('qa-cluster');
    });

    it('refuses a minor past the end of extended support, naming the field', () => {
      const { status, stderr } = runApp(envDir(), '2027-12-02');
      expect(status).toBe(1);
      expect(stderr).toContain("qa.ts: cluster.kubernetesVersion: ('1.34') reached the end of EKS extended support on 2027-12-02");
      expect(stderr).not.toContain('uat.ts');
    });

    it('refuses a BOOMI_TODAY that is not a day', () => {
      const { status, stderr } = runApp(envDir(), 'yesterday');
      expect(status).toBe(1);
      expect(stderr).toContain("BOOMI_TODAY: ('yesterday') is not a day: use YYYY-MM-DD");
    });
  });
});
