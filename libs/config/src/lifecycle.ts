/**
 * When each Kubernetes minor is supported on Amazon EKS: release, end of
 * standard support (14 months after release), end of extended support (12
 * months more, at an extra cost per cluster-hour). Dates are UTC days; EKS
 * bills extended support from the start of the end-of-standard day.
 *
 * Every function here takes the date it judges against (`today`): none reads
 * the clock, so the rules are testable and a synth can be replayed for a
 * given day (`BOOMI_TODAY`, see apps/platform/src/main.ts).
 *
 * Sources, per row:
 * - 1.32, 1.33, 1.34: the "Amazon EKS Kubernetes release calendar" table of
 *   https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
 *   (awsdocs/amazon-eks-user-guide `latest/ug/versioning/kubernetes-versions.adoc`).
 * - 1.35: the same calendar as mirrored by https://endoflife.date/amazon-eks
 *   (released 2026-01-28, end of standard 2027-03-27, end of extended 2028-03-27).
 * - 1.36: EKS release 2026-06-02, standard support through 2027-08-02 and
 *   extended through 2028-08-02 (14 + 12 months; the AWS calendar row was not
 *   in the stored AWS pages — confirm with `aws eks describe-cluster-versions`).
 *
 * Minors whose extended support ended before this table was last edited
 * (1.31: 2026-11-26) are left out: EKS no longer creates clusters on them.
 */
export interface KubernetesLifecycle {
  /** The day the minor became available on EKS (YYYY-MM-DD, UTC). */
  readonly release: string;
  /** Last day before extended support starts (YYYY-MM-DD, UTC): extended billing starts on this day. */
  readonly endOfStandardSupport: string;
  /** The day EKS stops supporting the minor and upgrades control planes on its own (YYYY-MM-DD, UTC). */
  readonly endOfExtendedSupport: string;
}

export const KUBERNETES_LIFECYCLE: Readonly<Record<string, KubernetesLifecycle>> = {
  '1.32': { release: '2025-01-23', endOfStandardSupport: '2026-03-23', endOfExtendedSupport: '2027-03-23' },
  '1.33': { release: '2025-05-29', endOfStandardSupport: '2026-07-29', endOfExtendedSupport: '2027-07-29' },
  '1.34': { release: '2025-10-02', endOfStandardSupport: '2026-12-02', endOfExtendedSupport: '2027-12-02' },
  '1.35': { release: '2026-01-28', endOfStandardSupport: '2027-03-27', endOfExtendedSupport: '2028-03-27' },
  '1.36': { release: '2026-06-02', endOfStandardSupport: '2027-08-02', endOfExtendedSupport: '2028-08-02' },
};

/** How close to the end of standard support a minor is warned about. */
export const STANDARD_SUPPORT_WARNING_DAYS = 90;

/** Where a minor stands on a given day. */
export type SupportStatus =
  | { readonly phase: 'unknown' }
  | { readonly phase: 'unreleased'; readonly lifecycle: KubernetesLifecycle }
  | { readonly phase: 'standard'; readonly daysLeft: number; readonly lifecycle: KubernetesLifecycle }
  | { readonly phase: 'extended'; readonly daysLeft: number; readonly lifecycle: KubernetesLifecycle }
  | { readonly phase: 'ended'; readonly lifecycle: KubernetesLifecycle };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC of a YYYY-MM-DD day. */
function utcDay(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** Whole days from `today` (its UTC day) to `day`; 0 on the day itself, negative after. */
export function daysUntil(day: string, today: Date): number {
  const t = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((utcDay(day) - t) / DAY_MS);
}

/** The support phase of `minor` on `today` (a pure function of its arguments). */
export function supportStatus(minor: string, today: Date): SupportStatus {
  const lifecycle = KUBERNETES_LIFECYCLE[minor];
  if (!lifecycle) return { phase: 'unknown' };
  if (daysUntil(lifecycle.release, today) > 0) return { phase: 'unreleased', lifecycle };
  const toStandardEnd = daysUntil(lifecycle.endOfStandardSupport, today);
  if (toStandardEnd > 0) return { phase: 'standard', daysLeft: toStandardEnd, lifecycle };
  const toExtendedEnd = daysUntil(lifecycle.endOfExtendedSupport, today);
  if (toExtendedEnd > 0) return { phase: 'extended', daysLeft: toExtendedEnd, lifecycle };
  return { phase: 'ended', lifecycle };
}

/**
 * The newest minor with the longest standard support on `today`: the one to
 * create clusters on and to upgrade towards.
 */
export function recommendedMinor(today: Date): string | undefined {
  return Object.keys(KUBERNETES_LIFECYCLE)
    .filter((m) => supportStatus(m, today).phase === 'standard')
    .sort((a, b) => KUBERNETES_LIFECYCLE[b].endOfStandardSupport.localeCompare(KUBERNETES_LIFECYCLE[a].endOfStandardSupport))[0];
}

/** The next minor after `minor` (`1.33` → `1.34`). */
export function nextMinor(minor: string): string {
  const [major, m] = minor.split('.').map(Number);
  return `${major}.${m + 1}`;
}

/**
 * The synth-time warning for one environment, or undefined when its minor is
 * more than {@link STANDARD_SUPPORT_WARNING_DAYS} days from the end of
 * standard support. One line: the date, the cost, and what EKS does next
 * under the cluster's support type.
 */
export function lifecycleWarning(
  env: { readonly name: string; readonly cluster: { readonly kubernetesVersion: string; readonly supportType: 'STANDARD' | 'EXTENDED' } },
  today: Date,
): string | undefined {
  const minor = env.cluster.kubernetesVersion;
  const status = supportStatus(minor, today);
  if (status.phase === 'unknown' || status.phase === 'unreleased' || status.phase === 'ended') return undefined; // validation refuses these
  if (status.phase === 'standard' && status.daysLeft > STANDARD_SUPPORT_WARNING_DAYS) return undefined;
  const date = status.lifecycle.endOfStandardSupport;
  const next = nextMinor(minor);
  const when =
    status.phase === 'standard'
      ? `leaves EKS standard support on ${date} (in ${status.daysLeft} day${status.daysLeft === 1 ? '' : 's'})`
      : `left EKS standard support on ${date}`;
  const then =
    env.cluster.supportType === 'EXTENDED'
      ? `extended support costs more per cluster-hour (until ${status.lifecycle.endOfExtendedSupport})`
      : status.phase === 'standard'
        ? `with supportType STANDARD, EKS then upgrades the control plane to ${next} on its own; EXTENDED instead keeps ${minor} at a higher cost per cluster-hour`
        : `with supportType STANDARD, EKS upgrades the control plane to ${next} on its own (extended support would cost more per cluster-hour)`;
  return `warning: ${env.name}: cluster.kubernetesVersion ${minor} ${when}: ${then}; upgrade one minor at a time to ${next} (docs/upgrades.md)`;
}
