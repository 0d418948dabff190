/**
 * The review as JSON for machines (schema version 1; `replacements`,
 * `destroys`, `unknownTypes` and `cost` were added without breaking it). Stable
 * key order; unchanged stacks are listed with their status only. Sensitive
 * values are already `(sensitive)`.
 */
import type { Review } from './types';

export const REVIEW_SCHEMA_VERSION = 1;

export function reviewToJson(review: Review): unknown {
  return {
    version: REVIEW_SCHEMA_VERSION,
    base: review.base,
    head: review.head,
    changed: review.changed,
    stacksAdded: review.stacksAdded,
    stacksRemoved: review.stacksRemoved,
    affected: review.affected,
    replacements: review.replacements,
    destroys: review.destroys,
    unknownTypes: review.unknownTypes,
    ...(review.cost ? { cost: review.cost } : {}),
    stacks: review.stacks.map((s) =>
      s.status === 'unchanged'
        ? { stack: s.stack, status: s.status }
        : {
            stack: s.stack,
            status: s.status,
            added: s.added,
            removed: s.removed,
            changed: s.changed.map((b) => ({
              ...b,
              attributes: b.attributes.map(({ segments: _segments, ...rest }) => rest),
            })),
          },
    ),
  };
}

export function renderJson(review: Review): string {
  return `${JSON.stringify(reviewToJson(review), null, 2)}\n`;
}
