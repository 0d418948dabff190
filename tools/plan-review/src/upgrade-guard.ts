/**
 * The upgrade guard: EKS upgrades a control plane one Kubernetes minor at a
 * time and never downgrades it. For every EKS cluster on both sides of a
 * review (same stack, same cluster name), the base and head minors are
 * compared: one minor up is an upgrade step (reported, with the apply order),
 * more than one up or any step down is refused with the steps to take instead.
 */
import type { StackJson, Synth } from './types';

/** One EKS cluster's minor on one side of the review. */
interface ClusterMinor {
  readonly stack: string;
  readonly name: string;
  readonly minor: string;
}

/** What the guard found: lines to print, and whether the review must fail. */
export interface UpgradeCheck {
  /** One line per cluster whose minor changes, in stack order. */
  readonly lines: readonly string[];
  /** True when a minor jumps more than one or goes down: plan-review exits 1. */
  readonly refused: boolean;
}

/** The order an apply follows on an upgrade (the cluster stack's dependencies). */
export const UPGRADE_APPLY_ORDER =
  'control plane → add-ons nodes need (vpc-cni, kube-proxy, eks-pod-identity-agent) → node groups (same minor) → the rest (coredns, EFS CSI, workloads)';

function clusters(stacks: ReadonlyMap<string, StackJson>): ClusterMinor[] {
  const out: ClusterMinor[] = [];
  for (const [stack, json] of stacks) {
    const resources = (json.resource as Record<string, Record<string, Record<string, unknown>>> | undefined)?.aws_eks_cluster ?? {};
    for (const [address, body] of Object.entries(resources)) {
      if (typeof body.version !== 'string') continue;
      out.push({ stack, name: typeof body.name === 'string' ? body.name : address, minor: body.version });
    }
  }
  return out;
}

const parse = (minor: string): [number, number] | undefined => {
  const m = /^(\d+)\.(\d+)$/.exec(minor);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
};

/** `1.33` → `1.35`: ['1.33 → 1.34', '1.34 → 1.35']. */
export function upgradeSteps(from: string, to: string): string[] {
  const a = parse(from);
  const b = parse(to);
  if (!a || !b || a[0] !== b[0] || b[1] <= a[1]) return [];
  return Array.from({ length: b[1] - a[1] }, (_, i) => `${a[0]}.${a[1] + i} → ${a[0]}.${a[1] + i + 1}`);
}

/** Compares every cluster's minor between the base and the head synth. */
export function checkUpgrades(base: Synth, head: Synth): UpgradeCheck {
  const before = new Map(clusters(base.stacks).map((c) => [`${c.stack}\n${c.name}`, c.minor]));
  const lines: string[] = [];
  let refused = false;
  for (const c of clusters(head.stacks)) {
    const from = before.get(`${c.stack}\n${c.name}`);
    if (from === undefined || from === c.minor) continue;
    const where = `${c.stack}: EKS cluster ${c.name}: Kubernetes ${from} → ${c.minor}`;
    const a = parse(from);
    const b = parse(c.minor);
    if (!a || !b || a[0] !== b[0]) {
      refused = true;
      lines.push(`${where} cannot be checked (not two minors of one major): change cluster.kubernetesVersion one minor at a time`);
    } else if (b[1] < a[1]) {
      refused = true;
      lines.push(
        `${where} is a downgrade, which EKS refuses: keep cluster.kubernetesVersion at ${from} (rolling an upgrade back is an EKS action outside Terraform, see docs/upgrades.md)`,
      );
    } else if (b[1] - a[1] > 1) {
      refused = true;
      const steps = upgradeSteps(from, c.minor);
      lines.push(
        `${where} skips ${steps.length - 1} minor${steps.length > 2 ? 's' : ''}; EKS upgrades one minor at a time: ` +
          `upgrade in ${steps.length} steps, ${steps.map((s, i) => `${i + 1}) ${s}`).join(', ')}, each its own merge, review and apply (docs/upgrades.md)`,
      );
    } else {
      lines.push(`upgrade: ${where} (one minor): the apply goes ${UPGRADE_APPLY_ORDER}`);
    }
  }
  return { lines, refused };
}
