/**
 * The cost of synthesizing and testing this workspace, measured in one run on
 * one machine: medians of 7 runs for each synth and floor figure, 3 for the
 * test suite.
 * Prints a Markdown table (docs/performance.md) with the figures the goals are
 * about (synth / floor, cold `npm test` seconds) and the machine's load
 * average before and after, and writes dist/bench/results.json.
 *
 *   npm run bench            (BENCH_RUNS, BENCH_SYNTH_RUNS override the run counts;
 *                             BENCH_ONLY=synth or BENCH_ONLY=test measures one half)
 *
 * Run it on a quiet machine: other load skews every figure (the ratios less).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { HAS_GNU_TIME, measure, type Measurement } from './measure';
import { barrelVariant, floorScript, generatedEnvironments } from './variants';

const ROOT = path.resolve(__dirname, '../../..');
/** Runs of the slow measurements (the test suite). */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Runs of the sub-second ones (synth, floor): more runs, a steadier median. */
const SYNTH_RUNS = Number(process.env.BENCH_SYNTH_RUNS ?? 7);
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const CDKTF = path.join(ROOT, 'node_modules/.bin/cdktf');
const NX = path.join(ROOT, 'node_modules/.bin/nx');
/** `synth`, `test`, or both halves (unset). */
const ONLY = process.env.BENCH_ONLY;
const QUIET_ENV = { CI: 'true', CHECKPOINT_DISABLE: '1', NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', AWS_EC2_METADATA_DISABLED: 'true' };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));

/** The bundles of tools/synth/synth.js (app and environments, V8 code cache). */
const SYNTH_CACHE = path.join(ROOT, 'node_modules/.cache/boomi-eks-synth');

/** `npm run synth` without npm's own start-up: node tools/synth/synth.js (esbuild bundles, cached). */
function synth(label: string, options: { cwd?: string; envDir?: string; clearCache?: boolean; viaTsx?: boolean } = {}): Measurement {
  const cwd = options.cwd ?? ROOT;
  const outdir = path.join(tmp, `out-${label.replace(/\W+/g, '-')}`);
  const [command, args] = options.viaTsx
    ? [TSX, ['--tsconfig', path.join(cwd, 'apps/platform/tsconfig.app.json'), path.join(cwd, 'apps/platform/src/main.ts')]]
    : [process.execPath, [path.join(cwd, 'tools/synth/synth.js')]];
  return measure(label, SYNTH_RUNS, command, args, {
    cwd,
    env: { ...QUIET_ENV, CDKTF_OUTDIR: outdir, ...(options.envDir ? { BOOMI_ENVIRONMENTS_DIR: options.envDir } : {}) },
    before: () => {
      fs.rmSync(outdir, { recursive: true, force: true });
      if (options.clearCache) fs.rmSync(SYNTH_CACHE, { recursive: true, force: true });
    },
  });
}

const fmtS = (m: Measurement) => `${m.medianSeconds.toFixed(2)} s`;
const fmtMb = (m: Measurement) => (m.medianPeakRssMb === undefined ? 'n/a' : `${Math.round(m.medianPeakRssMb)} MB`);
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
/** The 1, 5 and 15 minute load averages, as uptime prints them. */
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(', ');

function main(): void {
  const rows: string[] = [];
  const goals: string[] = [];
  const results: Record<string, unknown> = {};
  const row = (what: string, m: Measurement, note = '') => {
    rows.push(`| ${what} | ${fmtS(m)} | ${fmtMb(m)} | ${note} |`);
    results[m.label] = m;
  };
  const loadBefore = load();

  if (ONLY !== 'test') {
    // 1-2. The README's synth, and the floor: only loading the modules it uses.
    synth('warm-up: fill the bundle cache');
    const ours = synth('synth: every environment (as npm run synth)');
    const noCache = synth('synth: every environment, bundle cache cleared', { clearCache: true });
    synth('warm-up again: fill the bundle cache');
    const viaTsx = synth('synth: every environment through tsx', { viaTsx: true });
    const floorFile = floorScript(ROOT, tmp);
    const floor = measure('floor: load the modules the stacks use, then exit', SYNTH_RUNS, process.execPath, [floorFile], { cwd: ROOT });
    const floorTsx = measure('floor under tsx', SYNTH_RUNS, TSX, [floorFile], { cwd: ROOT });
    row('1. cold synth of every environment (`npm run synth`: new process, bundles and code cache kept)', ours);
    row('1b. the same with the bundle cache cleared (first run after a change)', noCache);
    row('1c. the same app through `tsx apps/platform/src/main.ts`', viaTsx);
    row('2. floor: `node` loading the deep-path modules only', floor);
    row('2b. the same floor under `tsx`', floorTsx);

    // 3. The barrel baseline: the same sources with provider barrel imports, through tsx
    //    (npm run synth would bundle the whole provider package), against 1c.
    const barrelDir = barrelVariant(ROOT);
    const barrel = synth('synth: barrel imports (generated variant, through tsx)', { cwd: barrelDir, viaTsx: true });
    row('3. 1c with provider barrel imports (generated variant)', barrel);
    fs.rmSync(barrelDir, { recursive: true, force: true });

    // 4. Marginal cost of one more environment.
    const perCount: Record<number, Measurement> = {};
    for (const n of [1, 2, 4, 8]) {
      perCount[n] = synth(`synth: ${n} generated environment(s)`, { envDir: generatedEnvironments(ROOT, n) });
      row(`4. synth of ${n} generated environment${n > 1 ? 's' : ''}`, perCount[n]);
    }
    const marginalS = (perCount[8].medianSeconds - perCount[1].medianSeconds) / 7;
    const marginalMb =
      perCount[8].medianPeakRssMb !== undefined && perCount[1].medianPeakRssMb !== undefined
        ? (perCount[8].medianPeakRssMb - perCount[1].medianPeakRssMb) / 7
        : undefined;

    // 5. The cdktf CLI path.
    const cliOut = path.join(tmp, 'out-cli');
    const cli = measure('synth: npx cdktf synth', SYNTH_RUNS, CDKTF, ['synth', '--output', cliOut], {
      cwd: ROOT,
      env: QUIET_ENV,
      before: () => fs.rmSync(cliOut, { recursive: true, force: true }),
    });
    row('5. `cdktf synth` (CLI)', cli);

    goals.push(
      `| cold synth ≤ 1.5 × floor | ${(ours.medianSeconds / floor.medianSeconds).toFixed(2)} × (${fmtS(ours)} / ${fmtS(floor)}) | ${verdict(ours.medianSeconds <= 1.5 * floor.medianSeconds)} |`,
      `| each added environment ≤ 10 % of the first environment's synth | +${marginalS.toFixed(3)} s / env = ${((100 * marginalS) / perCount[1].medianSeconds).toFixed(1)} % of ${fmtS(perCount[1])}${marginalMb !== undefined ? `, +${marginalMb.toFixed(1)} MB / env` : ''} | ${verdict(marginalS <= 0.1 * perCount[1].medianSeconds)} |`,
      `| peak RSS of a synth < 300 MB | ${fmtMb(ours)} | ${verdict((ours.medianPeakRssMb ?? Infinity) < 300)} |`,
      `| barrel / deep imports (both through tsx) | ${(barrel.medianSeconds / viaTsx.medianSeconds).toFixed(2)} × time, ${barrel.medianPeakRssMb && viaTsx.medianPeakRssMb ? (barrel.medianPeakRssMb / viaTsx.medianPeakRssMb).toFixed(2) : 'n/a'} × memory | (why deep imports) |`,
      `| cdktf CLI / direct | ${(cli.medianSeconds / ours.medianSeconds).toFixed(2)} × | (use ${cli.medianSeconds < ours.medianSeconds ? 'the CLI' : '`npm run synth`, not the CLI'}) |`,
    );
  }

  if (ONLY !== 'synth') {
    // 6. Tests: cold (nx reset, no jest cache, no synth bundles), then an unchanged re-run (Nx cache).
    const cold = measure('test: cold', RUNS, NX, ['run-many', '-t', 'test', '--output-style=static'], {
      cwd: ROOT,
      env: QUIET_ENV,
      before: () => {
        spawnSync(NX, ['reset'], { cwd: ROOT, env: { ...process.env, ...QUIET_ENV }, stdio: 'ignore' });
        spawnSync('npx', ['jest', '--clearCache'], { cwd: ROOT, stdio: 'ignore' });
        fs.rmSync(SYNTH_CACHE, { recursive: true, force: true });
      },
    });
    row('6. `npm test` cold (after `nx reset`, jest cache and synth bundles cleared)', cold);
    const warm = measure('test: unchanged re-run', RUNS, NX, ['run-many', '-t', 'test', '--output-style=static'], { cwd: ROOT, env: QUIET_ENV });
    row('6b. `npm test` again, nothing changed (Nx cache)', warm);
    goals.unshift(`| cold \`npm test\` < 45 s on 2 cores | ${fmtS(cold)} (${os.cpus().length} cores) | ${verdict(cold.medianSeconds < 45)} |`);
    goals.push(`| unchanged Nx test re-run < 2 s | ${fmtS(warm)} | ${verdict(warm.medianSeconds < 2)} |`);
  }

  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
  const out = [
    `Medians of ${SYNTH_RUNS} runs (synth, floor) and ${RUNS} runs (tests); ${machine}${HAS_GNU_TIME ? '' : ' (no /usr/bin/time: peak RSS not measured)'}.`,
    `Load average (1, 5, 15 min) before: ${loadBefore}; after: ${load()}. Other load skews the seconds; the ratios less.`,
    '',
    '| what | wall time | peak RSS | |',
    '|---|---:|---:|---|',
    ...rows,
    '',
    '| goal | figure | |',
    '|---|---|---|',
    ...goals,
  ].join('\n');
  console.log(out);
  fs.mkdirSync(path.join(ROOT, 'dist/bench'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'dist/bench/results.json'), JSON.stringify({ machine, runs: RUNS, loadBefore, loadAfter: load(), results }, null, 2));
  fs.writeFileSync(path.join(ROOT, 'dist/bench/results.md'), out + '\n');
  fs.rmSync(tmp, { recursive: true, force: true });
}

main();
