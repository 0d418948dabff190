// plan-review on real commits: a temporary git repository holding a tiny cdktf
// app (deep provider imports, this workspace's node_modules through a symlink),
// two commits, and the CLI run between them through git worktrees and real synths.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run, type Io } from '../src/cli';

jest.setTimeout(60_000);

const WORKSPACE = path.resolve(__dirname, '../../..');
const CLI = path.join(WORKSPACE, 'tools/plan-review/bin/plan-review');

/** The app at commit 1 or 2. Commit 2: a tag changed, a bucket added, one removed, a secret rotated, stack `legacy` replaced by `extra`. */
function appSource(version: 1 | 2): string {
  const v2 = version === 2;
  return `import { App, S3Backend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';

class Base extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new S3Backend(this, { bucket: 'demo-state', key: id + '.tfstate', region: 'us-east-1' });
    new AwsProvider(this, 'aws', { region: 'us-east-1' });
  }
}

class Storage extends Base {
  readonly logs: S3Bucket;
  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.logs = new S3Bucket(this, 'logs', { bucket: 'demo-logs', tags: { team: '${v2 ? 'payments' : 'platform'}', tier: 'gold' } });
    ${v2 ? "new S3Bucket(this, 'archive', { bucket: 'demo-archive' });" : "new S3Bucket(this, 'old', { bucket: 'demo-old' });"}
    new SecretsmanagerSecretVersion(this, 'creds', { secretId: 'demo/creds', secretString: '${v2 ? 'rotated-hunter3' : 'hunter2'}' });
  }
}

class Jobs extends Base {
  constructor(scope: Construct, id: string, logs: S3Bucket) {
    super(scope, id);
    new SqsQueue(this, 'jobs', { name: 'demo-jobs', visibilityTimeoutSeconds: ${v2 ? 60 : 30}, tags: { logs: logs.bucket } });
    new TerraformOutput(this, 'queue', { value: 'demo-jobs' });
  }
}

const app = new App();
const storage = new Storage(app, 'storage');
new Jobs(app, 'jobs', storage.logs);
${v2 ? "new Base(app, 'extra');" : "new Base(app, 'legacy');"}
app.synth();
`;
}

let repo: string;

function git(...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { cwd: repo, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  return { code: await run(argv, io), stdout, stderr };
}

beforeAll(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-review-repo-'));
  fs.symlinkSync(path.join(WORKSPACE, 'node_modules'), path.join(repo, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(repo, '.gitignore'), 'node_modules\ncdktf.out\n');
  fs.writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ private: true, scripts: { synth: 'tsx main.ts' } }, null, 2));
  git('init', '-q', '-b', 'main');
  fs.writeFileSync(path.join(repo, 'main.ts'), appSource(1));
  git('add', '-A');
  git('commit', '-q', '-m', 'one');
  fs.writeFileSync(path.join(repo, 'main.ts'), appSource(2));
  git('commit', '-q', '-am', 'two');
});

afterAll(() => {
  if (repo) fs.rmSync(repo, { recursive: true, force: true });
});

describe('plan-review between two commits', () => {
  let result: { code: number; stdout: string; stderr: string };
  let review: any;

  beforeAll(async () => {
    result = await cli('--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json');
    review = JSON.parse(result.stdout || '{}');
  });

  it('exits 2: something changed', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(2);
  });

  it('names both commits', () => {
    expect(review.base).toEqual({ label: 'HEAD~1', sha: git('rev-parse', 'HEAD~1') });
    expect(review.head).toEqual({ label: 'HEAD', sha: git('rev-parse', 'HEAD') });
  });

  it('reports stacks added and removed, and the affected ones in dependency order', () => {
    expect(review.stacksAdded).toEqual(['extra']);
    expect(review.stacksRemoved).toEqual(['legacy']);
    expect(review.affected).toEqual(['extra', 'storage', 'jobs']);
    expect(review.stacks.map((s: any) => `${s.stack}:${s.status}`)).toEqual(['extra:added', 'storage:changed', 'jobs:changed', 'legacy:removed']);
  });

  it('reports the exact resource changes of each stack, the secret masked', () => {
    const storage = review.stacks.find((s: any) => s.stack === 'storage');
    expect(storage.added).toEqual([{ address: 'aws_s3_bucket.archive', kind: 'resource', type: 'aws_s3_bucket', constructPath: 'archive' }]);
    expect(storage.removed).toEqual([{ address: 'aws_s3_bucket.old', kind: 'resource', type: 'aws_s3_bucket', constructPath: 'old' }]);
    expect(storage.changed).toEqual([
      {
        address: 'aws_s3_bucket.logs',
        kind: 'resource',
        type: 'aws_s3_bucket',
        constructPath: 'logs',
        attributes: [{ path: 'tags.team', action: 'changed', before: 'platform', after: 'payments', sensitive: false }],
      },
      {
        address: 'aws_secretsmanager_secret_version.creds',
        kind: 'resource',
        type: 'aws_secretsmanager_secret_version',
        constructPath: 'creds',
        attributes: [{ path: 'secret_string', action: 'changed', before: '(sensitive)', after: '(sensitive)', sensitive: true }],
      },
    ]);
    const jobs = review.stacks.find((s: any) => s.stack === 'jobs');
    expect(jobs.added).toEqual([]);
    expect(jobs.removed).toEqual([]);
    expect(jobs.changed).toEqual([
      {
        address: 'aws_sqs_queue.jobs',
        kind: 'resource',
        type: 'aws_sqs_queue',
        constructPath: 'jobs',
        attributes: [{ path: 'visibility_timeout_seconds', action: 'changed', before: 30, after: 60, sensitive: false }],
      },
    ]);
    expect(result.stdout).not.toMatch(/hunter/);
  });

  it('leaves no worktree behind', () => {
    expect(git('worktree', 'list').split('\n')).toHaveLength(1);
  });
});

describe('plan-review on identical revisions', () => {
  it('exits 0 and says there is nothing to review', async () => {
    const r = await cli('--base', 'HEAD', '--head', 'HEAD');
    expect(r).toEqual({ code: 0, stderr: '', stdout: expect.stringContaining('## Plan review: no changes') });
  });
});

describe('plan-review as a command, against the working tree', () => {
  it('prints the affected stacks of the working tree since HEAD~1 and exits 2', () => {
    const r = spawnSync(CLI, ['--base', 'HEAD~1', '--affected', '--exclude', 'extra'], { cwd: repo, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('storage\njobs\n');
    expect(r.status).toBe(2);
  });

  it('fails with exit 1 and a clear message for an unknown ref', () => {
    const r = spawnSync(CLI, ['--base', 'no-such-branch'], { cwd: repo, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("plan-review: --base/--head: 'no-such-branch' is not a commit of this repository (git fetch it, or pass a branch, tag or sha)\n");
  });
});
