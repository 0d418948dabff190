/**
 * The tests' part of the PR comment: whether the tests of the affected
 * projects passed, and when they failed, which ones (from the files
 * tools/ci/jest-results-reporter.js writes to JEST_RESULTS_DIR). plan.yml runs
 * it after the review, so the comment is posted even when tests fail.
 *
 *   tools/plan-review/bin/test-report --outcome success|failure|skipped|cancelled --results DIR [--out FILE]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

/** One jest run's summary, as the results reporter writes it. */
export interface JestSummary {
  readonly project: string;
  readonly numTotalTests: number;
  readonly numFailedTests: number;
  readonly numRuntimeErrorTestSuites?: number;
  readonly success: boolean;
  readonly failedTests?: readonly { readonly file: string; readonly test: string }[];
}

/** The summaries in a results folder (files that are not summaries are skipped). */
export function readSummaries(dir: string): JestSummary[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as JestSummary)
    .filter((s) => typeof s.project === 'string' && typeof s.numTotalTests === 'number');
}

const code = (t: string) => `\`${t.replace(/`/g, "'")}\``;

/** The Markdown for the comment; `outcome` is the GitHub step outcome of the test step. */
export function renderTestReport(outcome: string, summaries: readonly JestSummary[], maxListed = 20): string {
  const total = summaries.reduce((n, s) => n + s.numTotalTests, 0);
  if (outcome === 'success') return `✅ Tests of the affected projects passed (${total} test${total === 1 ? '' : 's'} in ${summaries.length} project${summaries.length === 1 ? '' : 's'}).\n`;
  if (outcome !== 'failure') return `⚠️ Tests of the affected projects did not run (${outcome}): see the workflow run.\n`;
  const failing = summaries.filter((s) => !s.success);
  const failedCount = failing.reduce((n, s) => n + s.numFailedTests + (s.numRuntimeErrorTestSuites ?? 0), 0);
  const lines = [
    failing.length > 0
      ? `### ❌ Tests failed: ${failedCount} in ${failing.map((s) => code(s.project)).join(', ')}`
      : '### ❌ Tests failed (no jest failure recorded: a task failed before or outside jest; see the workflow log)',
    '',
  ];
  const all = failing.flatMap((s) => (s.failedTests ?? []).map((t) => `- ${code(s.project)} ${code(t.file)}: ${t.test}`));
  lines.push(...all.slice(0, maxListed));
  if (all.length > maxListed) lines.push(`- … and ${all.length - maxListed} more in the workflow log`);
  lines.push('', 'The review below is complete; the Terraform plans run once the tests pass.', '');
  return lines.join('\n');
}

if (require.main === module) {
  const { values } = parseArgs({ options: { outcome: { type: 'string' }, results: { type: 'string' }, out: { type: 'string' } } });
  const text = renderTestReport(values.outcome ?? 'skipped', values.results ? readSummaries(values.results) : []);
  if (values.out) {
    fs.mkdirSync(path.dirname(values.out), { recursive: true });
    fs.writeFileSync(values.out, text);
  } else process.stdout.write(text);
}
