/**
 * The review as Markdown for a pull-request comment: a summary table, the
 * stacks to plan, then per stack the blocks added, removed and changed, each
 * change as `path`: old → new. Values are shortened; secrets are already
 * masked by the diff.
 */
import { renderCost } from './render-cost';
import { costNote, renderRisks } from './render-risks';
import type { AttributeChange, BlockRef, Review, Revision, StackDiff } from './types';
import { SENSITIVE } from './types';

export interface MarkdownOptions {
  /** Longest value shown before it is cut with `…`. @default 120 */
  readonly maxValueLength?: number;
  /**
   * Longest document: GitHub refuses comments over 65,536 characters. Stacks
   * that do not fit are listed by name only. @default 60000
   */
  readonly maxLength?: number;
  /** Heading of the comment. @default 'Plan review' */
  readonly title?: string;
}

/** Inline code that survives backticks in the value. */
export function code(text: string): string {
  const ticks = (text.match(/`+/g) ?? []).reduce((n, run) => Math.max(n, run.length), 0);
  const fence = '`'.repeat(ticks + 1);
  const pad = ticks > 0 || text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A value as one short line: strings quoted, objects as compact JSON, `(none)` for absent. */
export function formatValue(value: unknown, max = 120): string {
  if (value === undefined) return '(none)';
  if (value === SENSITIVE) return SENSITIVE;
  const text = JSON.stringify(value) ?? String(value);
  return code(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}

export function describeRevision(r: Revision): string {
  const sha = r.sha ? ` (${code(r.sha.slice(0, 7))}${r.dirty ? ' + uncommitted changes' : ''})` : '';
  return `${code(r.label)}${sha}`;
}

/** `- \`aws_vpc.network_vpc_4E8F0223\` — network/vpc` (the construct path when it says more than the address). */
function blockLine(b: BlockRef): string {
  const name = b.address.split('.').pop();
  const where = b.constructPath && b.constructPath !== name ? ` — ${b.constructPath}` : '';
  return `- ${code(b.address)}${where}`;
}

function attributeLine(c: AttributeChange, max: number): string {
  const lock = c.sensitive ? ' 🔒' : '';
  if (c.action === 'added') return `  - ${code(c.path)}: added ${formatValue(c.after, max)}${lock}`;
  if (c.action === 'removed') return `  - ${code(c.path)}: removed (was ${formatValue(c.before, max)})${lock}`;
  return `  - ${code(c.path)}: ${formatValue(c.before, max)} → ${formatValue(c.after, max)}${lock}`;
}

function counts(s: StackDiff): string {
  return `${s.added.length} added, ${s.removed.length} removed, ${s.changed.length} changed`;
}

function stackSection(s: StackDiff, max: number, review: Review): string {
  const lines: string[] = [];
  const note = s.status === 'added' ? ' (new stack)' : s.status === 'removed' ? ' (stack removed)' : '';
  lines.push(`### ${code(s.stack)}${note} — ${counts(s)}`, '');
  if (s.status === 'removed') {
    lines.push(
      `> ⚠️ Removing a stack from the code does not destroy what it created: run \`cdktf destroy ${s.stack}\` from the base revision before merging, or its resources are left unmanaged.`,
      '',
    );
  }
  const list = (heading: string, blocks: readonly BlockRef[]) => {
    if (blocks.length === 0) return;
    // A whole new or removed stack can be long: fold its list.
    const fold = s.status !== 'changed' && blocks.length > 5;
    if (fold) lines.push(`<details><summary>${heading} (${blocks.length})</summary>`, '');
    else lines.push(`**${heading}**`, '');
    lines.push(...blocks.map(blockLine), '');
    if (fold) lines.push('</details>', '');
  };
  list('Added', s.added);
  list('Removed', s.removed);
  if (s.changed.length > 0) {
    lines.push('**Changed**', '');
    const replaced = new Set(review.replacements.filter((r) => r.stack === s.stack && r.certain).map((r) => r.address));
    for (const b of s.changed) {
      const mark = replaced.has(b.address) ? ' — **replaced** (see Replaces)' : '';
      lines.push(`${blockLine(b)}${mark}${costNote(review, s.stack, b.address)}`, ...b.attributes.map((c) => attributeLine(c, max)));
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function renderMarkdown(review: Review, options: MarkdownOptions = {}): string {
  const max = options.maxValueLength ?? 120;
  const maxLength = options.maxLength ?? 60000;
  const title = options.title ?? 'Plan review';
  const range = `${describeRevision(review.base)} → ${describeRevision(review.head)}`;
  if (!review.changed) {
    return [`## ${title}: no changes`, '', `${range}: every stack synthesizes to the same Terraform configuration.`, ''].join('\n');
  }
  const touched = review.stacks.filter((s) => s.status !== 'unchanged');
  const changedStacks = touched.filter((s) => s.status === 'changed').length;
  const total = (f: (s: StackDiff) => number) => touched.reduce((n, s) => n + f(s), 0);
  // "4 stacks changed", "1 stack added", "1 stack changed, 1 added, 1 removed": only what happened.
  const parts = (
    [
      [changedStacks, 'changed'],
      [review.stacksAdded.length, 'added'],
      [review.stacksRemoved.length, 'removed'],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, what], i) => (i === 0 ? `${n} stack${n === 1 ? '' : 's'} ${what}` : `${n} ${what}`));
  const head: string[] = [
    `## ${title}: ${parts.join(', ')}`,
    '',
    ...renderRisks(review, { code, value: (v) => formatValue(v, max) }),
    `${range} · blocks ${total((s) => s.added.length)} added, ${total((s) => s.removed.length)} removed, ${total((s) => s.changed.length)} changed (resources, data sources, outputs, providers, terraform settings)`,
    '',
    '| stack | added | removed | changed |',
    '|---|---:|---:|---:|',
    ...touched.map((s) => `| ${code(s.stack)}${s.status === 'added' ? ' (new)' : s.status === 'removed' ? ' (removed)' : ''} | ${s.added.length} | ${s.removed.length} | ${s.changed.length} |`),
    '',
  ];
  if (review.affected.length > 0) head.push(`Stacks to plan, in dependency order: ${review.affected.map(code).join(' → ')}`, '');
  head.push(...renderCost(review.cost, code));
  head.push(
    '<sub>From the synthesized Terraform configuration of both revisions, without credentials: what the code asks for. Replacements follow the providers\' force-new arguments (`tools/plan-review/src/force-new.ts`); `terraform plan` has the last word.</sub>',
    '',
  );

  let out = head.join('\n');
  const left: string[] = [];
  for (const s of touched) {
    const section = `\n${stackSection(s, max, review)}`;
    if (left.length === 0 && out.length + section.length <= maxLength - 300) out += section;
    else left.push(s.stack);
  }
  if (left.length > 0) out += `\n_Too long for one comment; not shown: ${left.map(code).join(', ')}. The full review is in the workflow's artifacts._\n`;
  return out;
}
