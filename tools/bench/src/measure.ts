/** Runs a command several times and reports the median wall time and peak RSS. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

export interface Sample {
  readonly seconds: number;
  readonly peakRssMb?: number;
}

export interface Measurement {
  readonly label: string;
  readonly runs: number;
  readonly medianSeconds: number;
  readonly medianPeakRssMb?: number;
}

const GNU_TIME = '/usr/bin/time';
export const HAS_GNU_TIME = fs.existsSync(GNU_TIME);

/** One run of `command args…`; throws with its output when it fails. */
export function runOnce(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; okCodes?: number[] }): Sample {
  const env = { ...process.env, ...options.env };
  const started = process.hrtime.bigint();
  const result = HAS_GNU_TIME
    ? spawnSync(GNU_TIME, ['-f', '__BENCH__ %M', command, ...args], { cwd: options.cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(command, [...args], { cwd: options.cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const ok = options.okCodes ?? [0];
  if (result.status === null || !ok.includes(result.status)) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  }
  const m = /__BENCH__ (\d+)/.exec(result.stderr ?? '');
  return { seconds, peakRssMb: m ? Number(m[1]) / 1024 : undefined };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `runs` runs of a command (after `before` each time), summarized as medians. */
export function measure(
  label: string,
  runs: number,
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; before?: () => void; okCodes?: number[] },
): Measurement {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    options.before?.();
    samples.push(runOnce(command, args, options));
  }
  const rss = samples.map((s) => s.peakRssMb).filter((v): v is number => v !== undefined);
  return {
    label,
    runs,
    medianSeconds: median(samples.map((s) => s.seconds)),
    medianPeakRssMb: rss.length === samples.length ? median(rss) : undefined,
  };
}
