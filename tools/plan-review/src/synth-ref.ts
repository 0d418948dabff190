/**
 * Synthesizes a git ref, or the working tree, into a temporary folder and
 * reads every stack back. A ref is checked out with `git worktree add --detach`
 * (the working tree is never touched), the workspace's node_modules is
 * symlinked into it, the ref's own `npm run synth` runs with CDKTF_OUTDIR set,
 * and the worktree is removed afterwards, also on failure.
 * Needs git and the installed node_modules; no credentials, no Terraform.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Manifest, Revision, StackJson, Synth } from './types';

/** A failure the CLI reports as one clear line (exit code 1). */
export class PlanReviewError extends Error {}

export interface SynthOptions {
  /** Shell command that synthesizes the app, run at the root of the checkout. @default 'npm run --silent synth' */
  readonly synthCommand?: string;
  /** The node_modules folder to use for a ref's checkout. @default '<repo root>/node_modules' */
  readonly nodeModules?: string;
}

export const DEFAULT_SYNTH_COMMAND = 'npm run --silent synth';

export function git(args: readonly string[], cwd: string): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.error) throw new PlanReviewError(`git ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) throw new PlanReviewError(`git ${args.join(' ')} failed: ${(r.stderr || r.stdout).trim()}`);
  return r.stdout.trim();
}

/** The top folder of the git repository that holds `cwd`. */
export function repoRoot(cwd: string): string {
  return git(['rev-parse', '--show-toplevel'], cwd);
}

/** The commit a ref names; a clear error when it names none. */
export function resolveCommit(root: string, ref: string): string {
  const r = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new PlanReviewError(`--base/--head: '${ref}' is not a commit of this repository (git fetch it, or pass a branch, tag or sha)`);
  return r.stdout.trim();
}

/** The merge base of HEAD with main (or origin/main): what a pull request is compared with. */
export function defaultBase(root: string): { ref: string; sha: string } {
  for (const branch of ['main', 'origin/main']) {
    const r = spawnSync('git', ['merge-base', 'HEAD', branch], { cwd: root, encoding: 'utf8' });
    if (r.status === 0) return { ref: `merge-base(HEAD, ${branch})`, sha: r.stdout.trim() };
  }
  throw new PlanReviewError('--base: no branch main or origin/main to take the merge base with: pass --base <ref>');
}

export function isDirty(root: string): boolean {
  return git(['status', '--porcelain', '--untracked-files=normal'], root) !== '';
}

/** Reads a synthesized outdir (`manifest.json` and each stack's `cdk.tf.json`). */
export function readSynthDir(outdir: string): Synth {
  const manifestFile = path.join(outdir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new PlanReviewError(`${outdir}: no manifest.json (is it a cdktf output folder? run the synth first)`);
  const raw = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { stacks?: Record<string, { dependencies?: string[]; synthesizedStackPath?: string }> };
  const stacks = new Map<string, StackJson>();
  const manifest: Manifest = { stacks: {} };
  for (const [id, entry] of Object.entries(raw.stacks ?? {})) {
    const file = path.join(outdir, entry.synthesizedStackPath ?? path.join('stacks', id, 'cdk.tf.json'));
    stacks.set(id, JSON.parse(fs.readFileSync(file, 'utf8')) as StackJson);
    (manifest.stacks as Record<string, { dependencies: string[] }>)[id] = { dependencies: [...(entry.dependencies ?? [])] };
  }
  return { stacks, manifest };
}

/**
 * Replaces the absolute folders of one synth (the checkout, the outdir) in
 * every string with `<checkout>` / `<outdir>`: cdktf writes absolute paths
 * in a few places (a LocalBackend without a path uses the working directory),
 * and the base is synthesized in another folder than the head.
 */
export function normalizePaths(synth: Synth, folders: Record<string, string>): Synth {
  const pairs = Object.entries(folders).flatMap(([name, dir]) => {
    const real = fs.existsSync(dir) ? fs.realpathSync(dir) : dir;
    return [...new Set([dir, real])].map((d) => [d, `<${name}>`] as const);
  }).sort((a, b) => b[0].length - a[0].length); // the outdir may lie inside the checkout: longest first
  const fix = (v: unknown): unknown => {
    if (typeof v === 'string') return pairs.reduce((s, [from, to]) => s.split(from).join(to), v);
    if (Array.isArray(v)) return v.map(fix);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fix(x)]));
    return v;
  };
  return { manifest: synth.manifest, stacks: new Map([...synth.stacks].map(([id, json]) => [id, fix(json) as StackJson])) };
}

/** Lines of a failed synth's output shown: its first ones, where the error is (the synth prints it first). */
export const SYNTH_ERROR_LINES = 30;

/** The first {@link SYNTH_ERROR_LINES} lines of a failed synth's output, and how many more there were. */
export function synthErrorHead(output: string): string {
  const lines = output.trim().split('\n');
  const head = lines.slice(0, SYNTH_ERROR_LINES).join('\n');
  return lines.length > SYNTH_ERROR_LINES ? `${head}\n… (${lines.length - SYNTH_ERROR_LINES} more lines)` : head;
}

/** Runs the synth command in `dir`, writing to `outdir`; rejects with the command's first output lines. */
export function runSynth(dir: string, outdir: string, command: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, {
      cwd: dir,
      shell: true,
      env: { ...process.env, CDKTF_OUTDIR: outdir, CI: 'true', CHECKPOINT_DISABLE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => reject(new PlanReviewError(`synth of ${what}: ${e.message}`)));
    child.on('close', (status) => {
      if (status === 0 && fs.existsSync(path.join(outdir, 'manifest.json'))) return resolve();
      reject(new PlanReviewError(`synth of ${what} failed (\`${command}\` exited ${status}${status === 0 ? ' without writing manifest.json' : ''}):\n${synthErrorHead(output)}`));
    });
  });
}

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `plan-review-${prefix}-`));
}

/** Synthesizes the working tree as it is (uncommitted changes included) into a temporary folder. */
export async function synthWorkingTree(root: string, options: SynthOptions = {}): Promise<{ synth: Synth; revision: Revision }> {
  const out = tempDir('head');
  try {
    await runSynth(root, out, options.synthCommand ?? DEFAULT_SYNTH_COMMAND, 'the working tree');
    const sha = spawnSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
    const synth = normalizePaths(readSynthDir(out), { checkout: root, outdir: out });
    return { synth, revision: { label: 'working tree', ...(sha ? { sha } : {}), dirty: isDirty(root) } };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** Worktrees still to remove if the process is interrupted. */
const live = new Set<() => void>();

/** Removes every worktree this process created (for SIGINT/SIGTERM handlers). */
export function cleanUpAll(): void {
  for (const clean of [...live]) clean();
}

/** Synthesizes a commit in a temporary `git worktree`, then removes it. */
export async function synthRef(root: string, ref: string, options: SynthOptions & { label?: string } = {}): Promise<{ synth: Synth; revision: Revision }> {
  const sha = resolveCommit(root, ref);
  const tmp = tempDir('base');
  const checkout = path.join(tmp, 'checkout');
  const out = path.join(tmp, 'out');
  const clean = () => {
    live.delete(clean);
    spawnSync('git', ['worktree', 'remove', '--force', checkout], { cwd: root });
    fs.rmSync(tmp, { recursive: true, force: true });
    spawnSync('git', ['worktree', 'prune'], { cwd: root });
  };
  live.add(clean);
  try {
    git(['worktree', 'add', '--detach', '--quiet', checkout, sha], root);
    const nodeModules = options.nodeModules ?? path.join(root, 'node_modules');
    if (fs.existsSync(nodeModules) && !fs.existsSync(path.join(checkout, 'node_modules'))) {
      fs.symlinkSync(fs.realpathSync(nodeModules), path.join(checkout, 'node_modules'), 'dir');
    }
    await runSynth(checkout, out, options.synthCommand ?? DEFAULT_SYNTH_COMMAND, `${ref} (${sha.slice(0, 7)})`);
    const synth = normalizePaths(readSynthDir(out), { checkout, outdir: out });
    return { synth, revision: { label: options.label ?? ref, sha } };
  } finally {
    clean();
  }
}
