import type { Construct } from 'constructs';
import { Token, type ITerraformDependable } from 'cdktf';
import { containerResourcesValues, mergeValues, throwIfIssues, type ContainerResources } from '@boomi-eks/primitives';
import { PinnedHelmRelease, type HelmReleaseOptions } from '@boomi-eks/primitives/helm';
import { NODE_LOCAL_DNS_CHART } from './chart-versions';
import { NODE_LOCAL_DNS_DEFAULTS } from './cluster-addons-defaults';
import { validateNodeLocalDns, type ValidateOptions } from './validate-node-local-dns';

/**
 * Namespace of node-local-dns: it must be kube-system, where the kube-dns
 * pods are, because the chart's `kube-dns-upstream` Service selects them.
 */
export const NODE_LOCAL_DNS_NAMESPACE = 'kube-system';

export interface NodeLocalDnsValuesInput {
  /**
   * ClusterIP of the `kube-dns` Service: the 10th address of the cluster's
   * service CIDR on EKS (`kubeDnsIp` in @boomi-eks/primitives). The cache answers
   * on it on every node (iptables mode), so pods and kubelets need no change.
   */
  readonly kubeDnsIp: string;
  /** Link-local address the cache also listens on; not one EKS nodes already use. @default '169.254.20.10' */
  readonly localIp?: string;
  /** Cluster DNS domain. @default 'cluster.local' */
  readonly dnsDomain?: string;
  /** Container requests and limits. @default requests 25m/128Mi, limits 200m/128Mi */
  readonly resources?: ContainerResources;
  /** Escape hatch: any chart values, deep-merged last. @default {} */
  readonly valuesOverride?: Readonly<Record<string, unknown>>;
}

// Every optional input has a default (NODE_LOCAL_DNS_DEFAULTS, cluster-addons-defaults.ts): checked at compile time.
type DefaultedInputs = Required<Omit<NodeLocalDnsValuesInput, 'kubeDnsIp' | 'valuesOverride'>>;

/**
 * Helm values of the node-local-dns chart (deliveryhero
 * `stable/node-local-dns/values.yaml`): `config.dnsServer` is the kube-dns
 * Service IP and `config.localDns` the link-local IP, both bound by the cache
 * on each node; misses go to CoreDNS over TCP through `kube-dns-upstream`.
 * The chart's pod annotations for Prometheus (`prometheusScraping.enabled`)
 * stay on, so the monitoring release scrapes it. `valuesOverride` last.
 * Throws `InvalidPropsError` with every problem of the addresses
 * (validate-node-local-dns.ts).
 */
export function nodeLocalDnsValues(input: NodeLocalDnsValuesInput, options: ValidateOptions = {}): Record<string, unknown> {
  throwIfIssues('NodeLocalDns', validateNodeLocalDns(input, options));
  const d: DefaultedInputs = NODE_LOCAL_DNS_DEFAULTS;
  const localIp = input.localIp ?? d.localIp;
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
      values: nodeLocalDnsValues(valuesInput, { isUnresolved: Token.isUnresolved }),
      timeoutSeconds,
      provider,
      dependsOn,
    });
    this.kubeDnsIp = props.kubeDnsIp;
    this.localIp = props.localIp ?? NODE_LOCAL_DNS_DEFAULTS.localIp;
  }
}
