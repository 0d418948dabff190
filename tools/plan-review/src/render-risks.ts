/**
 * The top of the review comment: what the change replaces and destroys, before
 * anything else, so a reviewer cannot miss it. Replacements come from the
 * force-new table (force-new.ts); a removed + added pair of one type is shown
 * as a likely rename with the fix.
 */
import { signedMoney } from './cost';
import { forceNewOf } from './force-new';
import type { Replacement, Review } from './types';

/** `code` and `formatValue` live in render-markdown.ts; passed in to avoid an import cycle. */
export interface Formatters {
  readonly code: (text: string) => string;
  readonly value: (value: unknown) => string;
}

/** ` · +$1,234/month at max scale (+$12 at min)` for a resource whose monthly cost changes, else ''. */
export function costNote(review: Review, stack: string, address: string): string {
  const d = review.cost?.resourceDeltas[`${stack}/${address}`];
  if (!d) return '';
  const atMin = Math.abs(d.min - d.max) >= 0.005 ? ` (${signedMoney(d.min)} at min)` : '';
  return ` · **${signedMoney(d.max)}/month at max scale**${atMin}`;
}

function argumentCell(r: Replacement['reasons'][number], f: Formatters): string {
  if (r.cause) return `${f.code(r.argument)} (reads ${f.code(r.cause)}, which is replaced)`;
  if (r.when) return `${f.code(r.argument)} — replaces when ${r.when}`;
  return f.code(r.argument);
}

/** Rows listed per section before the rest is counted only (the comment has a size limit; the JSON review has all). */
export const MAX_RISK_ROWS = 60;

export function renderRisks(review: Review, f: Formatters, maxRows = MAX_RISK_ROWS): string[] {
  const lines: string[] = [];
  const more = (n: number) => `_… and ${n} more: see the JSON review (\`review.json\` in the workflow's artifacts)._`;
  const sure = review.replacements.filter((r) => r.certain);
  const maybe = review.replacements.filter((r) => !r.certain);
  if (review.replacements.length > 0) {
    const n = sure.length;
    const heading = n > 0 ? `${n} resource${n === 1 ? ' is' : 's are'} destroyed and re-created` : 'resources that may be destroyed and re-created';
    lines.push(`### ⚠️ Replaces: ${heading}`, '', '| stack | resource | argument | old → new |', '|---|---|---|---|');
    const listed = [...sure, ...maybe].slice(0, maxRows);
    for (const r of listed) {
      r.reasons.forEach((reason, i) => {
        const where = r.constructPath ? ` — ${r.constructPath}` : '';
        const resource = i === 0 ? `${r.certain ? '' : 'may replace: '}${f.code(r.address)}${where}${costNote(review, r.stack, r.address)}` : '';
        lines.push(`| ${i === 0 ? f.code(r.stack) : ''} | ${resource} | ${argumentCell(reason, f)} | ${f.value(reason.before)} → ${f.value(reason.after)} |`);
      });
      const consequence = r.certain ? forceNewOf(r.type)?.consequence : undefined;
      if (consequence) lines.push(`| | ↳ ${consequence} | | |`);
    }
    if (review.replacements.length > listed.length) lines.push('', more(review.replacements.length - listed.length));
    lines.push('');
  }
  const removedStacks = review.stacksRemoved;
  if (review.destroys.length > 0 || removedStacks.length > 0) {
    const n = review.destroys.length;
    lines.push(`### 🗑️ Destroys: ${n} resource${n === 1 ? '' : 's'} removed from the code`, '');
    for (const d of review.destroys.slice(0, maxRows)) {
      const where = d.constructPath ? ` — ${d.constructPath}` : '';
      const rename = d.likelyRenamedTo ? `: **likely renamed** to ${f.code(d.likelyRenamedTo)} (same type, added in the same stack); Terraform destroys it and creates the new one — ${d.fix}` : '';
      const still = d.replacedEvenIfMoved ? ` (a move alone still replaces it: ${d.replacedEvenIfMoved.map(f.code).join(', ')} differ${d.replacedEvenIfMoved.length === 1 ? 's' : ''} too)` : '';
      lines.push(`- ${f.code(d.stack)} ${f.code(d.address)}${where}${rename}${still}`);
    }
    if (review.destroys.length > maxRows) lines.push(`- ${more(review.destroys.length - maxRows)}`);
    for (const s of removedStacks) lines.push(`- stack ${f.code(s)} removed from the code: nothing is destroyed, its resources are left running unmanaged (see below)`);
    lines.push('');
  }
  if (review.unknownTypes.length > 0) {
    lines.push(
      `> ⚠️ Not in the force-new table: ${review.unknownTypes.map(f.code).join(', ')}. Whether their changes replace them is unknown offline: add them to \`tools/plan-review/src/force-new.ts\`.`,
      '',
    );
  }
  return lines;
}
