// Remote state for real: takes the S3 backend block that the synthesized
// dev-cluster stack really contains, points it at a local S3 emulator (Debian's
// python3-moto server on 127.0.0.1) and lets Terraform itself prove that
//   1. `terraform init` accepts the block,
//   2. `terraform apply` writes the state object at the expected key, encrypted,
//   3. a second Terraform is refused while the first holds the S3 lockfile.
// Without terraform or moto: under CI=true a failure naming what is missing; elsewhere
// the emulator tests are skipped (counted as skipped, the reason printed).
//
// Run with `npx nx run integration:s3-backend` (installs moto first if needed).
import { ChildProcess, spawn, spawnSync, SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { findTerraform, motoImportable, requireOrSkip, type Missing } from '../lib/requirements';

const repoRoot = path.resolve(__dirname, '../../..');
const stacksDir = path.join(repoRoot, 'cdktf.out', 'stacks');
const STACK = 'dev-cluster';
const EXPECTED_KEY = 'dev/cluster.tfstate';
const PYTHON = '/usr/bin/python3'; // Debian's python, the one python3-* packages serve
const MARKER = 'boomi-eks-s3-backend-integration';

type S3Backend = Record<string, unknown> & {
  bucket: string;
  key: string;
  region: string;
  encrypt?: boolean;
  use_lockfile?: boolean;
};

function readBackend(stack: string): S3Backend | undefined {
  const file = path.join(stacksDir, stack, 'cdk.tf.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  return json?.terraform?.backend?.s3;
}

function ensureSynth(): void {
  if (fs.existsSync(path.join(stacksDir, STACK, 'cdk.tf.json'))) return;
  const r = spawnSync('npm', ['run', 'synth'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', CHECKPOINT_DISABLE: '1' },
  });
  if (r.status !== 0) throw new Error(`npm run synth failed:\n${r.stdout}\n${r.stderr}`);
}

const terraform = findTerraform();

function motoPythonPath(): string {
  if (process.env.MOTO_PYTHONPATH) return process.env.MOTO_PYTHONPATH;
  const home =
    process.env.MOTO_HOME ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'boomi-eks', 'moto');
  return path.join(home, 'root', 'usr', 'lib', 'python3', 'dist-packages');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for `p` at most `ms`; the timer is cleared so it never keeps jest alive. */
async function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), ms)));
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

const structural = () => {
  let backend: S3Backend | undefined;

  beforeAll(() => {
    ensureSynth();
    backend = readBackend(STACK);
  });

  it(`${STACK} declares an encrypted S3 backend with an S3 lockfile at ${EXPECTED_KEY}`, () => {
    expect(backend).toBeDefined();
    const b = backend as S3Backend;
    expect(b.key).toBe(EXPECTED_KEY);
    expect(typeof b.bucket).toBe('string');
    expect(b.bucket.length).toBeGreaterThanOrEqual(3);
    expect(typeof b.region).toBe('string');
    expect(b.encrypt).toBe(true);
    expect(b.use_lockfile).toBe(true);
    // the lockfile replaces DynamoDB locking; nothing may point at a real endpoint
    expect(b).not.toHaveProperty('dynamodb_table');
    expect(b).not.toHaveProperty('endpoints');
    expect(b).not.toHaveProperty('endpoint');
  });

  it('every synthesized S3 backend is encrypted and locked, with its own key; env stacks use <env>/<name>.tfstate', () => {
    const stacks = fs.readdirSync(stacksDir).filter((s) => fs.existsSync(path.join(stacksDir, s, 'cdk.tf.json')));
    // environments are the prefixes of the `<env>-cluster` stacks (dev, prod, ...)
    const envs = stacks.filter((s) => s.endsWith('-cluster')).map((s) => s.slice(0, -'-cluster'.length));
    expect(envs).toContain('dev');
    const keys = new Map<string, string>();
    for (const stack of stacks) {
      const b = readBackend(stack);
      if (!b) continue; // a stack without an S3 backend (none today)
      expect({ stack, encrypt: b.encrypt, use_lockfile: b.use_lockfile }).toEqual({
        stack,
        encrypt: true,
        use_lockfile: true,
      });
      expect({ stack, key: b.key }).toEqual({ stack, key: expect.stringMatching(/^[a-z0-9-]+\/[a-z0-9.-]+\.tfstate$/) });
      const env = envs.find((e) => stack.startsWith(`${e}-`));
      if (env) {
        expect({ stack, key: b.key }).toEqual({ stack, key: `${env}/${stack.slice(env.length + 1)}.tfstate` });
      }
      expect(keys.has(b.key) ? `${stack} reuses ${keys.get(b.key)}'s key ${b.key}` : '').toBe('');
      keys.set(b.key, stack);
    }
    expect(keys.get(EXPECTED_KEY)).toBe(STACK);
  });
};

describe('synthesized S3 backend (structure)', structural);

// Missing terraform or moto: a failure with one line under CI=true, a skip
// (counted, reason printed) elsewhere; never a silent structural-only pass.
const missing: Missing[] = [];
if (!terraform) missing.push({ what: 'terraform not found', fix: 'put terraform ≥ 1.10 on PATH or set TERRAFORM_BIN' });
if (!motoImportable()) missing.push({ what: 'moto server not importable', fix: 'run bash tools/integration/scripts/install-moto.sh' });
if (requireOrSkip('integration:s3-backend', missing)) {
  describe(`terraform (${terraform}) against a local S3 emulator (moto)`, () => {
    const tfBin = terraform as string;
    let workDir = '';
    let tfDir = '';
    let moto: ChildProcess | undefined;
    let motoLog = '';
    let endpoint = '';
    let backend: S3Backend;
    let childEnv: NodeJS.ProcessEnv = {};

    // Plain HTTP to the emulator. moto answers anonymous reads of private objects
    // with 403 but does not verify signatures, so a well-formed (unsigned)
    // Authorization header for the fake credentials is enough.
    const s3 = (method: string, objectPath: string, body?: string) =>
      fetch(`${endpoint}/${objectPath}`, {
        method,
        body,
        headers: {
          authorization:
            'AWS4-HMAC-SHA256 Credential=test/20000101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0',
        },
      });

    const tf = (args: string[]): SpawnSyncReturns<string> =>
      spawnSync(tfBin, [...args, '-no-color'], { cwd: tfDir, env: childEnv, encoding: 'utf8', timeout: 120_000 });

    const explain = (r: SpawnSyncReturns<string>) =>
      `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}\n--- moto (tail)\n${motoLog.slice(-2000)}`;

    beforeAll(async () => {
      ensureSynth();
      backend = readBackend(STACK) as S3Backend;
      expect(backend).toBeDefined();

      const pythonPath = motoPythonPath();
      const probe = spawnSync(PYTHON, ['-c', 'import moto.server'], {
        env: { PATH: process.env.PATH, PYTHONPATH: pythonPath },
        encoding: 'utf8',
      });
      if (probe.status !== 0) {
        throw new Error(
          `moto is not importable by ${PYTHON} with PYTHONPATH=${pythonPath}; ` +
            `run tools/integration/scripts/install-moto.sh first.\n${probe.stderr ?? probe.error}`,
        );
      }

      workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'boomi-eks-s3-backend-'));
      tfDir = path.join(workDir, 'tf');
      fs.mkdirSync(tfDir);

      const port = await freePort();
      endpoint = `http://127.0.0.1:${port}`;
      moto = spawn(PYTHON, ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
        env: { PATH: process.env.PATH, PYTHONPATH: pythonPath, HOME: workDir, PYTHONUNBUFFERED: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const collect = (d: Buffer) => {
        motoLog = (motoLog + d.toString()).slice(-20_000);
      };
      moto.stdout?.on('data', collect);
      moto.stderr?.on('data', collect);
      await waitFor(`moto on ${endpoint}`, 30_000, async () => {
        if (moto?.exitCode !== null) throw new Error(`moto exited:\n${motoLog}`);
        return (await fetch(`${endpoint}/`)).ok;
      });

      // The bucket exists in real life (the `state` stack creates it); create it here.
      const created = await s3('PUT', backend.bucket);
      expect(created.status).toBe(200);

      // Fake credentials for the emulator only, in the children's env only. The env
      // is built from scratch so no real AWS_* variable or proxy setting leaks in.
      const cliConfig = path.join(workDir, 'terraformrc');
      fs.writeFileSync(cliConfig, '');
      childEnv = {
        PATH: process.env.PATH,
        HOME: workDir,
        TMPDIR: workDir,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_EC2_METADATA_DISABLED: 'true',
        TF_CLI_CONFIG_FILE: cliConfig,
        TF_IN_AUTOMATION: '1',
        TF_INPUT: '0',
        CHECKPOINT_DISABLE: '1',
      };

      // The synthesized backend block as it is, plus only the emulator overrides.
      // No provider and no resource: init needs no registry, apply writes state.
      const config = {
        terraform: {
          backend: {
            s3: {
              ...backend,
              endpoints: { s3: endpoint },
              use_path_style: true,
              skip_credentials_validation: true,
              skip_region_validation: true,
              skip_requesting_account_id: true,
              skip_metadata_api_check: true,
              skip_s3_checksum: true,
            },
          },
        },
        locals: { marker: MARKER },
        output: { marker: { value: '${local.marker}' } },
      };
      fs.writeFileSync(path.join(tfDir, 'main.tf.json'), JSON.stringify(config, null, 2));
    }, 90_000);

    afterAll(async () => {
      if (moto && moto.exitCode === null) {
        const exited = new Promise((r) => moto?.once('exit', r));
        moto.kill('SIGTERM');
        await within(exited, 5_000);
        if (moto.exitCode === null) moto.kill('SIGKILL');
      }
      if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
    });

    it('terraform init accepts the synthesized backend, offline and with no provider', () => {
      const r = tf(['init', '-input=false']);
      expect(r.status === 0 ? '' : explain(r)).toBe('');
      expect(r.stdout).toMatch(/Successfully configured the backend "s3"/);
      expect(fs.existsSync(path.join(tfDir, '.terraform', 'providers'))).toBe(false);
    });

    it(`terraform apply writes the state at ${EXPECTED_KEY}, server-side encrypted`, async () => {
      const r = tf(['apply', '-auto-approve', '-input=false']);
      expect(r.status === 0 ? '' : explain(r)).toBe('');

      const head = await s3('HEAD', `${backend.bucket}/${EXPECTED_KEY}`);
      expect(head.status).toBe(200);
      expect(head.headers.get('x-amz-server-side-encryption')).toBe('AES256');

      const state = JSON.parse(await (await s3('GET', `${backend.bucket}/${EXPECTED_KEY}`)).text());
      expect(state.version).toBe(4);
      expect(state.outputs?.marker?.value).toBe(MARKER);

      // Control: the emulator does not encrypt on its own, so AES256 above is
      // Terraform honouring `encrypt: true`.
      await s3('PUT', `${backend.bucket}/control-plain-object`, 'x');
      const plain = await s3('HEAD', `${backend.bucket}/control-plain-object`);
      expect(plain.status).toBe(200);
      expect(plain.headers.get('x-amz-server-side-encryption')).toBeNull();
      // the lock was released after apply
      expect((await s3('HEAD', `${backend.bucket}/${EXPECTED_KEY}.tflock`)).status).toBe(404);
    });

    it('a second Terraform is refused while the first holds the S3 lockfile', async () => {
      const lockPath = `${backend.bucket}/${EXPECTED_KEY}.tflock`;
      // `terraform console` takes the state lock and keeps it until its stdin closes.
      const holder = spawn(tfBin, ['console', '-no-color'], { cwd: tfDir, env: childEnv, stdio: 'pipe' });
      let holderOut = '';
      holder.stdout.on('data', (d) => (holderOut += d));
      holder.stderr.on('data', (d) => (holderOut += d));
      const holderExit = new Promise<number | null>((r) => holder.once('exit', (code) => r(code)));
      try {
        await waitFor(`the lockfile ${lockPath} written by terraform console`, 30_000, async () => {
          if (holder.exitCode !== null) throw new Error(`terraform console exited:\n${holderOut}`);
          return (await s3('HEAD', lockPath)).status === 200;
        });
        const lock = JSON.parse(await (await s3('GET', lockPath)).text());
        expect(typeof lock.ID).toBe('string');
        expect(lock.Path).toBe(`${backend.bucket}/${EXPECTED_KEY}`);

        const second = tf(['plan', '-input=false', '-lock-timeout=0s']);
        expect(second.status).not.toBe(0);
        expect(second.stderr).toMatch(/Error acquiring the state lock/);
        expect(second.stderr).toMatch(/StatusCode: 412|PreconditionFailed/);
        expect(second.stderr).toContain(lock.ID);
        // and the emulator saw the refused conditional write of the lockfile
        await waitFor('moto to log the refused lockfile PUT', 5_000, async () =>
          /PUT \/[^ ]*\.tflock[^ ]* HTTP\/1\.1" 412/.test(motoLog),
        );
      } finally {
        holder.stdin.end();
        await within(holderExit, 20_000);
        if (holder.exitCode === null) holder.kill('SIGKILL');
      }

      // Once the holder is gone, the lock is released and the same command goes through.
      await waitFor('the lockfile to be removed', 15_000, async () => (await s3('HEAD', lockPath)).status === 404);
      const after = tf(['plan', '-input=false', '-lock-timeout=0s']);
      expect(after.status === 0 ? '' : explain(after)).toBe('');
    });
  });
}
