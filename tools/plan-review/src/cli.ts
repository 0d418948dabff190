/**
 * plan-review: what a change does to every stack's synthesized Terraform.
 * See HELP below, or `tools/plan-review/bin/plan-review --help`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { failedPlan, renderPlansMarkdown, skippedPlan, summarizePlan, type PlanSummary } from './plan-summary';
import { renderJson } from './render-json';
import { renderMarkdown } from './render-markdown';
import { buildReview } from './review';
import { cleanUpAll, defaultBase, isDirty, normalizePaths, PlanReviewError, readSynthDir, repoRoot, resolveCommit, synthRef, synthWorkingTree } from './synth-ref';
import type { Revision, Synth } from './types';
import { checkUpgrades } from './upgrade-guard';

export const HELP = `plan-review — review what a change does to every stack, offline (no credentials, no Terraform)

Usage:
  plan-review [--base REF] [--head REF] [--format markdown|json] [--out FILE] [--json-out FILE]
  plan-review --affected [--base REF] [--head REF] [--exclude ID,...] [--with-dependents] [--format json]
  plan-review --summarize-plan PLAN.json --stack ID [--out FILE]      (PLAN.json: terraform show -json; - for stdin)
  plan-review --plan-error MESSAGE --stack ID [--out FILE]            (a stack whose plan failed)
  plan-review --plan-skipped REASON --stack ID [--out FILE]           (a stack CI does not plan, and why)
  plan-review --plans DIR [--link URL] [--order ID,...] [--out FILE]  (summaries → Markdown)

Review options:
  --base REF          the revision before the change: a branch, tag or sha, synthesized in a temporary
                      git worktree; 'none' for an empty base (everything is new).
                      Default: the merge base of HEAD with main (or origin/main).
  --head REF          the revision after the change. Default: the working tree, uncommitted changes included.
  --base-dir DIR      use an already synthesized cdktf outdir as the base instead of synthesizing
  --head-dir DIR      the same for the head (e.g. cdktf.out after \`npm run synth\`)
  --format F          markdown (default) or json, for stdout / --out
  --out FILE          write there instead of stdout
  --json-out FILE     also write the JSON review to FILE
  --affected          print the stacks to plan or deploy (added or changed), one per line, in dependency
                      order, instead of the review (with --format json: {"affected":[...],"removed":[...]})
  --affected-out FILE also write that list to FILE
  --exclude IDS       stacks never listed by --affected (comma-separated, repeatable), e.g. state
  --with-dependents   --affected also lists every stack depending on an affected one (for deploys)
  --synth-command CMD how to synthesize a checkout (default: npm run --silent synth)
  --repo DIR          the git repository (default: the current directory's)

Exit codes: 0 nothing changed, 2 something changed, 1 error (with a message on stderr), including an EKS
cluster whose Kubernetes minor jumps more than one or goes down (the upgrade guard; the review is still written).
`;

export interface Io {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const defaultIo: Io = {
  cwd: process.cwd(),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

const EMPTY: Synth = { stacks: new Map(), manifest: { stacks: {} } };

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      base: { type: 'string' },
      head: { type: 'string' },
      'base-dir': { type: 'string' },
      'head-dir': { type: 'string' },
      format: { type: 'string', default: 'markdown' },
      out: { type: 'string' },
      'json-out': { type: 'string' },
      affected: { type: 'boolean', default: false },
      'affected-out': { type: 'string' },
      exclude: { type: 'string', multiple: true },
      'with-dependents': { type: 'boolean', default: false },
      'synth-command': { type: 'string' },
      repo: { type: 'string' },
      title: { type: 'string' },
      'summarize-plan': { type: 'string' },
      'plan-error': { type: 'string' },
      'plan-skipped': { type: 'string' },
      stack: { type: 'string' },
      plans: { type: 'string' },
      link: { type: 'string' },
      order: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
}

type Options = ReturnType<typeof parse>;

function list(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(/[,\s]+/)).filter(Boolean);
}

function write(file: string, text: string, cwd: string): void {
  const target = path.resolve(cwd, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
}

function emit(text: string, o: Options, io: Io): void {
  if (o.out) write(o.out, text, io.cwd);
  else io.stdout(text);
}

function headSha(root: string): string | undefined {
  const r = spawnSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Both sides, synthesized in parallel; every worktree is removed even if one side fails. */
async function synthesizeBoth(o: Options, io: Io): Promise<[{ synth: Synth; revision: Revision }, { synth: Synth; revision: Revision }]> {
  const needsRepo = !(o['base-dir'] || o.base === 'none') || !o['head-dir'];
  const root = needsRepo ? repoRoot(path.resolve(io.cwd, o.repo ?? '.')) : path.resolve(io.cwd, o.repo ?? '.');
  const synthOptions = { synthCommand: o['synth-command'] };
  // Refuse an unknown ref before spending seconds synthesizing the other side.
  for (const ref of [o.base, o.head]) if (ref && ref !== 'none') resolveCommit(root, ref);

  const base = async () => {
    if (o['base-dir']) {
      const dir = path.resolve(io.cwd, o['base-dir']);
      return { synth: normalizePaths(readSynthDir(dir), { outdir: dir }), revision: { label: o['base-dir'] } };
    }
    if (o.base === 'none') return { synth: EMPTY, revision: { label: 'nothing (empty base)' } };
    if (o.base) return synthRef(root, o.base, synthOptions);
    const merge = defaultBase(root);
    return synthRef(root, merge.sha, { ...synthOptions, label: merge.ref });
  };
  const head = async () => {
    if (o['head-dir']) {
      const sha = headSha(root);
      const dir = path.resolve(io.cwd, o['head-dir']);
      const synth = normalizePaths(readSynthDir(dir), { checkout: root, outdir: dir });
      return { synth, revision: { label: o['head-dir'], ...(sha ? { sha, dirty: isDirty(root) } : {}) } };
    }
    if (o.head) return synthRef(root, o.head, synthOptions);
    return synthWorkingTree(root, synthOptions);
  };
  const [b, h] = await Promise.allSettled([base(), head()]);
  if (b.status === 'rejected') throw b.reason;
  if (h.status === 'rejected') throw h.reason;
  return [b.value, h.value];
}

async function review(o: Options, io: Io): Promise<number> {
  if (o.format !== 'markdown' && o.format !== 'json') throw new PlanReviewError(`--format: '${o.format}' is not markdown or json`);
  if (o.base && o['base-dir']) throw new PlanReviewError('--base and --base-dir: give one of them');
  if (o.head && o['head-dir']) throw new PlanReviewError('--head and --head-dir: give one of them');
  const [base, head] = await synthesizeBoth(o, io);
  // Upgrade guard (upgrade-guard.ts): one line per cluster whose minor changes; a skipped minor or a downgrade fails.
  const upgrades = checkUpgrades(base.synth, head.synth);
  for (const line of upgrades.lines) io.stderr(`plan-review: ${line}\n`);
  const affectedOptions = { exclude: list(o.exclude), withDependents: o['with-dependents'] };
  const result = buildReview(base.synth, head.synth, base.revision, head.revision, affectedOptions);
  const affected = result.affected;
  const removed = [...result.stacksRemoved].reverse().filter((id) => !affectedOptions.exclude.includes(id));
  const affectedText = affected.map((id) => `${id}\n`).join('');

  if (o['json-out']) write(o['json-out'], renderJson(result), io.cwd);
  // A refused upgrade leaves nothing to deploy: no affected list; the review itself is still shown.
  if (o['affected-out'] && !upgrades.refused) write(o['affected-out'], affectedText, io.cwd);
  if (o.affected) {
    if (!upgrades.refused) emit(o.format === 'json' ? `${JSON.stringify({ affected, removed })}\n` : affectedText, o, io);
  } else emit(o.format === 'json' ? renderJson(result) : renderMarkdown(result, o.title ? { title: o.title } : {}), o, io);
  if (upgrades.refused) return 1;
  return result.changed ? 2 : 0;
}

function summarize(o: Options, io: Io): number {
  if (!o.stack) throw new PlanReviewError('--summarize-plan/--plan-error/--plan-skipped: --stack ID is required');
  let summary: PlanSummary;
  if (o['plan-error'] !== undefined) summary = failedPlan(o.stack, o['plan-error']);
  else if (o['plan-skipped'] !== undefined) summary = skippedPlan(o.stack, o['plan-skipped']);
  else {
    const file = o['summarize-plan']!;
    const text = file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(path.resolve(io.cwd, file), 'utf8');
    let plan: unknown;
    try {
      plan = JSON.parse(text);
    } catch {
      throw new PlanReviewError(`--summarize-plan: ${file} is not JSON (give it the output of \`terraform show -json <planfile>\`)`);
    }
    summary = summarizePlan(o.stack, plan as Parameters<typeof summarizePlan>[1]);
  }
  emit(`${JSON.stringify(summary, null, 2)}\n`, o, io);
  return 0;
}

function plans(o: Options, io: Io): number {
  const dir = path.resolve(io.cwd, o.plans!);
  const files: string[] = [];
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.json')) files.push(full);
    }
  };
  walk(dir);
  const summaries = files
    .map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as PlanSummary)
    .filter((s) => typeof s.stack === 'string' && typeof s.ok === 'boolean');
  emit(renderPlansMarkdown(summaries, { link: o.link, order: list(o.order) }), o, io);
  return 0;
}

/** Runs the CLI; returns the exit code (0 unchanged, 2 changed, 1 error). */
export async function run(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let o: Options;
  try {
    o = parse(argv);
  } catch (err) {
    io.stderr(`plan-review: ${(err as Error).message}\nRun with --help for the options.\n`);
    return 1;
  }
  if (o.help) {
    io.stdout(HELP);
    return 0;
  }
  try {
    if (o['summarize-plan'] !== undefined || o['plan-error'] !== undefined || o['plan-skipped'] !== undefined) return summarize(o, io);
    if (o.plans !== undefined) return plans(o, io);
    return await review(o, io);
  } catch (err) {
    const message = err instanceof PlanReviewError ? err.message : (err as Error).stack ?? String(err);
    io.stderr(`plan-review: ${message}\n`);
    return 1;
  }
}

if (require.main === module) {
  const stop = (signal: NodeJS.Signals) => {
    cleanUpAll();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
