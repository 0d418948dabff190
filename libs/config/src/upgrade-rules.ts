/**
 * Rules for Kubernetes versions and the nodes that follow them (issue 15),
 * kept apart from rules.ts: the lifecycle rule needs the date, which is
 * passed in (validateEnvironment's `today`), never read from the clock here.
 */
import type { ConfigIssue } from './errors';
import type { Environment } from './environment-types';
import { KUBERNETES_LIFECYCLE, nextMinor, recommendedMinor, supportStatus } from './lifecycle';
import { nodeGroupImageRules } from './rules-cluster';

/** A minor past the end of extended support: EKS has upgraded (or is upgrading) such clusters itself. */
export function checkLifecycle(env: Environment, today: Date): ConfigIssue[] {
  const minor = env.cluster.kubernetesVersion;
  const status = supportStatus(minor, today);
  if (status.phase === 'unreleased') {
    return [
      {
        path: 'cluster.kubernetesVersion',
        value: minor,
        message: `is not on EKS before ${status.lifecycle.release}`,
        fix: `use ${recommendedMinor(today) ?? 'an earlier minor'} until then`,
      },
    ];
  }
  if (status.phase !== 'ended') return [];
  const target = recommendedMinor(today);
  return [
    {
      path: 'cluster.kubernetesVersion',
      value: minor,
      message: `reached the end of EKS extended support on ${status.lifecycle.endOfExtendedSupport}`,
      fix:
        'EKS creates no cluster on it and upgrades ' +
        `existing control planes to the oldest supported minor on its own; set ${nextMinor(minor)} (one minor at a time, docs/upgrades.md)` +
        (target ? `, then go on towards ${target}` : '') +
        `. Supported minors: ${Object.keys(KUBERNETES_LIFECYCLE).filter((m) => ['standard', 'extended'].includes(supportStatus(m, today).phase)).join(', ')}`,
    },
  ];
}

/**
 * Node groups: an AMI type of the instance types' architecture, and an AMI
 * release of the cluster's minor (the eks lib's rules, rules-cluster.ts), once
 * per config path.
 */
export function checkNodeGroupImages(env: Environment): ConfigIssue[] {
  const seen = new Set<string>();
  return nodeGroupImageRules(env).filter((i) => {
    const key = `${i.path}\n${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every upgrade rule, for validateEnvironment. */
export function checkUpgradeRules(env: Environment, today: Date): ConfigIssue[] {
  return [...checkLifecycle(env, today), ...checkNodeGroupImages(env)];
}
