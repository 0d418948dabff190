/**
 * The rules of an EKS control plane's props, as a pure function: `Cluster`
 * throws them as one `InvalidPropsError`; `@boomi-eks/config` reports the same
 * issues under `cluster.*`. Paths are the props' own (`publicAccessCidrs`).
 */
import { cidrsOverlap, mustParseCidr, parseCidr, type PropsIssue } from '@boomi-eks/primitives';
import { CLUSTER_DEFAULTS, SERVICE_CIDR_RULE } from './cluster-defaults';
import { unresolvedOf, type ValidateOptions } from './validate-options';

/** The props the rules read (a subset of `ClusterProps`). */
export interface ClusterRulesInput {
  /** @default true */
  readonly endpointPublicAccess?: boolean;
  /** @default [] */
  readonly publicAccessCidrs?: readonly string[];
  /** @default true */
  readonly endpointPrivateAccess?: boolean;
  /** @default '172.20.0.0/16' */
  readonly serviceIpv4Cidr?: string;
  readonly adminPrincipalArns: readonly string[];
}

const PRIVATE_BLOCKS = SERVICE_CIDR_RULE.privateBlocks.map(mustParseCidr);

/** Every problem of the props, in field order; `[]` when they are valid. */
export function validateCluster(props: ClusterRulesInput, options: ValidateOptions = {}): PropsIssue[] {
  const unresolved = unresolvedOf(options);
  const d = CLUSTER_DEFAULTS;
  const out: PropsIssue[] = [];
  const publicAccess = props.endpointPublicAccess ?? d.endpointPublicAccess;
  const privateAccess = props.endpointPrivateAccess ?? d.endpointPrivateAccess;
  const cidrs = props.publicAccessCidrs ?? d.publicAccessCidrs;

  if (!unresolved(publicAccess) && !unresolved(privateAccess) && !publicAccess && !privateAccess) {
    out.push({
      path: 'endpointPrivateAccess',
      value: privateAccess,
      message: 'is false while the public endpoint is off too, so nothing could reach the API',
      fix: 'enable at least one of the public and private endpoints',
    });
  }
  if (!unresolved(publicAccess) && !unresolved(cidrs) && publicAccess && cidrs.length === 0) {
    out.push({
      path: 'publicAccessCidrs',
      value: [...cidrs],
      message: 'is empty while the public endpoint is on, which would open the API to the whole internet',
      fix: 'list your admin and CI egress CIDRs, or turn the public endpoint off',
    });
  }
  if (!unresolved(cidrs)) {
    cidrs.forEach((c, i) => {
      if (!unresolved(c) && !parseCidr(c)) {
        out.push({ path: `publicAccessCidrs[${i}]`, value: c, message: 'is not a CIDR block', fix: "write it as an IPv4 CIDR such as '203.0.113.0/24'" });
      }
    });
  }

  const service = props.serviceIpv4Cidr ?? d.serviceIpv4Cidr;
  if (!unresolved(service)) {
    const svc = parseCidr(service);
    const { minPrefix, maxPrefix } = SERVICE_CIDR_RULE;
    if (!svc) {
      out.push({ path: 'serviceIpv4Cidr', value: service, message: 'is not a CIDR block', fix: "write it as an IPv4 CIDR such as '172.20.0.0/16'" });
    } else if (svc.prefix < minPrefix || svc.prefix > maxPrefix || !PRIVATE_BLOCKS.some((r) => r.prefix <= svc.prefix && cidrsOverlap(r, svc))) {
      out.push({
        path: 'serviceIpv4Cidr',
        value: service,
        message: `must be a /${minPrefix} to /${maxPrefix} inside ${SERVICE_CIDR_RULE.privateBlocks.join(', ').replace(/, ([^,]+)$/, ' or $1')} (an EKS rule)`,
        fix: `pick a private range such as ${d.serviceIpv4Cidr}`,
      });
    }
  }

  if (!unresolved(props.adminPrincipalArns) && props.adminPrincipalArns.length === 0) {
    out.push({
      path: 'adminPrincipalArns',
      value: [],
      message: 'is empty, so nobody can administer the cluster',
      fix: 'list at least one IAM role or user ARN (given AmazonEKSClusterAdminPolicy through an access entry)',
    });
  }
  return out;
}
