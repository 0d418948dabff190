/**
 * The cluster-autoscaler's defaults, as plain data (no cdktf, no cdk8s): the
 * construct and `@boomi-eks/config` both read them from here, so a default has
 * one owner. Loaded through the light entry point `@boomi-eks/autoscaling/rules`.
 */

/** The `--expander` values the autoscaler accepts. */
export const EXPANDERS = ['least-waste', 'random', 'most-pods', 'price', 'priority', 'least-nodes'] as const;
/** How the autoscaler picks a node group to grow (`--expander`). */
export type Expander = (typeof EXPANDERS)[number];

/** Seed 000's Deployment flags and resources: the defaults of every optional input of `clusterAutoscalerValues`. */
export const CLUSTER_AUTOSCALER_DEFAULTS = {
  expander: 'least-waste',
  balanceSimilarNodeGroups: true,
  skipNodesWithLocalStorage: false,
  skipNodesWithSystemPods: false,
  scaleDownUnneededTime: '1m',
  scaleDownDelayAfterAdd: '1m',
  scaleDownDelayAfterFailure: '1m',
  scanInterval: '5s',
  maxNodesTotal: 300,
  resources: {
    requests: { cpu: '100m', memory: '300Mi' },
    limits: { cpu: '100m', memory: '300Mi' },
  },
} as const;

/**
 * The command-line flag each input renders (`extraArgs` key, `--<flag>=<value>`),
 * in the order `clusterAutoscalerValues` writes them. `@boomi-eks/config` refuses
 * an `autoscaler.extraArgs` key that would override one of them (the field is
 * validated, the raw flag is not).
 */
export const CLUSTER_AUTOSCALER_FLAGS = {
  expander: 'expander',
  balanceSimilarNodeGroups: 'balance-similar-node-groups',
  skipNodesWithLocalStorage: 'skip-nodes-with-local-storage',
  skipNodesWithSystemPods: 'skip-nodes-with-system-pods',
  scaleDownUnneededTime: 'scale-down-unneeded-time',
  scaleDownDelayAfterAdd: 'scale-down-delay-after-add',
  scaleDownDelayAfterFailure: 'scale-down-delay-after-failure',
  scanInterval: 'scan-interval',
  maxNodesTotal: 'max-nodes-total',
} as const satisfies Record<Exclude<keyof typeof CLUSTER_AUTOSCALER_DEFAULTS, 'resources'>, string>;

/**
 * registry.k8s.io/autoscaling/cluster-autoscaler tag per Kubernetes minor: the
 * release whose minor equals the cluster's (upstream's compatibility rule), at
 * its latest patch: tags `cluster-autoscaler-1.32.7`, `-1.33.6`, `-1.34.5`,
 * `-1.35.2` and `-1.36.1` (published 2026-07-23) of kubernetes/autoscaler.
 * `@boomi-eks/config`'s KUBERNETES_RELEASES reads its `clusterAutoscalerImageTag`
 * from here; a new minor is added here first.
 */
export const CLUSTER_AUTOSCALER_IMAGE_TAGS: Readonly<Record<string, string>> = {
  '1.32': 'v1.32.7',
  '1.33': 'v1.33.6',
  '1.34': 'v1.34.5',
  '1.35': 'v1.35.2',
  '1.36': 'v1.36.1',
};
