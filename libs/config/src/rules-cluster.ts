/**
 * The eks, autoscaling and cluster-addons libs' own rules, run on an environment under its
 * paths. Each rule is owned by the lib that builds the resource (its pure
 * validator behind `@boomi-eks/<lib>/rules`); config only maps its fields onto
 * the lib's props and re-bases the issues (`underPath`, plus a rename where
 * the environment names a field differently), so a value the lib refuses is
 * refused here with the same message. Rules across libs or environments (the
 * capacity rule, node group AZs and names, maxNodesTotal against the groups,
 * the service CIDR against the VPC) stay in rules.ts.
 */
import { renamePaths, underPath, type PropsIssue } from '@boomi-eks/primitives';
import { validateCluster, validateNodeGroupImage, validateNodeGroupSizes } from '@boomi-eks/eks/rules';
import { validateClusterAutoscaler } from '@boomi-eks/autoscaling/rules';
import { validateNodeLocalDns } from '@boomi-eks/cluster-addons/rules';
import type { Environment } from './environment-types';

/** `cluster.*`: the eks lib's control-plane rules (endpoints, service CIDR, admins). */
export function clusterRules(env: Environment): PropsIssue[] {
  const c = env.cluster;
  const issues = validateCluster({
    endpointPublicAccess: c.endpoint.publicAccess,
    publicAccessCidrs: c.endpoint.publicAccessCidrs,
    endpointPrivateAccess: c.endpoint.privateAccess,
    serviceIpv4Cidr: c.serviceIpv4Cidr,
    adminPrincipalArns: c.adminPrincipalArns,
  });
  return underPath(
    'cluster',
    renamePaths(issues, {
      endpointPublicAccess: 'endpoint.publicAccess',
      endpointPrivateAccess: 'endpoint.privateAccess',
      publicAccessCidrs: 'endpoint.publicAccessCidrs',
    }),
  );
}


/**
 * `nodeGroups[i].*` (or `nodeGroupDefaults.*` for the groups made from the
 * defaults, which share that path: checkRules reports such an issue once):
 * the eks lib's rules of one group's sizes and root volume.
 */
export function nodeGroupRules(env: Environment): PropsIssue[] {
  return env.nodeGroups.flatMap((g) => underPath(g.configPath, validateNodeGroupSizes(g)));
}

/**
 * The same paths: the eks lib's rules of one group's image (an AMI type of the
 * instance types' architecture, an AMI release of the cluster's minor); run
 * with the upgrade rules (upgrade-rules.ts).
 */
export function nodeGroupImageRules(env: Environment): PropsIssue[] {
  return env.nodeGroups.flatMap((g) => underPath(g.configPath, validateNodeGroupImage(g, { kubernetesVersion: env.cluster.kubernetesVersion })));
}

/**
 * `autoscaler.*`: the autoscaling lib's cluster-autoscaler rules (image tag of
 * the cluster's minor, maxNodesTotal, resources). Its `kubernetesVersion`
 * issue (no pinned tag for the minor) is left out: a minor missing from
 * KUBERNETES_RELEASES, whose tags are the lib's, is reported by the catalog
 * rule at `cluster.kubernetesVersion` already.
 */
export function autoscalerRules(env: Environment): PropsIssue[] {
  const a = env.autoscaler;
  const issues = validateClusterAutoscaler({
    kubernetesVersion: env.cluster.kubernetesVersion,
    imageTag: a.imageTag,
    maxNodesTotal: a.maxNodesTotal,
    resources: a.resources,
  });
  return underPath('autoscaler', issues.filter((i) => i.path !== 'kubernetesVersion'));
}

/** `nodeLocalDns.*`: the cluster-addons lib's NodeLocal DNSCache rule (a free link-local address). */
export function nodeLocalDnsRules(env: Environment): PropsIssue[] {
  return underPath('nodeLocalDns', validateNodeLocalDns({ localIp: env.nodeLocalDns.localIp }));
}
