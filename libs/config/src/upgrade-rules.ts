/**
 * Rules for Kubernetes versions and the nodes that follow them (issue 15),
 * kept apart from rules.ts: the lifecycle rule needs the date, which is
 * passed in (validateEnvironment's `today`), never read from the clock here.
 */
import type { ConfigIssue } from './errors';
import type { Environment } from './environment-types';
import { minorOf } from '@boomi-eks/primitives';
import { KUBERNETES_LIFECYCLE, nextMinor, recommendedMinor, supportStatus } from './lifecycle';
import { instanceArchitecture } from './instance-architecture';
import { AMI_TYPE_BY_ARCHITECTURE } from './schema-upgrades';

/** A minor past the end of extended support: EKS has upgraded (or is upgrading) such clusters itself. */
export function checkLifecycle(env: Environment, today: Date): ConfigIssue[] {
  const minor = env.cluster.kubernetesVersion;
  const status = supportStatus(minor, today);
  if (status.phase === 'unreleased') {
    return [{ path: 'cluster.kubernetesVersion', message: `(${minor}) is not on EKS before ${status.lifecycle.release}: use ${recommendedMinor(today) ?? 'an earlier minor'} until then` }];
  }
  if (status.phase !== 'ended') return [];
  const target = recommendedMinor(today);
  return [
    {
      path: 'cluster.kubernetesVersion',
      message:
        `(${minor}) reached the end of EKS extended support on ${status.lifecycle.endOfExtendedSupport}: EKS creates no cluster on it and upgrades ` +
        `existing control planes to the oldest supported minor on its own; set ${nextMinor(minor)} (one minor at a time, docs/upgrades.md)` +
        (target ? `, then go on towards ${target}` : '') +
        `. Supported minors: ${Object.keys(KUBERNETES_LIFECYCLE).filter((m) => ['standard', 'extended'].includes(supportStatus(m, today).phase)).join(', ')}`,
    },
  ];
}

/** Node groups: an AMI type of the instance types' architecture, and an AMI release of the cluster's minor. */
export function checkNodeGroupImages(env: Environment): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  const seen = new Set<string>();
  const push = (i: ConfigIssue) => {
    const key = `${i.path}\n${i.message}`;
    if (!seen.has(key)) out.push(i);
    seen.add(key);
  };
  for (const g of env.nodeGroups) {
    const archs = new Map(g.instanceTypes.map((t) => [t, instanceArchitecture(t)]));
    const kinds = new Set(archs.values());
    if (kinds.size > 1) {
      const list = [...archs].map(([t, a]) => `${t} (${a})`).join(', ');
      push({
        path: `${g.configPath}.instanceTypes`,
        message: `mixes CPU architectures (${list}): one node group runs one AMI, so list only x86_64 or only Graviton (arm64) types and put the others in their own group`,
      });
    } else {
      const [arch] = kinds;
      const wanted = AMI_TYPE_BY_ARCHITECTURE[arch];
      if (g.amiType !== wanted) {
        push({
          path: `${g.configPath}.amiType`,
          message: `('${g.amiType}') does not run on ${[...archs.keys()].join(', ')} (${arch}): set amiType '${wanted}' or remove the field to get it`,
        });
      }
    }
    if (g.releaseVersion !== undefined && minorOf(g.releaseVersion) !== env.cluster.kubernetesVersion) {
      push({
        path: `${g.configPath}.releaseVersion`,
        message:
          `('${g.releaseVersion}') is an AMI for Kubernetes ${minorOf(g.releaseVersion)} but cluster.kubernetesVersion is ${env.cluster.kubernetesVersion}: ` +
          `nodes follow the control plane; pin a ${env.cluster.kubernetesVersion}.x release or remove the field to get the latest`,
      });
    }
  }
  return out;
}

/** Every upgrade rule, for validateEnvironment. */
export function checkUpgradeRules(env: Environment, today: Date): ConfigIssue[] {
  return [...checkLifecycle(env, today), ...checkNodeGroupImages(env)];
}
