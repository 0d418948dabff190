/**
 * Domain rules that a schema cannot express: cross-field checks from seed 000
 * and from how EKS, the VPC and the autoscaler fit together. Each returns
 * issues naming the field, its value and the fix; all run, so the user sees
 * every problem at once.
 */
import { configIssue as issue, type ConfigIssue } from './errors';
import type { Environment } from './environment-types';
import { cidrsOverlap, formatIssue, mustParseCidr } from '@boomi-eks/primitives';
import { memoryToMiB } from '@boomi-eks/primitives';
import { FORCE_RESTART_PROPERTY, heapFromVmOptions } from './jvm';
import { KUBERNETES_RELEASES } from './catalog';
import { EXTERNAL_SECRETS_DEFAULTS } from '@boomi-eks/cluster-addons/rules';
import { AWS_RULES } from './aws-rules';
import { BYPASS_RULES } from './bypass-rules';
import { MOLECULE_PRODUCTION_RULES } from './rules-molecule';
import { checkAdditionalMolecules } from './rules-molecules';
import { checkMoleculesCapacity } from './capacity-molecules';
import { checkKarpenterNodeGroups, checkKarpenterTags } from './autoscaler-kind-rules';
import { autoscalerRules, clusterRules, nodeGroupRules, nodeLocalDnsRules } from './rules-cluster';

type Rule = (env: Environment) => ConfigIssue[];

const availabilityZones: Rule = (env) => {
  const out: ConfigIssue[] = [];
  const seen = new Set<string>();
  env.availabilityZones.forEach((az, i) => {
    if (!new RegExp(`^${env.region}[a-z]$`).test(az)) {
      out.push(issue(`availabilityZones[${i}]`, az, `is not an AZ of region ${env.region}`, `use ${env.region}a, ${env.region}b, ...`));
    }
    if (seen.has(az)) out.push(issue(`availabilityZones[${i}]`, az, 'is listed twice', 'list each AZ once'));
    seen.add(az);
  });
  return out;
};

const network: Rule = (env) => {
  const out: ConfigIssue[] = [];
  // The VPC's own prefix range is the network lib's rule (rules-libs.ts).
  const vpc = mustParseCidr(env.network.vpcCidr);
  const svc = mustParseCidr(env.cluster.serviceIpv4Cidr);
  if (cidrsOverlap(vpc, svc)) {
    out.push(
      issue(
        'cluster.serviceIpv4Cidr',
        env.cluster.serviceIpv4Cidr,
        `overlaps network.vpcCidr (${env.network.vpcCidr})`,
        'pick a range outside the VPC, e.g. 172.20.0.0/16',
      ),
    );
  }
  // The service CIDR's own range (a /12 to /24 inside RFC 1918) is the eks lib's rule (rules-cluster.ts).
  return out;
};

/** CI's path to the cluster API must exist: GitHub-hosted egress inside the public CIDRs, or a runner in the VPC on the private endpoint. */
const ciWorkloadsPlan: Rule = (env) => {
  const plan = env.ci.workloadsPlan;
  const e = env.cluster.endpoint;
  const out: ConfigIssue[] = [];
  if (plan.runner === 'github-hosted') {
    if (!e.publicAccess) {
      out.push(
        issue(
          'ci.workloadsPlan.runner',
          plan.runner,
          'needs cluster.endpoint.publicAccess',
          "a GitHub-hosted runner is outside the VPC; use 'self-hosted' with a runner in the VPC, or 'none'",
        ),
      );
    } else {
      const allowed = e.publicAccessCidrs.map(mustParseCidr);
      plan.egressCidrs.forEach((c, i) => {
        const cidr = mustParseCidr(c);
        if (!allowed.some((a) => a.prefix <= cidr.prefix && cidrsOverlap(a, cidr))) {
          out.push(
            issue(
              `ci.workloadsPlan.egressCidrs[${i}]`,
              c,
              `is not inside cluster.endpoint.publicAccessCidrs (${e.publicAccessCidrs.join(', ') || 'none'})`,
              'add it there, or the plan cannot reach the cluster API',
            ),
          );
        }
      });
    }
  }
  if (plan.runner === 'self-hosted' && !e.privateAccess) {
    out.push(
      issue(
        'ci.workloadsPlan.runner',
        plan.runner,
        'needs cluster.endpoint.privateAccess',
        'a runner in the VPC reaches the API through the private endpoint; set privateAccess true',
      ),
    );
  }
  return out;
};

/**
 * The Molecule's namespace holds boomi-secret: it must not be a namespace of
 * the platform's Helm releases, where the CI plan role reads Secrets (the helm
 * provider keeps its releases there) and the operator runs.
 */
const moleculeNamespace: Rule = (env) => {
  const shared = new Map([
    ['kube-system', 'the add-ons\' Helm releases'],
    [EXTERNAL_SECRETS_DEFAULTS.namespace, 'the External Secrets Operator'],
    [env.monitoring.namespace, 'the monitoring release (monitoring.namespace)'],
  ]);
  const ns = env.molecule.namespace;
  const owner = shared.get(ns);
  return owner
    ? [
        issue(
          'molecule.namespace',
          ns,
          `is the namespace of ${owner}, whose Secrets the CI plan role may read`,
          "give the Molecule its own namespace, e.g. 'boomi'",
        ),
      ]
    : [];
};

const kubernetesVersion: Rule = (env) => {
  const out: ConfigIssue[] = [];
  const minor = env.cluster.kubernetesVersion;
  const release = KUBERNETES_RELEASES[minor];
  if (!release) {
    out.push(
      issue(
        'cluster.kubernetesVersion',
        minor,
        'has no pinned add-on and autoscaler versions',
        `use one of ${Object.keys(KUBERNETES_RELEASES).join(', ')} or add it to KUBERNETES_RELEASES in libs/config/src/catalog.ts`,
      ),
    );
  }
  // autoscaler.imageTag against the cluster's minor is the autoscaling lib's rule (rules-cluster.ts).
  return out;
};

const nodeGroups: Rule = (env) => {
  const out: ConfigIssue[] = [];
  const names = new Set<string>();
  let totalMax = 0;
  env.nodeGroups.forEach((g) => {
    const at = g.configPath;
    if (!env.availabilityZones.includes(g.availabilityZone)) {
      out.push(
        issue(`${at}.availabilityZone`, g.availabilityZone, `is not one of availabilityZones (${env.availabilityZones.join(', ')})`, 'add it there or move the group'),
      );
    }
    // Default groups are named after their AZ: a duplicate is the AZ rule's to report.
    if (g.configPath !== 'nodeGroupDefaults' && names.has(g.name)) out.push(issue(`${at}.name`, g.name, 'is used twice', 'node group names must be unique'));
    names.add(g.name);
    // Each group's own sizes are the eks lib's rules (rules-cluster.ts); their sum against the autoscaler's is config's.
    totalMax += g.maxSize;
  });
  if (env.autoscaler.enabled && totalMax > env.autoscaler.maxNodesTotal) {
    out.push(
      issue(
        'autoscaler.maxNodesTotal',
        env.autoscaler.maxNodesTotal,
        `is below the sum of node group maxSize (${totalMax})`,
        `raise it to ${totalMax} or lower the groups' maxSize`,
      ),
    );
  }
  return out;
};

const moleculeResources: Rule = (env) => {
  const out: ConfigIssue[] = [];
  const m = env.molecule;
  const base = 'molecule.resources';
  const reqMem = memoryToMiB(m.resources.requests.memory);
  const limMem = memoryToMiB(m.resources.limits.memory);
  const heap = m.effectiveHeapMiB;
  const xmx = heapFromVmOptions(m.vmOptionsOverrides);
  if (xmx === undefined && /-Xmx/.test(m.vmOptionsOverrides)) {
    out.push(
      issue('molecule.vmOptionsOverrides', m.vmOptionsOverrides, `has an -Xmx the JVM would not read ('${m.vmOptionsOverrides}')`, 'write it as -Xmx<n>[k|m|g], e.g. -Xmx1024m'),
    );
  }
  const heapSource = m.effectiveHeap.source;
  if (reqMem < 1.2 * heap) {
    out.push(
      issue(
        `${base}.requests.memory`,
        m.resources.requests.memory,
        `must be ≥ 1.2 × heap (${heap}Mi from ${heapSource})`,
        // A heap that is a share of the limit grows with it: only a lower share fixes it.
        m.effectiveHeap.followsMemoryLimit
          ? `lower -XX:MaxRAMPercentage to at most ${Math.floor((reqMem / 1.2 / limMem) * 100)}, or set -Xmx`
          : `raise it to ${Math.ceil(1.2 * heap)}Mi or lower the heap`,
      ),
    );
  }
  // A limit below the request is the chart's rule (rules-libs.ts); this one asks for headroom above it.
  if (limMem >= reqMem && limMem < 1.25 * reqMem) {
    out.push(
      issue(
        `${base}.limits.memory`,
        m.resources.limits.memory,
        `must be ≥ 1.25 × the memory request (${m.resources.requests.memory}) to avoid OOM kills`,
        `raise it to ${Math.ceil(1.25 * reqMem)}Mi`,
      ),
    );
  }
  // The autoscaler's limits against its requests are the autoscaling lib's rule (rules-cluster.ts).
  return out;
};

const moleculeLifecycle: Rule = (env) => {
  const out: ConfigIssue[] = [];
  const m = env.molecule;
  // The effective value: explicit, or the default (75 % of the grace) set in environment.ts.
  const ms = m.forceRestartOverrideMs;
  if (Number.isNaN(ms)) {
    out.push(issue('molecule.containerPropertiesOverrides', m.containerPropertiesOverrides, `${FORCE_RESTART_PROPERTY} must be a number of milliseconds`));
  } else if (m.terminationGracePeriodSeconds * 1000 <= ms) {
    out.push(
      issue(
        'molecule.terminationGracePeriodSeconds',
        m.terminationGracePeriodSeconds,
        `must be greater than ${FORCE_RESTART_PROPERTY} (${ms / 1000}s), or Kubernetes kills the node before it stops cleanly`,
        `raise it above ${Math.floor(ms / 1000)}s or lower the override`,
      ),
    );
  }
  const h = env.hpa;
  if (m.atomQueues.inUse && h.enabled && h.scaleDown.enabled && !m.atomQueues.acceptScaleDownDataLoss) {
    out.push(
      issue(
        'molecule.atomQueues.inUse',
        m.atomQueues.inUse,
        'is true while hpa.scaleDown.enabled is true',
        'scaling a Molecule down with Atom Queues loses data (seed 000 known limitation); set hpa.scaleDown.enabled false, or molecule.atomQueues.acceptScaleDownDataLoss true to accept the risk',
      ),
    );
  }
  // hpa.minReplicas ≤ hpa.maxReplicas is the Molecule chart's rule (rules-libs.ts).
  if (h.enabled) {
    if (m.replicas < h.minReplicas || m.replicas > h.maxReplicas) {
      out.push(issue('molecule.replicas', m.replicas, `must be between hpa.minReplicas (${h.minReplicas}) and hpa.maxReplicas (${h.maxReplicas})`));
    }
  }
  if (m.service.scheme === 'internet-facing' && m.service.sourceRanges.length === 0) {
    out.push(
      issue(
        'molecule.service.sourceRanges',
        m.service.sourceRanges,
        "is empty while molecule.service.scheme is 'internet-facing', which would open the Molecule's load balancer to the whole internet",
        "list the client CIDRs (0.0.0.0/0 together with molecule.service.acceptOpenToInternet true if you really mean everyone), or set scheme 'internal'",
      ),
    );
  }
  return out;
};

/**
 * Spot and on-demand (seed 004): with placement 'on-demand' the Molecule needs
 * at least one ON_DEMAND group, or every pod stays Pending.
 */
const placement: Rule = (env) => {
  if (env.molecule.placement !== 'on-demand' || env.nodeGroups.some((g) => g.capacityType === 'ON_DEMAND')) return [];
  return [
    issue(
      'molecule.placement',
      env.molecule.placement,
      'but every node group is SPOT, so no Molecule pod could be scheduled',
      'add an ON_DEMAND node group, ' +
        "or set molecule.placement 'any' to run the Molecule on spot nodes (a spot reclaim then restarts a stateful Molecule node)",
    ),
  ];
};

export const RULES: readonly Rule[] = [
  availabilityZones,
  network,
  clusterRules,
  ciWorkloadsPlan,
  moleculeNamespace,
  kubernetesVersion,
  autoscalerRules,
  nodeGroups,
  nodeGroupRules,
  moleculeResources,
  moleculeLifecycle,
  placement,
  nodeLocalDnsRules,
  // Karpenter (issue 20): its NodePools' capacity rule replaces the node groups' one; every Molecule counts (capacity-molecules.ts).
  checkMoleculesCapacity,
  checkKarpenterNodeGroups,
  checkKarpenterTags,
  ...AWS_RULES,
  ...BYPASS_RULES,
  ...MOLECULE_PRODUCTION_RULES,
  // Several Molecules (issue 21): the Molecule rules above for each of additionalMolecules (rules-molecules.ts).
  (env) => checkAdditionalMolecules(env, [moleculeNamespace, moleculeResources, moleculeLifecycle, placement]),
];

/**
 * Runs every rule; the order of issues is the order of the rules. Node groups
 * made from nodeGroupDefaults share one config path, so the same problem is
 * reported once, not once per AZ.
 */
export function checkRules(env: Environment): ConfigIssue[] {
  const seen = new Set<string>();
  return RULES.flatMap((rule) => rule(env)).filter((i) => {
    const key = formatIssue(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
