/**
 * What the integration checks need on the machine (terraform, the provider
 * mirror, moto) and what happens when one is missing: under `CI=true` a
 * failure with one clear line; elsewhere a skip with the reason printed, which
 * jest counts as skipped (and `.ci/run`'s closing line shows).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const inCi = (): boolean => /^(1|true)$/i.test(process.env.CI ?? '');

export function findOnPath(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, cmd);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/** The Terraform binary: `TERRAFORM_BIN`, else `terraform` on PATH. */
export function findTerraform(): string | undefined {
  return process.env.TERRAFORM_BIN || findOnPath('terraform');
}

/** A provider filesystem mirror holding hashicorp/aws. */
export interface ProviderMirror {
  /** The folder holding `registry.terraform.io/`. */
  readonly dir: string;
  /** The hashicorp/aws version it holds (the newest, if several). */
  readonly awsVersion: string;
}

/** Folders searched for a mirror, in order; `TF_PROVIDER_MIRROR` names one directly. */
function mirrorRoots(): string[] {
  const home = os.homedir();
  return [
    ...(process.env.TF_PROVIDER_MIRROR ? [process.env.TF_PROVIDER_MIRROR] : []),
    '/opt',
    '/usr/local/share',
    '/usr/share',
    path.join(home, '.terraform.d'),
    path.join(home, '.local/share'),
  ].filter((d) => fs.existsSync(d));
}

/**
 * Finds `terraform-provider-aws_v<version>_x5` under the usual roots (an
 * unpacked mirror: `<mirror>/registry.terraform.io/hashicorp/aws/<v>/<os_arch>/`).
 * Located at run time; no machine path is written anywhere.
 */
export function findProviderMirror(): ProviderMirror | undefined {
  for (const root of mirrorRoots()) {
    const r = spawnSync('find', [root, '-maxdepth', '8', '-type', 'f', '-name', 'terraform-provider-aws_v*_x5', '-path', '*/registry.terraform.io/hashicorp/aws/*'], {
      encoding: 'utf8',
    });
    const hits = (r.stdout ?? '').split('\n').filter(Boolean);
    const parsed = hits
      .map((f) => /^(.*)\/registry\.terraform\.io\/hashicorp\/aws\/([0-9.]+)\/[a-z0-9_]+\/terraform-provider-aws_v\2_x5$/.exec(f))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ dir: m[1], awsVersion: m[2] }))
      .sort((a, b) => b.awsVersion.localeCompare(a.awsVersion, undefined, { numeric: true }));
    if (parsed[0]) return parsed[0];
  }
  return undefined;
}

/** Where install-moto.sh unpacks moto (the PYTHONPATH for /usr/bin/python3). */
export function motoPythonPath(): string {
  if (process.env.MOTO_PYTHONPATH) return process.env.MOTO_PYTHONPATH;
  const home = process.env.MOTO_HOME ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'boomi-eks', 'moto');
  return path.join(home, 'root', 'usr', 'lib', 'python3', 'dist-packages');
}

export const PYTHON = '/usr/bin/python3'; // Debian's python, the one python3-* packages serve

/** `true` when moto's server imports with boto3 (what the checks use). */
export function motoImportable(): boolean {
  const r = spawnSync(PYTHON, ['-c', 'import moto.server, flask_cors, boto3'], { env: { PYTHONPATH: motoPythonPath(), PATH: '/usr/bin:/bin' } });
  return r.status === 0;
}

/** A requirement that is not met: what is missing and how to get it. */
export interface Missing {
  readonly what: string;
  readonly fix: string;
}

/** One line naming every missing requirement and its fix. */
export function missingLine(check: string, missing: readonly Missing[]): string {
  return `${check}: ${missing.map((m) => `${m.what} (${m.fix})`).join('; ')}`;
}

/**
 * Registers the outcome of missing requirements in a jest file: under CI one
 * failing test whose message is the line; elsewhere one skipped test named
 * after it, and the line printed. Returns `true` when the checks can run.
 */
export function requireOrSkip(check: string, missing: readonly Missing[]): boolean {
  if (missing.length === 0) return true;
  const line = missingLine(check, missing);
  if (inCi()) {
    it(`requirements: ${check}`, () => {
      throw new Error(`required under CI=true: ${line}`);
    });
  } else {
    process.stderr.write(`SKIPPED ${line}\n`);
    it.skip(`skipped, requirement missing: ${line}`, () => undefined);
  }
  return false;
}
