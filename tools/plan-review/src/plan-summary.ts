/**
 * Terraform plans, summarized for the PR comment. Input: `terraform show -json
 * <planfile>` of one stack. Output: the addresses per action, and nothing else:
 * a plan's JSON holds sensitive values in clear, so only this summary and the
 * text plan (where Terraform masks them) leave the CI job.
 */
import { code } from './render-markdown';

export interface PlanSummary {
  readonly stack: string;
  /** False when `terraform init` or `plan` failed; `error` says which. */
  readonly ok: boolean;
  readonly error?: string;
  /** Set when the stack was deliberately not planned (no CI path to its cluster API): why. */
  readonly skipped?: string;
  readonly create: readonly string[];
  readonly update: readonly string[];
  readonly replace: readonly string[];
  readonly delete: readonly string[];
  /** Outputs whose value changes. */
  readonly outputs: readonly string[];
}

interface PlanJson {
  readonly resource_changes?: ReadonlyArray<{ address: string; change?: { actions?: readonly string[] } }>;
  readonly output_changes?: Record<string, { actions?: readonly string[] }>;
}

/** The summary of one stack's `terraform show -json` output. */
export function summarizePlan(stack: string, plan: PlanJson): PlanSummary {
  const create: string[] = [];
  const update: string[] = [];
  const replace: string[] = [];
  const del: string[] = [];
  for (const rc of plan.resource_changes ?? []) {
    const actions = [...(rc.change?.actions ?? [])].sort().join(',');
    if (actions === 'create') create.push(rc.address);
    else if (actions === 'update') update.push(rc.address);
    else if (actions === 'create,delete') replace.push(rc.address);
    else if (actions === 'delete' || actions === 'forget') del.push(rc.address);
  }
  const outputs = Object.entries(plan.output_changes ?? {})
    .filter(([, c]) => (c.actions ?? []).some((a) => a !== 'no-op'))
    .map(([name]) => name);
  const sort = (xs: string[]) => xs.sort();
  return { stack, ok: true, create: sort(create), update: sort(update), replace: sort(replace), delete: sort(del), outputs: sort(outputs) };
}

/** The summary of a stack whose plan could not be made. */
export function failedPlan(stack: string, error: string): PlanSummary {
  return { stack, ok: false, error, create: [], update: [], replace: [], delete: [], outputs: [] };
}

/** The summary of a stack that CI does not plan, and why (`ci.workloadsPlan.runner: none`). Not a failure. */
export function skippedPlan(stack: string, reason: string): PlanSummary {
  return { stack, ok: true, skipped: reason, create: [], update: [], replace: [], delete: [], outputs: [] };
}

export interface PlansMarkdownOptions {
  /** Where the full text plans are (the workflow run's page). */
  readonly link?: string;
  /** Order of the stacks (dependency order); others follow alphabetically. */
  readonly order?: readonly string[];
}

/** Text safe in one table cell: one line, no column separator. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

export function renderPlansMarkdown(summaries: readonly PlanSummary[], options: PlansMarkdownOptions = {}): string {
  const order = options.order ?? [];
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length);
  const sorted = [...summaries].sort((a, b) => rank(a.stack) - rank(b.stack) || a.stack.localeCompare(b.stack));
  const lines = ['## Terraform plans', ''];
  if (sorted.length === 0) {
    lines.push('No stack to plan: no stack changed.', '');
    return lines.join('\n');
  }
  lines.push('| stack | add | change | replace | destroy | |', '|---|---:|---:|---:|---:|---|');
  for (const s of sorted) {
    if (!s.ok) lines.push(`| ${code(s.stack)} | – | – | – | – | ❌ ${cell(s.error ?? 'plan failed')} |`);
    else if (s.skipped !== undefined) lines.push(`| ${code(s.stack)} | – | – | – | – | ⏭️ not planned: ${cell(s.skipped)} |`);
    else {
      const none = s.create.length + s.update.length + s.replace.length + s.delete.length === 0;
      const mark = s.replace.length + s.delete.length > 0 ? '⚠️ destroys' : none ? 'no changes' : '✅';
      lines.push(`| ${code(s.stack)} | ${s.create.length} | ${s.update.length} | ${s.replace.length} | ${s.delete.length} | ${mark} |`);
    }
  }
  lines.push('');
  const risky = sorted.filter((s) => s.replace.length + s.delete.length > 0);
  if (risky.length > 0) {
    lines.push('**Destroyed or replaced (check each one):**', '');
    for (const s of risky) {
      for (const a of s.replace) lines.push(`- ${code(s.stack)}: replace ${code(a)}`);
      for (const a of s.delete) lines.push(`- ${code(s.stack)}: destroy ${code(a)}`);
    }
    lines.push('');
  }
  if (options.link) lines.push(`Full plans (Terraform's text output, sensitive values hidden): the \`plan-<stack>\` artifacts of [this run](${options.link}).`, '');
  return lines.join('\n');
}
