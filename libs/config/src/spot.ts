/**
 * Spot and on-demand capacity (seed 004): what every SPOT node group gets at
 * config resolution, and the labels the Molecule's placement selects on.
 *
 * Applied in one place, `validateEnvironment` (environment.ts), so the
 * resolved `Environment.nodeGroups` already shows every group's effective
 * labels and taints; the eks lib's `NodeGroups` passes them through as given.
 */
import type { Taint } from './schema';

/** The node label EKS puts on every managed node: `ON_DEMAND` or `SPOT`. */
export const EKS_CAPACITY_TYPE_LABEL = 'eks.amazonaws.com/capacityType';

/** Our label on the nodes of every SPOT group (value `spot`). */
export const CAPACITY_LABEL = 'node.boomi.io/capacity';

/** Value of {@link CAPACITY_LABEL} on spot nodes. */
export const SPOT_LABEL_VALUE = 'spot';

/**
 * The taint of every SPOT group. PreferNoSchedule is soft (seed 004): the
 * scheduler puts pods on on-demand nodes first and uses spot nodes only when
 * nothing else fits, so no workload is ever stuck Pending because of it.
 */
export const SPOT_TAINT: Readonly<Taint> = { key: 'spot', value: 'true', effect: 'PREFER_NO_SCHEDULE' };

/** Kubernetes' spelling of each EKS taint effect (pods tolerate in this spelling). */
export const KUBERNETES_TAINT_EFFECT = {
  NO_SCHEDULE: 'NoSchedule',
  NO_EXECUTE: 'NoExecute',
  PREFER_NO_SCHEDULE: 'PreferNoSchedule',
} as const;

/**
 * Labels and taints of a group after the capacity-type defaults: a SPOT group
 * gets `node.boomi.io/capacity: spot` (ours wins over a group label of the same
 * key) and the `spot=true:PreferNoSchedule` taint, unless the group already
 * sets a taint with key `spot` (to make it stricter, e.g. NO_SCHEDULE).
 * ON_DEMAND groups are returned unchanged.
 */
export function capacityTypeDefaults(group: {
  readonly capacityType: 'ON_DEMAND' | 'SPOT';
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly Taint[];
}): { labels: Record<string, string>; taints: Taint[] } {
  const labels = { ...group.labels };
  const taints = group.taints.map((t) => ({ ...t }));
  if (group.capacityType !== 'SPOT') return { labels, taints };
  labels[CAPACITY_LABEL] = SPOT_LABEL_VALUE;
  if (!taints.some((t) => t.key === SPOT_TAINT.key)) taints.push({ ...SPOT_TAINT });
  return { labels, taints };
}
