/**
 * The emulator: Debian's moto server (installed by scripts/install-moto.sh)
 * on a free 127.0.0.1 port, with AWS managed IAM policies loaded (ci-access
 * attaches ReadOnlyAccess and AdministratorAccess), and its inventory.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as net from 'node:net';
import * as path from 'node:path';
import { motoPythonPath, PYTHON } from '../lib/requirements';

export function freePort(): Promise<number> {
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

export interface Moto {
  readonly url: string;
  /** The self-signed certificate moto serves (give it to Terraform as SSL_CERT_FILE). */
  readonly caFile: string;
  readonly log: () => string;
  stop(): Promise<void>;
}

const pythonEnv = (caFile?: string) => ({ PYTHONPATH: motoPythonPath(), PATH: '/usr/bin:/bin', NO_PROXY: '127.0.0.1', ...(caFile ? { AWS_CA_BUNDLE: caFile } : {}) });

/** GET over TLS trusting only `ca`; resolves to the status and body. */
export function httpsGet(url: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca: fs.readFileSync(ca) }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/**
 * Starts moto over HTTPS with a certificate made for this run: the state
 * bucket's policy denies every request without TLS (aws:SecureTransport), and
 * moto enforces bucket policies, so plain HTTP would be refused, as on AWS.
 */
export async function startMoto(workDir: string): Promise<Moto> {
  const port = await freePort();
  const url = `https://127.0.0.1:${port}`;
  const caFile = path.join(workDir, 'moto-cert.pem');
  const keyFile = path.join(workDir, 'moto-key.pem');
  const cert = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', caFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], {
    encoding: 'utf8',
  });
  if (cert.status !== 0) throw new Error(`openssl could not make moto's certificate:\n${cert.stderr}`);
  const child: ChildProcess = spawn(PYTHON, ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port), '-c', caFile, '-k', keyFile], {
    env: { ...pythonEnv(), MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log = (log + d).slice(-20_000)));
  child.stderr?.on('data', (d) => (log = (log + d).slice(-20_000)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto exited with ${child.exitCode}:\n${log}`);
    const ok = await httpsGet(`${url}/moto-api/`, caFile).then((r) => r.status === 200).catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`moto did not answer on ${url} within 60 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    caFile,
    log: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** What the emulator holds, by kind (ids), from inventory.py. */
export type Inventory = Record<string, string[]>;

export function inventory(url: string, caFile: string): Inventory {
  const r = spawnSync(PYTHON, [path.join(__dirname, 'inventory.py'), url], { env: pythonEnv(caFile), encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`inventory.py failed:\n${r.stderr}`);
  return JSON.parse(r.stdout) as Inventory;
}

/** Kinds with ids that `after` holds and `before` did not. */
export function leftovers(before: Inventory, after: Inventory): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [kind, ids] of Object.entries(after)) {
    const extra = ids.filter((id) => !(before[kind] ?? []).includes(id));
    if (extra.length > 0) out[kind] = extra;
  }
  return out;
}

/** Removes every object version from a bucket; returns how many. */
export function emptyBucket(url: string, caFile: string, bucket: string): number {
  const r = spawnSync(PYTHON, [path.join(__dirname, 'empty-bucket.py'), url, bucket], { env: pythonEnv(caFile), encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`empty-bucket.py failed:\n${r.stderr}`);
  return Number(r.stdout.trim());
}
