/**
 * The review's cost section: each environment's estimated monthly cost at its
 * minimum and maximum scale before and after the change, and what is counted.
 */
import { money, signedMoney } from './cost';
import type { CostReview, EnvironmentCost } from './types';

const range = (e: EnvironmentCost | undefined) => (e ? `${money(e.min)} – ${money(e.max)}` : '—');

export function renderCost(cost: CostReview | undefined, code: (text: string) => string): string[] {
  if (!cost || cost.environments.length === 0) return [];
  const lines = [
    `### Cost per month (estimate, ${cost.currency}, price table of ${cost.asOf})`,
    '',
    '| environment | before: min – max | after: min – max | change at min | change at max |',
    '|---|---:|---:|---:|---:|',
    ...cost.environments.map((e) => `| ${code(e.environment)} | ${range(e.before)} | ${range(e.after)} | ${signedMoney(e.deltaMin)} | **${signedMoney(e.deltaMax)}** |`),
    '',
    '<details><summary>What is counted</summary>',
    '',
  ];
  for (const e of cost.environments) {
    const side = e.after ?? e.before!;
    lines.push(`${code(e.environment)} (${side.region}${e.after ? '' : ', before the change'}):`, '');
    for (const l of side.lines) lines.push(`- ${l.item}: ${l.min === l.max ? money(l.min) : `${money(l.min)} – ${money(l.max)}`}`);
    for (const u of side.unpriced) lines.push(`- not priced (no price in the table): ${u}`);
    if (side.leftOut.length > 0) lines.push(`- left out (usage-based): ${side.leftOut.join('; ')}`);
    lines.push('');
  }
  lines.push('Min: node groups at min_size, control plane in standard support. Max: node groups at max_size, extended-support pricing unless `support_type` is STANDARD. Prices: `tools/plan-review/src/pricing.ts`.', '', '</details>', '');
  return lines;
}
