/**
 * What an EKS control plane is when a prop is left out, as plain data (no
 * cdktf): `Cluster` and `@boomi-eks/config` both read it from here (through
 * `@boomi-eks/eks/rules`), so each default has one owner.
 */

/** EKS upgrade policies (`upgrade_policy.support_type`). */
export const SUPPORT_TYPES = ['STANDARD', 'EXTENDED'] as const;
export type SupportType = (typeof SUPPORT_TYPES)[number];

/** The defaults of `ClusterProps`. */
export const CLUSTER_DEFAULTS = {
  /** The API is reachable from the listed public CIDRs (which must then be given). */
  endpointPublicAccess: true,
  publicAccessCidrs: [],
  endpointPrivateAccess: true,
  /** Kubernetes service CIDR (seed 000's; outside the default VPC 10.100.0.0/16). */
  serviceIpv4Cidr: '172.20.0.0/16',
  /** Control-plane log retention in days. */
  logRetentionDays: 90,
  supportType: 'STANDARD',
} as const satisfies {
  endpointPublicAccess: boolean;
  publicAccessCidrs: readonly string[];
  endpointPrivateAccess: boolean;
  serviceIpv4Cidr: string;
  logRetentionDays: number;
  supportType: SupportType;
};

/** The service CIDR EKS accepts: a /12 to /24 inside an RFC 1918 block. */
export const SERVICE_CIDR_RULE = {
  minPrefix: 12,
  maxPrefix: 24,
  privateBlocks: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'],
} as const;
