// The GitHub Actions workflows: valid YAML, every action pinned, every script
// and npm script they run present, OIDC credentials only, and the deploy's
// environments and concurrency. Nothing here runs GitHub; it guards the files.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { HELP } from '../src/cli';

const ROOT = path.resolve(__dirname, '../../..');
const WORKFLOWS = ['plan.yml', 'deploy.yml'];

interface Step {
  id?: string;
  name?: string;
  if?: string;
  'continue-on-error'?: boolean;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on'?: string;
  needs?: string | string[];
  if?: string;
  environment?: string | { name: string };
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  permissions?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown> };
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const text: Record<string, string> = {};
const parsed: Record<string, Workflow> = {};
for (const file of WORKFLOWS) {
  text[file] = fs.readFileSync(path.join(ROOT, '.github/workflows', file), 'utf8');
  const doc = parseDocument(text[file]);
  if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
  parsed[file] = doc.toJS() as Workflow;
}
const steps = (file: string) => Object.values(parsed[file].jobs).flatMap((j) => j.steps ?? []);
const runs = (file: string) => steps(file).flatMap((s) => (s.run ? [s.run.replace(/\\\n\s*/g, ' ')] : []));
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const scriptsDir = path.join(ROOT, 'tools/plan-review/scripts');
const shellScripts = fs.readdirSync(scriptsDir).map((f) => path.join(scriptsDir, f));

const VALIDATOR = path.join(ROOT, 'node_modules/.bin/action-validator');
const validate = (file: string) => spawnSync(VALIDATOR, [file], { encoding: 'utf8' });

describe.each(WORKFLOWS)('%s', (file) => {
  it('passes the GitHub Actions workflow schema (@action-validator/cli, offline)', () => {
    const r = validate(path.join(ROOT, '.github/workflows', file));
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
  });

  it('parses as YAML with jobs that run on a pinned runner image (the plan job: the one its route names)', () => {
    expect(Object.keys(parsed[file].jobs).length).toBeGreaterThan(0);
    for (const [name, job] of Object.entries(parsed[file].jobs)) {
      if (file === 'plan.yml' && name === 'plan') expect(job['runs-on']).toBe('${{ fromJSON(matrix.runs-on) }}');
      else expect(job['runs-on']).toMatch(/^ubuntu-\d+\.\d+$/);
    }
  });

  it('pins every action to a full commit SHA with its exact version beside it', () => {
    const uses = steps(file).flatMap((s) => (s.uses ? [s.uses] : []));
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) {
      expect(u).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      const line = text[file].split('\n').find((l) => l.includes(`uses: ${u}`));
      expect(line).toMatch(/ # v\d+\.\d+\.\d+$/);
    }
    // One action, one version, everywhere.
    const byAction = new Map<string, Set<string>>();
    for (const u of uses) byAction.set(u.split('@')[0], (byAction.get(u.split('@')[0]) ?? new Set()).add(u));
    for (const [action, versions] of byAction) expect([action, versions.size]).toEqual([action, 1]);
  });

  it('runs only scripts and files that exist, executable when run directly', () => {
    for (const run of runs(file)) {
      for (const m of run.matchAll(/(?:^|[\s"'=(])((?:tools|apps|libs|\.ci|\.github)\/[\w./-]+)/g)) {
        const p = path.join(ROOT, m[1]);
        expect([m[1], fs.existsSync(p)]).toEqual([m[1], true]);
        if (run.trimStart().startsWith(m[1]) || new RegExp(`(^|\\n|; |&& |\\$\\()\\s*${m[1].replace(/[.]/g, '\\.')}`).test(run)) {
          expect([m[1], (fs.statSync(p).mode & 0o111) !== 0]).toEqual([m[1], true]);
        }
      }
    }
  });

  it('runs only npm scripts of package.json and binaries that npm install installs', () => {
    for (const run of runs(file)) {
      for (const m of run.matchAll(/npm run ([\w:-]+)/g)) expect([m[1], m[1] in packageJson.scripts]).toEqual([m[1], true]);
      for (const m of run.matchAll(/npx ([\w@/-]+)/g)) expect([m[1], fs.existsSync(path.join(ROOT, 'node_modules/.bin', m[1]))]).toEqual([m[1], true]);
    }
  });

  it("passes plan-review only options it knows", () => {
    const sources = [...runs(file), ...shellScripts.map((f) => fs.readFileSync(f, 'utf8').replace(/\\\n\s*/g, ' '))];
    const calls = sources.flatMap((s) => s.split('\n')).filter((l) => /plan-review(\/bin\/plan-review)?"? /.test(l) && l.includes('--'));
    expect(calls.length).toBeGreaterThan(0);
    for (const line of calls) for (const m of line.matchAll(/\s(--[a-z][a-z-]*)/g)) expect([m[1], HELP.includes(m[1])]).toEqual([m[1], true]);
  });

  it('uses no long-lived AWS keys, only roles assumed through OIDC', () => {
    expect(text[file]).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY/);
    for (const [name, job] of Object.entries(parsed[file].jobs)) {
      const assumes = (job.steps ?? []).filter((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
      if (assumes.length === 0) continue;
      const permissions = job.permissions ?? parsed[file].permissions ?? {};
      expect([name, permissions['id-token']]).toEqual([name, 'write']);
      for (const s of assumes) expect(s.with?.['role-to-assume']).toMatch(/^\$\{\{ vars\.AWS_(PLAN|DEPLOY)_ROLE_ARN \}\}$/);
    }
  });

  it('grants the workflow token nothing beyond reading by default, and never contents: write', () => {
    expect(parsed[file].permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(parsed[file].jobs)) expect(job.permissions?.contents ?? 'read').toBe('read');
  });
});

describe('the workflow schema check', () => {
  it('fails a workflow with a misspelt key, naming it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workflow-'));
    const bad = path.join(dir, 'bad.yml');
    fs.writeFileSync(bad, text['plan.yml'].replace('timeout-minutes: 20', 'timeout-minute: 20'));
    const r = validate(bad);
    fs.rmSync(dir, { recursive: true });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Additional property 'timeout-minute' is not allowed");
  });
});

describe('plan.yml', () => {
  const wf = parsed['plan.yml'];

  it('posts the comment even when tests fail, saying which failed, and still fails the check', () => {
    const review = wf.jobs.review.steps!;
    const tests = review.find((s) => s.id === 'tests')!;
    expect(tests['continue-on-error']).toBe(true);
    expect(tests.env?.JEST_RESULTS_DIR).toBe('${{ runner.temp }}/jest-results');
    const report = review.find((s) => s.run?.includes('bin/test-report'))!;
    expect(report.if).toBe('always()');
    expect(report.run).toBe('tools/plan-review/bin/test-report --outcome "$OUTCOME" --results "$RESULTS" --out review/tests.md');
    expect(report.env?.OUTCOME).toBe('${{ steps.tests.outcome }}');
    // the review artifact is uploaded whatever happened, then the job fails if the tests did
    const upload = review.find((s) => s.with?.name === 'plan-review')!;
    expect(upload.if).toBe('always()');
    const last = review[review.length - 1];
    expect([last.if, last.run?.trim().endsWith('exit 1')]).toEqual(["steps.tests.outcome == 'failure'", true]);
    expect(review.indexOf(report)).toBeLessThan(review.indexOf(last));
    // the comment job runs on a failed review job too, and puts the test report in the comment
    expect(wf.jobs.comment.if).toContain("needs.review.result == 'failure'");
    const compose = wf.jobs.comment.steps!.find((s) => s.run?.includes('comment.md'))!;
    expect(compose.run).toContain('cat review/tests.md');
    expect(compose.run).toMatch(/if \[ -f review\/review\.md \]; then cat review\/review\.md; else/);
    expect(compose.run).toMatch(/if \[ "\$REVIEW_RESULT" = success \]; then cat review\/plans\.md; fi/);
  });

  it('runs on pull requests: tests, synth, review, then a plan per affected stack and a comment', () => {
    expect(Object.keys(wf.on)).toEqual(['pull_request']);
    const review = runs('plan.yml').join('\n');
    expect(review).toMatch(/npm install/);
    expect(review).not.toMatch(/npm ci/); // the lockfile lacks other platforms' optional packages
    expect(review).toMatch(/npx nx affected -t test/);
    expect(review).toMatch(/npm run synth/);
    expect(review).toMatch(/plan-review --base "origin\/\$BASE_REF" --head-dir cdktf\.out/);
    expect(wf.jobs.plan.strategy?.matrix).toBe('${{ fromJSON(needs.review.outputs.matrix) }}');
    expect(wf.jobs.comment.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  it('routes each stack as the synth says: matrix from plan-matrix.sh over the affected stacks and cdktf.out/ci-plan-routes.json', () => {
    const routes = wf.jobs.review.steps!.find((st) => st.run?.includes('plan-matrix.sh'))!;
    expect(routes.run).toContain('tools/plan-review/scripts/plan-matrix.sh review/affected.txt cdktf.out/ci-plan-routes.json');
    expect(routes.run).toContain('echo "matrix=$matrix" >> "$GITHUB_OUTPUT"');
    expect((wf.jobs.review as Record<string, any>).outputs.matrix).toBe('${{ steps.routes.outputs.matrix }}');
    // The review step that writes affected.txt runs before the routing step.
    const order = wf.jobs.review.steps!.map((st) => st.run ?? '');
    expect(order.findIndex((r) => r.includes('--affected-out review/affected.txt'))).toBeLessThan(order.findIndex((r) => r.includes('plan-matrix.sh')));
  });

  it('plans nothing and assumes no role for a stack without a CI path, and records why instead of failing', () => {
    const planSteps = wf.jobs.plan.steps!;
    const skip = planSteps.find((st) => st.run?.includes('--plan-skipped'))!;
    expect(skip).toMatchObject({ if: "matrix.runner == 'none'", env: { STACK: '${{ matrix.stack }}', REASON: '${{ matrix.reason }}' } });
    expect(skip.run).toBe('tools/plan-review/bin/plan-review --plan-skipped "$REASON" --stack "$STACK" --out "plans/$STACK/summary.json"');
    for (const st of planSteps) {
      const needsCluster =
        st.uses?.startsWith('aws-actions/configure-aws-credentials@') || st.uses?.startsWith('hashicorp/setup-terraform@') || st.run?.includes('terraform-plan.sh');
      if (needsCluster) expect([st.uses ?? st.run, (st as Record<string, any>).if]).toEqual([st.uses ?? st.run, "matrix.runner != 'none'"]);
    }
    // The summary lands where the upload (and so the comment) takes it from.
    const upload = planSteps.find((st) => st.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with?.path).toBe('plans/${{ matrix.stack }}/');
  });

  it('assumes the plan role only, and only for pull requests from this repository', () => {
    expect(text['plan.yml']).not.toContain('AWS_DEPLOY_ROLE_ARN');
    expect(wf.jobs.plan.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
  });

  it('uploads the text plans and summaries, never the binary plan or its JSON', () => {
    const upload = wf.jobs.plan.steps!.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with).toEqual({ name: 'plan-${{ matrix.stack }}', path: 'plans/${{ matrix.stack }}/' });
    const script = fs.readFileSync(path.join(scriptsDir, 'terraform-plan.sh'), 'utf8');
    expect(script).toMatch(/-out="\$tmp\/tfplan"/);
    expect(script).toMatch(/show -json "\$tmp\/tfplan" >"\$tmp\/plan\.json"/);
    expect(script).toMatch(/trap 'rm -rf "\$tmp"' EXIT/);
  });
});

describe('deploy.yml', () => {
  const wf = parsed['deploy.yml'];
  const deployJobs = Object.entries(wf.jobs).filter(([, j]) => j.environment !== undefined);
  const envOf = (j: Job) => (typeof j.environment === 'string' ? j.environment : j.environment!.name);

  it('runs on pushes to main', () => {
    expect(wf.on.push).toEqual({ branches: ['main'] });
  });

  it('has one deploy job per environment file, each behind its GitHub environment', () => {
    const files = fs
      .readdirSync(path.join(ROOT, 'apps/platform/src/environments'))
      .filter((f) => /^[a-z][a-z0-9-]*\.ts$/.test(f) && !/^(load|index)\./.test(f) && !f.endsWith('.spec.ts'))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(deployJobs.map(([, j]) => envOf(j)).sort()).toEqual(files.sort());
    for (const [name, job] of deployJobs) expect(name).toBe(`deploy-${envOf(job)}`);
  });

  it('never runs two deploys of one environment (so of one stack) at once, and never cancels one', () => {
    for (const [, job] of deployJobs) expect(job.concurrency).toEqual({ group: `deploy-${envOf(job)}`, 'cancel-in-progress': false });
  });

  it('deploys the environments in order, each only its own stacks, stack by stack', () => {
    expect(wf.jobs['deploy-prod'].needs).toEqual(['changes', 'deploy-dev']);
    expect(wf.jobs['deploy-prod'].if).toMatch(/needs\.deploy-dev\.result != 'failure'/);
    for (const [, job] of deployJobs) {
      const env = envOf(job);
      const step = job.steps!.find((s) => s.run?.includes('deploy-stacks.sh'))!;
      expect(step.env).toEqual({ STACKS: `\${{ needs.changes.outputs.${env} }}` });
      expect(job.if).toContain(`needs.changes.outputs.${env} != ''`);
    }
    expect(runs('deploy.yml').join('\n')).toMatch(/for env in dev prod; do/);
    const deploy = fs.readFileSync(path.join(scriptsDir, 'deploy-stacks.sh'), 'utf8');
    expect(deploy).toMatch(/for stack in "\$@"; do/);
    expect(deploy).toMatch(/cdktf deploy "\$stack" --auto-approve --skip-synth/);
  });

  it('assumes the deploy role, never the plan role', () => {
    expect(text['deploy.yml']).not.toContain('AWS_PLAN_ROLE_ARN');
  });
});

describe('scripts', () => {
  it.each(shellScripts.map((f) => path.relative(ROOT, f)))('%s is executable and valid bash', (rel) => {
    const file = path.join(ROOT, rel);
    expect(fs.statSync(file).mode & 0o111).not.toBe(0);
    expect(spawnSync('bash', ['-n', file]).status).toBe(0);
  });

  describe('plan-matrix.sh', () => {
    const tmp = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'plan-matrix-'));
    afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
    const routesFile = path.join(tmp, 'routes.json');
    fs.writeFileSync(
      routesFile,
      JSON.stringify([
        { stack: 'dev-network', runner: 'github-hosted', runsOn: 'ubuntu-24.04' },
        { stack: 'dev-workloads', runner: 'github-hosted', runsOn: 'boomi-static-ip-runner' },
        { stack: 'prod-workloads', runner: 'self-hosted', runsOn: ['self-hosted', 'linux', 'boomi-prod-vpc'] },
        { stack: 'stage-workloads', runner: 'none', runsOn: 'ubuntu-24.04', reason: 'no CI path to the stage cluster API' },
      ]),
    );
    const matrix = (affected: string[]) => {
      const file = path.join(tmp, 'affected.txt');
      fs.writeFileSync(file, affected.map((a) => `${a}\n`).join(''));
      const r = spawnSync('bash', [path.join(scriptsDir, 'plan-matrix.sh'), file, routesFile], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      return JSON.parse(r.stdout).include as Record<string, string>[];
    };

    it('gives each affected stack, in order, its runner and runs-on (as JSON: a label or a list)', () => {
      expect(matrix(['prod-workloads', 'dev-network', 'dev-workloads'])).toEqual([
        { stack: 'prod-workloads', runner: 'self-hosted', 'runs-on': '["self-hosted","linux","boomi-prod-vpc"]', reason: '' },
        { stack: 'dev-network', runner: 'github-hosted', 'runs-on': '"ubuntu-24.04"', reason: '' },
        { stack: 'dev-workloads', runner: 'github-hosted', 'runs-on': '"boomi-static-ip-runner"', reason: '' },
      ]);
    });

    it('passes a stack with no CI path on with its reason, and one missing from the routes as not planned', () => {
      expect(matrix(['stage-workloads', 'new-stack'])).toEqual([
        { stack: 'stage-workloads', runner: 'none', 'runs-on': '"ubuntu-24.04"', reason: 'no CI path to the stage cluster API' },
        { stack: 'new-stack', runner: 'none', 'runs-on': '"ubuntu-24.04"', reason: expect.stringContaining('no route for this stack') },
      ]);
    });

    it('gives an empty matrix for no affected stack (the plan job is then skipped by its if)', () => {
      expect(matrix([])).toEqual([]);
    });
  });

  it('bin/plan-review is executable', () => {
    expect(fs.statSync(path.join(ROOT, 'tools/plan-review/bin/plan-review')).mode & 0o111).not.toBe(0);
  });
});
