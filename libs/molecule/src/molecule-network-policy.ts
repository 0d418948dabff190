/**
 * The Molecule namespace's NetworkPolicies, as plain specs (pure; the chart
 * wraps them in `KubeNetworkPolicy`). Every allowance and its reason is listed
 * in docs/production-defaults.md.
 */
import type { ResolvedMoleculeProps } from './molecule-props';

/** Names of the two policies. */
export const MOLECULE_NETWORK_POLICY_NAMES = {
  defaultDeny: 'default-deny-all',
  molecule: 'molecule',
} as const;

/**
 * Ports the Molecule's nodes use to form their cluster (Boomi's container
 * properties): JGroups unicast over TCP 7800 (`com.boomi.container.cloudlet.clusterConfig=UNICAST`)
 * and multicast over UDP 45588 (`com.boomi.container.cloudlet.mcastPort`, the default
 * transport). JGroups' failure detection (FD_SOCK) also listens on a random port,
 * so the policy admits every port between Molecule pods, not only these two.
 */
export const MOLECULE_CLUSTER_PORTS = { unicastTcp: 7800, multicastUdp: 45588 } as const;

/** HTTPS to the platform; NFS to EFS; DNS. */
export const MOLECULE_EGRESS_PORTS = { platform: 443, efs: 2049, dns: 53 } as const;

type Port = { protocol: 'TCP' | 'UDP'; port: number };
type Peer = Record<string, unknown>;
interface Rule {
  readonly from?: Peer[];
  readonly to?: Peer[];
  readonly ports?: Port[];
}
/** A NetworkPolicy spec (networking.k8s.io/v1), loosely typed: the chart types it. */
export interface NetworkPolicySpec {
  readonly podSelector: { readonly matchLabels?: Record<string, string> };
  readonly policyTypes: ('Ingress' | 'Egress')[];
  readonly ingress?: Rule[];
  readonly egress?: Rule[];
}

const cidrPeer = (cidr: string): Peer => ({ ipBlock: { cidr } });
const tcp = (port: number): Port => ({ protocol: 'TCP', port });

/**
 * The two policies: `default-deny-all` selects every pod of the namespace and
 * allows nothing; `molecule` selects the Molecule pods and allows
 * - ingress to the container port from `service.sourceRanges` (or anywhere
 *   when they are empty, as the load balancer itself is open then) and from
 *   `networkPolicy.clusterCidrs` (NLB health checks, kube-proxy SNAT);
 * - ingress and egress on every port between Molecule pods (cluster forming);
 * - egress to DNS (53 UDP/TCP, any address: CoreDNS pods, NodeLocal DNSCache on
 *   a link-local address, or the VPC resolver), to the platform (443 to
 *   `platformCidrs`) and to EFS (2049 to `clusterCidrs`);
 * - `extraIngress` and `extraEgress`.
 */
export function moleculeNetworkPolicies(c: ResolvedMoleculeProps, labels: Record<string, string>): Record<keyof typeof MOLECULE_NETWORK_POLICY_NAMES, NetworkPolicySpec> {
  const np = c.networkPolicy;
  const molecules: Peer = { podSelector: { matchLabels: { ...labels } } };
  const lbSources = c.service.sourceRanges.length > 0 ? c.service.sourceRanges : ['0.0.0.0/0'];
  const containerSources = [...new Set([...lbSources, ...np.clusterCidrs])];
  const ingress: Rule[] = [
    { from: containerSources.map(cidrPeer), ports: [tcp(c.service.targetPort)] },
    { from: [molecules] },
    ...np.extraIngress.map((r) => ({
      from: [
        ...(r.namespace ? [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': r.namespace } } }] : []),
        ...(r.cidr ? [cidrPeer(r.cidr)] : []),
      ],
      ports: [tcp(r.port)],
    })),
  ];
  const egress: Rule[] = [
    { ports: [{ protocol: 'UDP', port: MOLECULE_EGRESS_PORTS.dns }, tcp(MOLECULE_EGRESS_PORTS.dns)] },
    { to: [molecules] },
    { to: np.platformCidrs.map(cidrPeer), ports: [tcp(MOLECULE_EGRESS_PORTS.platform)] },
    ...(np.clusterCidrs.length > 0 ? [{ to: np.clusterCidrs.map(cidrPeer), ports: [tcp(MOLECULE_EGRESS_PORTS.efs)] }] : []),
    ...np.extraEgress.map((r) => ({ to: [cidrPeer(r.cidr)], ports: r.ports.map((p) => ({ protocol: p.protocol ?? ('TCP' as const), port: p.port })) })),
  ];
  return {
    defaultDeny: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    molecule: { podSelector: { matchLabels: { ...labels } }, policyTypes: ['Ingress', 'Egress'], ingress, egress },
  };
}
