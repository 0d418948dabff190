/**
 * Versions pinned per Kubernetes minor, in one place. A minor missing here is
 * refused at validation (`cluster.kubernetesVersion`), so an upgrade is a
 * reviewed change to this table, never a silent `most_recent`.
 *
 * Add-on versions: `aws eks describe-addon-versions --kubernetes-version <minor>
 * --addon-name <name>`. Autoscaler tag: the cluster-autoscaler release whose
 * minor equals the cluster's (upstream's compatibility rule).
 *
 * aws-efs-csi-driver is on the v3 line everywhere: Pod Identity for the node
 * daemonset's service account (needed by the `iam` mount option) starts there.
 */
export interface KubernetesRelease {
  /** EKS managed add-on versions. */
  readonly addons: {
    readonly 'vpc-cni': string;
    readonly coredns: string;
    readonly 'kube-proxy': string;
    readonly 'eks-pod-identity-agent': string;
    readonly 'aws-efs-csi-driver': string;
  };
  /** registry.k8s.io/autoscaling/cluster-autoscaler tag for this minor. */
  readonly clusterAutoscalerImageTag: string;
  /**
   * EKS add-ons installed only when a feature asks for them (not on every
   * cluster): `eks-node-monitoring-agent` with `nodeHealth.enabled`.
   */
  readonly optionalAddons: {
    readonly 'eks-node-monitoring-agent': string;
  };
}

/**
 * eks-node-monitoring-agent: one add-on line for every minor (the agent reads
 * node logs, not the Kubernetes API version). v1.4.0-eksbuild.2 is the build
 * public EKS 1.33 configurations pin next to coredns v1.12.x / kube-proxy
 * v1.33.x (the same generation as this catalog); before a deploy on 1.32 or
 * 1.34, confirm it with `aws eks describe-addon-versions --addon-name
 * eks-node-monitoring-agent --kubernetes-version <minor>`.
 */
const NODE_MONITORING_AGENT = 'v1.4.0-eksbuild.2';

export const KUBERNETES_RELEASES: Readonly<Record<string, KubernetesRelease>> = {
  '1.32': {
    addons: {
      'vpc-cni': 'v1.20.1-eksbuild.3',
      coredns: 'v1.11.4-eksbuild.24',
      'kube-proxy': 'v1.32.9-eksbuild.2',
      'eks-pod-identity-agent': 'v1.3.10-eksbuild.2',
      'aws-efs-csi-driver': 'v3.3.0-eksbuild.1',
    },
    clusterAutoscalerImageTag: 'v1.32.3',
    optionalAddons: { 'eks-node-monitoring-agent': NODE_MONITORING_AGENT },
  },
  '1.33': {
    addons: {
      'vpc-cni': 'v1.20.1-eksbuild.3',
      coredns: 'v1.12.4-eksbuild.1',
      'kube-proxy': 'v1.33.5-eksbuild.2',
      'eks-pod-identity-agent': 'v1.3.10-eksbuild.2',
      'aws-efs-csi-driver': 'v3.3.0-eksbuild.1',
    },
    clusterAutoscalerImageTag: 'v1.33.1',
    optionalAddons: { 'eks-node-monitoring-agent': NODE_MONITORING_AGENT },
  },
  '1.34': {
    addons: {
      'vpc-cni': 'v1.20.4-eksbuild.1',
      coredns: 'v1.12.4-eksbuild.1',
      'kube-proxy': 'v1.34.1-eksbuild.2',
      'eks-pod-identity-agent': 'v1.3.10-eksbuild.2',
      'aws-efs-csi-driver': 'v3.3.0-eksbuild.1',
    },
    clusterAutoscalerImageTag: 'v1.34.0',
    optionalAddons: { 'eks-node-monitoring-agent': NODE_MONITORING_AGENT },
  },
};

/** Minor of a tag or version: `v1.33.2` → `1.33`, `1.33` → `1.33`. */
export function minorOf(version: string): string | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(version);
  return m ? `${m[1]}.${m[2]}` : undefined;
}

// --- Storage and logging add-ons (issue 17), kept apart from KUBERNETES_RELEASES ---

/** Add-ons installed only with durable monitoring (`aws-ebs-csi-driver`) or container logs (`amazon-cloudwatch-observability`). */
export interface StorageAndLoggingAddons {
  readonly 'aws-ebs-csi-driver': string;
  readonly 'amazon-cloudwatch-observability': string;
}

/**
 * One build per minor. aws-ebs-csi-driver v1.48.0-eksbuild.2: the build public
 * EKS 1.33 Terraform pins next to coredns v1.12.4-eksbuild.1 (this catalog's
 * generation); EBS CSI add-on builds span several minors.
 * amazon-cloudwatch-observability v4.0.0-eksbuild.1: the build public EKS 1.32
 * Terraform pins next to coredns v1.11.4-eksbuild.2 / kube-proxy v1.32.0 (later
 * public configurations pin v4.5.0 and v6.x; the add-on supports several minors).
 * Both unverified against the EKS API here (no network): before a deploy, confirm with
 * `aws eks describe-addon-versions --kubernetes-version <minor> --addon-name <name>`.
 */
const STORAGE_AND_LOGGING: StorageAndLoggingAddons = {
  'aws-ebs-csi-driver': 'v1.48.0-eksbuild.2',
  'amazon-cloudwatch-observability': 'v4.0.0-eksbuild.1',
};

export const STORAGE_AND_LOGGING_ADDONS: Readonly<Record<string, StorageAndLoggingAddons>> = {
  '1.32': STORAGE_AND_LOGGING,
  '1.33': STORAGE_AND_LOGGING,
  '1.34': STORAGE_AND_LOGGING,
};
