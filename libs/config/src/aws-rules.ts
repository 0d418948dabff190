/**
 * Rules from AWS facts (./aws-facts): the region and its AZs, the state
 * bucket's name, IAM name limits of every derived role name, tags, EKS quotas,
 * and wide-open CIDRs. Each names the field, the value and what is valid.
 */
import { configIssue as issue, type ConfigIssue } from './errors';
import type { Environment } from './environment-types';
import { parseCidr } from '@boomi-eks/primitives';
import {
  AWS_REGIONS,
  DERIVED_IAM_ROLES,
  EKS_QUOTAS,
  EKS_UNSUPPORTED_CONTROL_PLANE_AZS,
  IAM_ROLE_NAME_MAX,
  PLATFORM_TAG_KEYS,
  RESOURCE_TAG_KEYS,
  REGION_AZ_LETTERS,
  TAGS_PER_RESOURCE_MAX,
  availabilityZoneNames,
  maxBaseLength,
  s3BucketNameProblems,
  tagProblems,
} from './aws-facts';

type Rule = (env: Environment) => ConfigIssue[];

/** Closest known region by edit distance, for "did you mean". */
function closestRegion(text: string): string {
  const dist = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length][b.length];
  };
  return [...AWS_REGIONS].sort((a, b) => dist(text, a) - dist(text, b))[0];
}

const unknownRegion = (path: string, value: string): ConfigIssue =>
  issue(path, value, 'is not an AWS region', `did you mean ${closestRegion(value)}? Known regions: ${AWS_REGIONS.join(', ')} (libs/config/src/aws-facts/regions.ts)`);

/** The region and state.region exist; every AZ is one of the region's; none is an AZ EKS refuses. */
export const regionsAndZones: Rule = (env) => {
  const out: ConfigIssue[] = [];
  const known = Object.hasOwn(REGION_AZ_LETTERS, env.region);
  if (!known) out.push(unknownRegion('region', env.region));
  // state.region defaults to region: an unknown region is reported once, at the field that holds it.
  if (!Object.hasOwn(REGION_AZ_LETTERS, env.state.region) && (known || env.state.region !== env.region)) {
    out.push(unknownRegion('state.region', env.state.region));
  }
  env.availabilityZones.forEach((az, i) => {
    const at = `availabilityZones[${i}]`;
    // An AZ of another region is the availabilityZones rule's (rules.ts) to report.
    if (known && az.startsWith(env.region) && /^[a-z]$/.test(az.slice(env.region.length)) && !availabilityZoneNames(env.region).includes(az)) {
      out.push(issue(at, az, 'does not exist', `${env.region} has ${availabilityZoneNames(env.region).join(', ')}`));
    }
    const refused = EKS_UNSUPPORTED_CONTROL_PLANE_AZS[az];
    if (refused) {
      const others = availabilityZoneNames(env.region).filter((z) => !EKS_UNSUPPORTED_CONTROL_PLANE_AZS[z] && !env.availabilityZones.includes(z));
      out.push(
        issue(
          at,
          az,
          `is an AZ where EKS does not place cluster control planes (UnsupportedAvailabilityZoneException; AZ id ${refused.azId} in most accounts)`,
          `use another AZ${others.length ? `, e.g. ${others[0]}` : ''}`,
        ),
      );
    }
  });
  return out;
};

/** The state bucket's name against S3's rules in full. */
export const stateBucketName: Rule = (env) =>
  s3BucketNameProblems(env.state.bucket).map((p) =>
    issue('state.bucket', env.state.bucket, p, `see S3's bucket naming rules, e.g. boomi-molecule-tfstate-${env.accountId}`),
  );

/** Every IAM role name built from a field fits IAM's 64 characters. */
export const derivedIamNames: Rule = (env) => {
  const out: ConfigIssue[] = [];
  const values = { 'cluster.name': env.cluster.name, name: env.name } as const;
  for (const from of ['cluster.name', 'name'] as const) {
    const base = values[from];
    const tooLong = DERIVED_IAM_ROLES.filter((r) => r.from === from && base.length + r.suffix.length > IAM_ROLE_NAME_MAX);
    if (tooLong.length === 0) continue;
    const longest = tooLong.reduce((a, b) => (b.suffix.length > a.suffix.length ? b : a));
    const derivedName = `${base}${longest.suffix}`;
    out.push(
      issue(
        from,
        base,
        `makes the IAM role name '${derivedName}' (${derivedName.length} characters), but IAM allows ${IAM_ROLE_NAME_MAX}`,
        `shorten it to at most ${maxBaseLength(from)} characters (it has ${base.length})`,
      ),
    );
  }
  return out;
};

/** Tag keys and values against AWS's tag rules; the platform's own keys are not the file's to set. */
export const tags: Rule = (env) => {
  const out: ConfigIssue[] = [];
  const keys = Object.keys(env.tags);
  for (const key of keys) {
    const at = `tags.${key}`;
    const p = tagProblems(key, env.tags[key]);
    // The value shown is the part at fault: the key, or the value (its first 40 characters).
    const value = env.tags[key];
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    for (const k of p.key) out.push(issue(at, key, `the key ${k}`));
    for (const v of p.value) out.push(issue(at, shown, `the value ${v}`));
    if ((PLATFORM_TAG_KEYS as readonly string[]).includes(key)) {
      out.push(issue(at, key, `the key is set by the stacks on every resource (${PLATFORM_TAG_KEYS.join(', ')}), so this value would be overwritten`, 'use another key'));
    }
  }
  const own = [...PLATFORM_TAG_KEYS, ...RESOURCE_TAG_KEYS];
  const room = TAGS_PER_RESOURCE_MAX - own.length;
  if (keys.length > room) {
    out.push(
      issue('tags', env.tags, `has ${keys.length} tags; with the stacks' own ${own.join(', ')} a resource would carry more than AWS's ${TAGS_PER_RESOURCE_MAX}`, `keep at most ${room}`),
    );
  }
  return out;
};

/** EKS default quotas: managed node groups per cluster, nodes per managed node group. */
export const eksQuotas: Rule = (env) => {
  const out: ConfigIssue[] = [];
  const q = EKS_QUOTAS;
  if (env.nodeGroups.length > q.managedNodeGroupsPerCluster) {
    const at = env.nodeGroups[0]?.configPath === 'nodeGroupDefaults' ? 'availabilityZones' : 'nodeGroups';
    out.push(
      issue(
        at,
        at === 'availabilityZones' ? env.availabilityZones : env.nodeGroups,
        `makes ${env.nodeGroups.length} managed node groups, but EKS allows ${q.managedNodeGroupsPerCluster} per cluster (default quota)`,
        `use at most ${q.managedNodeGroupsPerCluster} groups, or after raising the quota change EKS_QUOTAS in libs/config/src/aws-facts/eks-quotas.ts`,
      ),
    );
  }
  const seen = new Set<string>();
  for (const g of env.nodeGroups) {
    if (g.maxSize <= q.nodesPerManagedNodeGroup || seen.has(g.configPath)) continue;
    seen.add(g.configPath);
    out.push(
      issue(
        `${g.configPath}.maxSize`,
        g.maxSize,
        `is above the ${q.nodesPerManagedNodeGroup} nodes EKS allows per managed node group (default quota)`,
        `lower it to ${q.nodesPerManagedNodeGroup} or split the group`,
      ),
    );
  }
  return out;
};

const isWholeInternet = (text: string): boolean => parseCidr(text)?.prefix === 0;

/** 0.0.0.0/0 on the API endpoint or the Molecule's load balancer only with the field that says so. */
export const wideOpenCidrs: Rule = (env) => {
  const out: ConfigIssue[] = [];
  const e = env.cluster.endpoint;
  if (e.publicAccess && !e.acceptOpenToInternet) {
    e.publicAccessCidrs.forEach((c, i) => {
      if (isWholeInternet(c)) {
        out.push(
          issue(
            `cluster.endpoint.publicAccessCidrs[${i}]`,
            c,
            'opens the Kubernetes API to the whole internet',
            'list your admin and CI egress CIDRs, or set cluster.endpoint.acceptOpenToInternet true to accept the risk',
          ),
        );
      }
    });
  }
  const s = env.molecule.service;
  if (s.scheme === 'internet-facing' && !s.acceptOpenToInternet) {
    s.sourceRanges.forEach((c, i) => {
      if (isWholeInternet(c)) {
        out.push(
          issue(
            `molecule.service.sourceRanges[${i}]`,
            c,
            "opens the Molecule's load balancer to the whole internet",
            "list your clients' CIDRs, or set molecule.service.acceptOpenToInternet true to accept the risk",
          ),
        );
      }
    });
  }
  return out;
};

export const AWS_RULES: readonly Rule[] = [regionsAndZones, stateBucketName, derivedIamNames, tags, eksQuotas, wideOpenCidrs];
