import type { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { cidrContains, containerResourcesValues, mergeValues, mustParseCidr, parseIpv4Address, type ContainerResources } from '@boomi-eks/primitives';
import { PinnedHelmRelease, type HelmReleaseOptions } from '@boomi-eks/primitives/helm';
import { NODE_LOCAL_DNS_CHART } from './chart-versions';

/**
 * Namespace of node-local-dns: it must be kube-system, where the kube-dns
 * pods are, because the chart's `kube-dns-upstream` Service selects them.
 */
export const NODE_LOCAL_DNS_NAMESPACE = 'kube-system';

const LINK_LOCAL = mustParseCidr('169.254.0.0/16');

export interface NodeLocalDnsValuesInput {
  /**
   * ClusterIP of the `kube-dns` Service: the 10th address of the cluster's
   * service CIDR on EKS (`kubeDnsIp` in @boomi-eks/config). The cache answers
   * on it on every node (iptables mode), so pods and kubelets need no change.
   */
  readonly kubeDnsIp: string;
  /** Link-local address the cache also listens on. @default '169.254.20.10' */
  readonly localIp?: string;
  /** Cluster DNS domain. @default 'cluster.local' */
  readonly dnsDomain?: string;
  /** Container requests and limits. @default requests 25m/128Mi, limits 200m/128Mi */
  readonly resources?: ContainerResources;
  /** Escape hatch: any chart values, deep-merged last. @default {} */
  readonly valuesOverride?: Readonly<Record<string, unknown>>;
}

/** Defaults of {@link nodeLocalDnsValues}. */
export const NODE_LOCAL_DNS_DEFAULTS = {
  localIp: '169.254.20.10',
  dnsDomain: 'cluster.local',
  resources: {
    requests: { cpu: '25m', memory: '128Mi' },
    limits: { cpu: '200m', memory: '128Mi' },
  },
} as const satisfies Required<Omit<NodeLocalDnsValuesInput, 'kubeDnsIp' | 'valuesOverride'>>;

/**
 * Helm values of the node-local-dns chart (deliveryhero
 * `stable/node-local-dns/values.yaml`): `config.dnsServer` is the kube-dns
 * Service IP and `config.localDns` the link-local IP, both bound by the cache
 * on each node; misses go to CoreDNS over TCP through `kube-dns-upstream`.
 * The chart's pod annotations for Prometheus (`prometheusScraping.enabled`)
 * stay on, so the monitoring release scrapes it. `valuesOverride` last.
 */
export function nodeLocalDnsValues(input: NodeLocalDnsValuesInput): Record<string, unknown> {
  const d = NODE_LOCAL_DNS_DEFAULTS;
  const localIp = input.localIp ?? d.localIp;
  if (parseIpv4Address(input.kubeDnsIp) === undefined) {
    throw new Error(`node-local-dns kubeDnsIp (${input.kubeDnsIp}) must be an IPv4 address: pass kubeDnsIp(cluster.serviceIpv4Cidr)`);
  }
  const localAddress = parseIpv4Address(localIp);
  if (localAddress === undefined || !cidrContains(LINK_LOCAL, localAddress)) {
    throw new Error(`node-local-dns localIp (${localIp}) must be a link-local IPv4 address in 169.254.0.0/16, e.g. 169.254.20.10`);
  }
  const r = input.resources ?? d.resources;
  const values: Record<string, unknown> = {
    config: {
      dnsServer: input.kubeDnsIp,
      localDns: localIp,
      dnsDomain: input.dnsDomain ?? d.dnsDomain,
    },
    prometheusScraping: { enabled: true },
    resources: containerResourcesValues(r),
  };
  return mergeValues(values, input.valuesOverride as Record<string, unknown> | undefined);
}

export interface NodeLocalDnsProps extends NodeLocalDnsValuesInput, HelmReleaseOptions {
  /** Resources to create first (the coredns add-on lives in the cluster stack). @default [] */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * NodeLocal DNSCache (seed 001): a DNS cache DaemonSet in kube-system that
 * answers on the kube-dns Service IP and a link-local IP on every node, so
 * lookups skip the conntrack/DNAT path and cache misses reach CoreDNS over TCP.
 * Release `node-local-dns`, on the shared {@link PinnedHelmRelease} base.
 */
export class NodeLocalDns extends PinnedHelmRelease {
  /** The kube-dns IP the cache answers on. */
  readonly kubeDnsIp: string;
  /** The link-local IP the cache answers on. */
  readonly localIp: string;

  constructor(scope: Construct, id: string, props: NodeLocalDnsProps) {
    const { provider, dependsOn, timeoutSeconds, ...valuesInput } = props;
    super(scope, id, {
      releaseName: 'node-local-dns',
      namespace: NODE_LOCAL_DNS_NAMESPACE,
      chart: NODE_LOCAL_DNS_CHART,
      values: nodeLocalDnsValues(valuesInput),
      timeoutSeconds,
      provider,
      dependsOn,
    });
    this.kubeDnsIp = props.kubeDnsIp;
    this.localIp = props.localIp ?? NODE_LOCAL_DNS_DEFAULTS.localIp;
  }
}
