/**
 * Real synths of this repository's app for the review tests: the shipped prod
 * environment file, edited as a user would, synthesized with `npm run synth`'s
 * script (tools/synth/synth.js) into a temporary outdir.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { normalizePaths, readSynthDir } from '../src/synth-ref';
import type { Synth } from '../src/types';

export const WORKSPACE = path.resolve(__dirname, '../../..');

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The shipped environment file `name`, loadable from a temporary folder. */
export function environmentFile(name: string): string {
  return fs
    .readFileSync(path.join(WORKSPACE, 'apps/platform/src/environments', `${name}.ts`), 'utf8')
    .replace("import type { EnvironmentInput } from '@boomi-eks/config';", '')
    .replace(' satisfies EnvironmentInput', '');
}

/** Synthesizes the app with these environment files (name → source); returns the outdir. */
export function synthApp(files: Record<string, string>): string {
  const envDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-review-envs-'));
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-review-out-'));
  made.push(envDir, outdir);
  for (const [name, source] of Object.entries(files)) fs.writeFileSync(path.join(envDir, `${name}.ts`), source);
  const r = spawnSync(process.execPath, ['tools/synth/synth.js'], {
    cwd: WORKSPACE,
    encoding: 'utf8',
    env: { ...process.env, BOOMI_ENVIRONMENTS_DIR: envDir, CDKTF_OUTDIR: outdir },
  });
  if (r.status !== 0) throw new Error(`synth failed: ${r.stderr}`);
  return outdir;
}

export function synthOf(outdir: string): Synth {
  return normalizePaths(readSynthDir(outdir), { outdir });
}

/** Replaces `text` by `by` exactly once in `source`, so a test fails loudly when the environment file changes shape. */
export function edit(source: string, text: string, by: string): string {
  const at = source.indexOf(text);
  if (at < 0 || source.indexOf(text, at + 1) >= 0) throw new Error(`edit: '${text}' is not in the file exactly once`);
  return source.slice(0, at) + by + source.slice(at + text.length);
}
