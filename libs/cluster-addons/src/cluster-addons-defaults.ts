/**
 * The add-ons' defaults, as plain data (no cdktf, no constructs): the charts'
 * value builders and `@boomi-eks/config` both read them from here (through
 * `@boomi-eks/cluster-addons/rules`), so each default has one owner.
 */

/** Defaults of `nodeLocalDnsValues` (NodeLocal DNSCache). */
export const NODE_LOCAL_DNS_DEFAULTS = {
  /** The Kubernetes docs' link-local address. */
  localIp: '169.254.20.10',
  dnsDomain: 'cluster.local',
  resources: {
    requests: { cpu: '25m', memory: '128Mi' },
    limits: { cpu: '200m', memory: '128Mi' },
  },
} as const;

/** Defaults of `nodeProblemDetectorValues`. */
export const NODE_PROBLEM_DETECTOR_DEFAULTS = {
  resources: {
    requests: { cpu: '20m', memory: '64Mi' },
    limits: { cpu: '200m', memory: '128Mi' },
  },
  prometheusScrape: false,
  logMonitors: ['/config/kernel-monitor.json', '/config/readonly-monitor.json'],
} as const;

/**
 * Link-local addresses already taken on an EKS node: instance metadata, Amazon
 * DNS, Time Sync, container credentials, EKS Pod Identity agent. NodeLocal
 * DNSCache must not listen on one of them.
 */
export const RESERVED_LINK_LOCAL: Readonly<Record<string, string>> = {
  '169.254.169.254': 'the instance metadata service',
  '169.254.169.253': 'the Amazon-provided DNS server',
  '169.254.169.123': 'the Amazon Time Sync service',
  '169.254.170.2': 'the container credentials endpoint',
  '169.254.170.23': 'the EKS Pod Identity agent',
};
