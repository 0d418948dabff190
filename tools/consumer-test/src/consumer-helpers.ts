/**
 * What both consumer specs (all libs together, each lib alone) need: running a
 * command in a temp project, timing steps, and reading a lib README's example.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const root = path.resolve(__dirname, '../../..');
export const LIBS = ['primitives', 'config', 'network', 'eks', 'efs', 'molecule', 'autoscaling', 'cluster-addons', 'testing'] as const;
export const rootPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
export const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** A step timer: `time(name, fn)` runs fn and records its seconds in `timings`. */
export function stopwatch(): { time: <T>(name: string, fn: () => T) => T; timings: [string, number][] } {
  const timings: [string, number][] = [];
  const time = <T>(name: string, fn: () => T): T => {
    const started = Date.now();
    try {
      return fn();
    } finally {
      timings.push([name, (Date.now() - started) / 1000]);
    }
  };
  return { time, timings };
}

export function run(command: string, args: string[], options: SpawnSyncOptions & { cwd: string }): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} (in ${options.cwd}) exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  }
  return String(result.stdout);
}

/** The first ```ts block of a README: each lib's minimal example. */
export function readmeExample(lib: string): string {
  const readme = fs.readFileSync(path.join(root, 'libs', lib, 'README.md'), 'utf8');
  const match = /```ts\n([\s\S]*?)```/.exec(readme);
  if (!match) throw new Error(`libs/${lib}/README.md has no \`\`\`ts example`);
  return match[1];
}
