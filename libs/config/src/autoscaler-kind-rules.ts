/**
 * Rules of `autoscaler.kind` (issue 20). The fields of one autoscaler are
 * refused with the other, judged on the input as written (the schema fills
 * in cluster-autoscaler's defaults either way); with Karpenter the node groups
 * only host the controller and the system add-ons, so they have a fixed size.
 */
import type { ConfigIssue } from './errors';
import type { Environment } from './environment';
import { CLUSTER_AUTOSCALER_ONLY_FIELDS } from './schema-karpenter';

/** cluster-autoscaler fields with kind 'karpenter', `autoscaler.karpenter` with kind 'cluster-autoscaler'. */
export function checkAutoscalerKindInput(input: unknown): ConfigIssue[] {
  const autoscaler = (input as { autoscaler?: unknown } | null | undefined)?.autoscaler;
  if (typeof autoscaler !== 'object' || autoscaler === null) return [];
  const a = autoscaler as Record<string, unknown>;
  const kind = a.kind ?? 'cluster-autoscaler';
  if (kind === 'karpenter') {
    return CLUSTER_AUTOSCALER_ONLY_FIELDS.filter((f) => Object.hasOwn(a, f)).map((f) => ({
      path: `autoscaler.${f}`,
      value: a[f],
      message: "is a cluster-autoscaler field but autoscaler.kind is 'karpenter'",
      fix:
        `remove autoscaler.${f} ` +
        `(Karpenter's settings are under autoscaler.karpenter) or set autoscaler.kind to 'cluster-autoscaler'`,
    }));
  }
  if (kind === 'cluster-autoscaler' && Object.hasOwn(a, 'karpenter')) {
    return [
      {
        path: 'autoscaler.karpenter',
        value: a.karpenter,
        message: `is set but autoscaler.kind is 'cluster-autoscaler'${Object.hasOwn(a, 'kind') ? '' : ' (the default)'}`,
        fix: "set autoscaler.kind to 'karpenter' or remove autoscaler.karpenter",
      },
    ];
  }
  return [];
}

/**
 * With Karpenter the managed node groups are the system nodes (the controller
 * must not run on capacity it manages): ON_DEMAND and of fixed size, so
 * nothing else resizes them.
 */
export function checkKarpenterNodeGroups(env: Environment): ConfigIssue[] {
  // With the autoscaler off, nothing scales any group: the node groups' own bounds apply as they are.
  if (!env.autoscaler.enabled || env.autoscaler.kind !== 'karpenter') return [];
  const out: ConfigIssue[] = [];
  const reported = new Set<string>();
  for (const g of env.nodeGroups) {
    const at = g.configPath;
    if (reported.has(at)) continue;
    reported.add(at);
    if (g.capacityType !== 'ON_DEMAND') {
      out.push({
        path: `${at}.capacityType`,
        value: g.capacityType,
        message: "with autoscaler.kind 'karpenter'",
        fix: `the node groups host the Karpenter controller and the system add-ons and must be ON_DEMAND; spot capacity comes from Karpenter's general NodePool`,
      });
    }
    if (g.minSize !== g.maxSize || g.desiredSize !== g.maxSize) {
      out.push({
        path: `${at}.maxSize`,
        value: g.maxSize,
        message: `differs from minSize (${g.minSize}) or desiredSize (${g.desiredSize}) with autoscaler.kind 'karpenter'`,
        fix: `nothing scales the system node groups then; set minSize, maxSize and desiredSize to one count, e.g. 1 per AZ (docs/karpenter.md)`,
      });
    }
  }
  return out;
}

/** Tag keys Karpenter sets on what it launches: its EC2NodeClass refuses them in `spec.tags` (CRD rules, v1.14.1). */
const KARPENTER_OWNED_TAG = (key: string) =>
  key === 'eks:eks-cluster-name' ||
  key.startsWith('kubernetes.io/cluster') ||
  ['karpenter.sh/nodepool', 'karpenter.sh/nodeclaim', 'karpenter.k8s.aws/ec2nodeclass'].includes(key);

/** With Karpenter, the environment's tags go on its EC2NodeClass: no key Karpenter owns. */
export function checkKarpenterTags(env: Environment): ConfigIssue[] {
  if (!env.autoscaler.enabled || env.autoscaler.kind !== 'karpenter') return [];
  return Object.keys(env.tags)
    .filter(KARPENTER_OWNED_TAG)
    .map((key) => ({
      path: `tags.${key}`,
      value: env.tags[key],
      message: "is a tag Karpenter sets on the instances it launches, and autoscaler.kind is 'karpenter' (its EC2NodeClass refuses it)",
      fix: 'remove the tag',
    }));
}
