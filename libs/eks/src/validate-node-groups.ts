/**
 * The rules of managed node groups' props, as pure functions: `NodeGroups`
 * throws them as one `InvalidPropsError`; `@boomi-eks/config` reports the same
 * issues under each group's path (`nodeGroups[0].minSize`, or
 * `nodeGroupDefaults.minSize` for the groups made from the defaults).
 */
import { minorOf, underPath, type PropsIssue } from '@boomi-eks/primitives';
import { AMI_TYPE_BY_ARCHITECTURE, NODE_DISK_SIZE_GIB, NODE_GROUP_DEFAULTS, instanceArchitecture, type NodeAmiType } from './node-group-defaults';
import { unresolvedOf, type ValidateOptions } from './validate-options';

/** The fields of one group the rules read (a subset of `NodeGroupSpec`). */
export interface NodeGroupRulesInput {
  /** @default 1 */
  readonly minSize?: number;
  /** @default 100 */
  readonly maxSize?: number;
  /** @default 1 */
  readonly desiredSize?: number;
  /** @default 20 */
  readonly diskSizeGiB?: number;
  /** @default ['m5.large'] */
  readonly instanceTypes?: readonly string[];
  /** @default - the instance types' (amiTypeFor) */
  readonly amiType?: NodeAmiType;
  /** AMI release, e.g. '1.36.0-20260715'. @default - the latest of the cluster's minor */
  readonly releaseVersion?: string;
}

/** What a group's rules read of the cluster. */
export interface NodeGroupCluster {
  /** The cluster's Kubernetes minor, e.g. '1.36': an AMI release pin must be of it. @default - not checked */
  readonly kubernetesVersion?: string;
}

/** The props of `NodeGroups` the rules read. */
export interface NodeGroupsRulesInput {
  readonly kubernetesVersion?: string;
  readonly groups: readonly NodeGroupRulesInput[];
  readonly nodeRepair?: { readonly enabled: boolean; readonly maxParallelNodesRepairedCount?: number };
}

const isCount = (n: number, min: number) => Number.isInteger(n) && n >= min;

/**
 * Every problem of one group, with paths relative to the group (`minSize`):
 * its sizes and root volume ({@link validateNodeGroupSizes}), and an image that
 * runs on its instance types and follows the cluster's minor
 * ({@link validateNodeGroupImage}).
 */
export function validateNodeGroup(group: NodeGroupRulesInput, cluster: NodeGroupCluster = {}, options: ValidateOptions = {}): PropsIssue[] {
  return [...validateNodeGroupSizes(group, options), ...validateNodeGroupImage(group, cluster, options)];
}

/** The sizes (`minSize ≤ desiredSize ≤ maxSize`, whole numbers) and the root volume of one group. */
export function validateNodeGroupSizes(group: NodeGroupRulesInput, options: ValidateOptions = {}): PropsIssue[] {
  const unresolved = unresolvedOf(options);
  const d = NODE_GROUP_DEFAULTS;
  const min = group.minSize ?? d.minSize;
  const max = group.maxSize ?? d.maxSize;
  const desired = group.desiredSize ?? d.desiredSize;
  const disk = group.diskSizeGiB ?? d.diskSizeGiB;
  const out: PropsIssue[] = [];
  const sizes: [string, number, number][] = [
    ['minSize', min, 0],
    ['maxSize', max, 1],
    ['desiredSize', desired, 0],
  ];
  const badSize = new Set<string>();
  for (const [field, value, least] of sizes) {
    if (!unresolved(value) && !isCount(value, least)) {
      badSize.add(field);
      out.push({ path: field, value, message: `must be a whole number ≥ ${least}`, fix: `use a whole number such as ${d[field as 'minSize' | 'maxSize' | 'desiredSize']}` });
    }
  }
  const known = (...v: number[]) => v.every((x) => !unresolved(x)) && badSize.size === 0;
  if (known(min, max) && min > max) {
    out.push({ path: 'minSize', value: min, message: `is greater than maxSize (${max})`, fix: 'lower minSize or raise maxSize' });
  }
  if (known(min, max, desired) && (desired < min || desired > max)) {
    out.push({ path: 'desiredSize', value: desired, message: `must be between minSize (${min}) and maxSize (${max})`, fix: 'set desiredSize within the bounds' });
  }
  if (!unresolved(disk) && (!Number.isInteger(disk) || disk < NODE_DISK_SIZE_GIB.min || disk > NODE_DISK_SIZE_GIB.max)) {
    out.push({
      path: 'diskSizeGiB',
      value: disk,
      message: `must be a whole number of GiB from ${NODE_DISK_SIZE_GIB.min} to ${NODE_DISK_SIZE_GIB.max}`,
      fix: `the AL2023 AMI needs at least ${NODE_DISK_SIZE_GIB.min}; set it within the bounds`,
    });
  }
  return out;
}

/** The image of one group: the AMI type runs on the instance types (one architecture per group); an AMI release is of the cluster's minor. */
export function validateNodeGroupImage(group: NodeGroupRulesInput, cluster: NodeGroupCluster = {}, options: ValidateOptions = {}): PropsIssue[] {
  const unresolved = unresolvedOf(options);
  const out: PropsIssue[] = [];
  const types = group.instanceTypes ?? NODE_GROUP_DEFAULTS.instanceTypes;
  if (!unresolved(types) && !types.some(unresolved)) {
    const archs = new Map(types.map((t) => [t, instanceArchitecture(t)]));
    const kinds = new Set(archs.values());
    if (kinds.size > 1) {
      out.push({
        path: 'instanceTypes',
        value: [...types],
        message: `mixes CPU architectures (${[...archs].map(([t, a]) => `${t} (${a})`).join(', ')})`,
        fix: 'one node group runs one AMI, so list only x86_64 or only Graviton (arm64) types and put the others in their own group',
      });
    } else if (kinds.size === 1 && group.amiType !== undefined && !unresolved(group.amiType)) {
      const [arch] = kinds;
      const wanted = AMI_TYPE_BY_ARCHITECTURE[arch];
      if (group.amiType !== wanted) {
        out.push({
          path: 'amiType',
          value: group.amiType,
          message: `does not run on ${[...archs.keys()].join(', ')} (${arch})`,
          fix: `set amiType '${wanted}' or remove the field to get it`,
        });
      }
    }
  }
  const { releaseVersion } = group;
  const version = cluster.kubernetesVersion;
  if (releaseVersion !== undefined && version !== undefined && !unresolved(releaseVersion) && !unresolved(version) && minorOf(releaseVersion) !== minorOf(version)) {
    out.push({
      path: 'releaseVersion',
      value: releaseVersion,
      message: `is an AMI for Kubernetes ${minorOf(releaseVersion)} but the cluster's kubernetesVersion is ${version}`,
      fix: `nodes follow the control plane; pin a ${version}.x release or remove the field to get the latest`,
    });
  }
  return out;
}

/** Every problem of the props: the groups (`groups[1].desiredSize`, against the cluster's minor) and node repair. */
export function validateNodeGroups(props: NodeGroupsRulesInput, options: ValidateOptions = {}): PropsIssue[] {
  const unresolved = unresolvedOf(options);
  const out: PropsIssue[] = [];
  if (props.groups.length === 0) {
    out.push({ path: 'groups', value: [], message: 'is empty', fix: 'give at least one node group (one per AZ for the autoscaler to balance)' });
  }
  props.groups.forEach((g, i) => out.push(...underPath(`groups[${i}]`, validateNodeGroup(g, { kubernetesVersion: props.kubernetesVersion }, options))));
  const parallel = props.nodeRepair?.maxParallelNodesRepairedCount;
  if (parallel !== undefined && !unresolved(parallel) && !isCount(parallel, 1)) {
    out.push({
      path: 'nodeRepair.maxParallelNodesRepairedCount',
      value: parallel,
      message: 'must be a whole number ≥ 1',
      fix: 'set it to 1 or more, or leave it out for EKS’s own pacing',
    });
  }
  return out;
}
