import { CLUSTER_AUTOSCALER_IMAGE_TAGS } from '@boomi-eks/autoscaling/rules';

/**
 * Versions pinned per Kubernetes minor, in one place: every minor EKS offers
 * today (standard or extended support, see lifecycle.ts). A minor missing
 * here is refused at validation (`cluster.kubernetesVersion`), so an upgrade
 * is a reviewed change to this table, never a silent `most_recent`.
 *
 * Each pin names its source. Add-on builds come from the AWS add-on pages
 * ("latest version of the Amazon EKS add-on type for each Kubernetes
 * version"); before a deploy, `aws eks describe-addon-versions
 * --kubernetes-version <minor> --addon-name <name>` is the authority. Where a
 * build could not be confirmed for a minor from a public page, the comment
 * says so.
 *
 * Sources:
 * - kube-proxy, coredns: the version tables of
 *   https://docs.aws.amazon.com/eks/latest/userguide/managing-kube-proxy.html and
 *   https://docs.aws.amazon.com/eks/latest/userguide/managing-coredns.html
 *   (read in their newest stored form, the ja_jp `.md` pages, which list 1.32–1.36).
 * - vpc-cni v1.21.2-eksbuild.2, eks-pod-identity-agent v1.3.10-eksbuild.3,
 *   aws-efs-csi-driver v3.3.0-eksbuild.1, eks-node-monitoring-agent
 *   v1.6.6-eksbuild.1: pinned together by public EKS 1.36 configurations
 *   (July 2026), and eks-node-monitoring-agent v1.6.6-eksbuild.1 reported
 *   working on EKS 1.35. These add-ons ship one build line for every
 *   supported minor; the AWS pages' per-minor rows for 1.32–1.35 were not in
 *   the stored pages, so confirm them with describe-addon-versions.
 * - Autoscaler tags: owned by the autoscaling lib (CLUSTER_AUTOSCALER_IMAGE_TAGS
 *   in libs/autoscaling/src/autoscaler-defaults.ts, with their source), read here.
 *
 * aws-efs-csi-driver is on the v3 line everywhere. EKS Pod Identity for the
 * node daemonset's service account (needed by the `iam` mount option) has
 * been in the driver since v2.0.5 ("Add Pod Identity Support (#1254)",
 * CHANGELOG-2.x.md), so every pin here has it.
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
  /** registry.k8s.io/autoscaling/cluster-autoscaler tag for this minor (from `@boomi-eks/autoscaling/rules`). */
  readonly clusterAutoscalerImageTag: string;
  /** Karpenter (autoscaler.kind 'karpenter', issue 20): see KARPENTER_RELEASES. */
  readonly karpenter: KarpenterRelease;
  /**
   * EKS add-ons installed only when a feature asks for them (not on every
   * cluster): `eks-node-monitoring-agent` with `nodeHealth.enabled`.
   */
  readonly optionalAddons: {
    readonly 'eks-node-monitoring-agent': string;
  };
}

/** vpc-cni: one build for every minor (AWS recommends the latest CNI on all of them). Unconfirmed per minor for 1.32–1.35: see above. */
const VPC_CNI = 'v1.21.2-eksbuild.2';
/** eks-pod-identity-agent: one build line for every minor. Unconfirmed per minor for 1.32–1.35: see above. */
const POD_IDENTITY_AGENT = 'v1.3.10-eksbuild.3';
/** aws-efs-csi-driver: v3.3.0-eksbuild.1 on every minor (public pins for 1.33 through 1.36). */
const EFS_CSI_DRIVER = 'v3.3.0-eksbuild.1';
/**
 * eks-node-monitoring-agent: the agent reads node logs, not the Kubernetes
 * API, and ships one build line for every minor. v1.6.6-eksbuild.1 is
 * publicly pinned on 1.35 and 1.36; for 1.32–1.34 no public page shows it:
 * confirm before enabling nodeHealth on those minors.
 */
const NODE_MONITORING_AGENT = 'v1.6.6-eksbuild.1';

/**
 * Karpenter for `autoscaler.kind: 'karpenter'` (issue 20).
 * - Chart and controller 1.14.1 (oci://public.ecr.aws/karpenter/karpenter,
 *   tag v1.14.1 of aws/karpenter-provider-aws, 2026-08-20). Karpenter's
 *   compatibility matrix (website/content/en/v1.14/upgrading/compatibility.md):
 *   1.32 ≥ 1.2, 1.33 ≥ 1.5, 1.34 ≥ 1.6, 1.35 ≥ 1.9, 1.36 ≥ 1.13; 1.14.1 is
 *   the one release that covers every minor of this catalog. Its CRDs are
 *   `karpenter.sh/v1` NodePool and `karpenter.k8s.aws/v1` EC2NodeClass.
 * - Node AMI: `al2023@v20260714`, the amazon-eks-ami release whose changelog
 *   lists AL2023 AMIs for Kubernetes 1.30–1.36; Karpenter resolves the AMI of
 *   the cluster's minor from the alias, so a new AMI is a reviewed change here.
 */
export interface KarpenterRelease {
  /** Helm chart version (also the controller's image tag: the chart pins its digest). */
  readonly chartVersion: string;
  /** EC2NodeClass `amiSelectorTerms[].alias`. */
  readonly amiAlias: string;
}
const KARPENTER: KarpenterRelease = { chartVersion: '1.14.1', amiAlias: 'al2023@v20260714' };

const release = (minor: string, kubeProxy: string, coredns: string): KubernetesRelease => ({
  addons: {
    'vpc-cni': VPC_CNI,
    coredns,
    'kube-proxy': kubeProxy,
    'eks-pod-identity-agent': POD_IDENTITY_AGENT,
    'aws-efs-csi-driver': EFS_CSI_DRIVER,
  },
  clusterAutoscalerImageTag: CLUSTER_AUTOSCALER_IMAGE_TAGS[minor],
  karpenter: KARPENTER,
  optionalAddons: { 'eks-node-monitoring-agent': NODE_MONITORING_AGENT },
});

export const KUBERNETES_RELEASES: Readonly<Record<string, KubernetesRelease>> = {
  // extended support until 2027-03-23
  '1.32': release('1.32', 'v1.32.13-eksbuild.16', 'v1.11.4-eksbuild.40'),
  // extended support until 2027-07-29
  '1.33': release('1.33', 'v1.33.10-eksbuild.13', 'v1.12.4-eksbuild.18'),
  // standard support until 2026-12-02
  '1.34': release('1.34', 'v1.34.6-eksbuild.13', 'v1.13.2-eksbuild.11'),
  // standard support until 2027-03-27
  '1.35': release('1.35', 'v1.35.3-eksbuild.13', 'v1.14.3-eksbuild.3'),
  // standard support until 2027-08-02
  '1.36': release('1.36', 'v1.36.0-eksbuild.14', 'v1.14.3-eksbuild.3'),
};

/**
 * The default `cluster.kubernetesVersion`: the newest minor with the longest
 * standard support (1.36: standard support until 2027-08-02). A test checks it
 * against `recommendedMinor` (lifecycle.ts) for the day the catalog was edited.
 */
export const DEFAULT_KUBERNETES_VERSION = '1.36';


// --- Storage and logging add-ons (issue 17), kept apart from KUBERNETES_RELEASES ---

/** Add-ons installed only with durable monitoring (`aws-ebs-csi-driver`) or container logs (`amazon-cloudwatch-observability`). */
export interface StorageAndLoggingAddons {
  readonly 'aws-ebs-csi-driver': string;
  readonly 'amazon-cloudwatch-observability': string;
}

/**
 * One build for every minor (both add-ons ship builds that span several
 * minors). aws-ebs-csi-driver v1.56.0-eksbuild.1: public EKS Terraform pins it on
 * 1.34 ("latest version as of 2026-03-15") and on 1.30.
 * amazon-cloudwatch-observability v6.7.0-eksbuild.1: what a public 1.36
 * configuration recorded the add-on resolving to (next to kube-proxy
 * v1.36.0-eksbuild.45). Not read from the EKS API (unreachable here): before a
 * deploy, confirm with `aws eks describe-addon-versions --kubernetes-version
 * <minor> --addon-name <name>`, above all on 1.32 and 1.36, the ends of the range.
 */
const STORAGE_AND_LOGGING: StorageAndLoggingAddons = {
  'aws-ebs-csi-driver': 'v1.56.0-eksbuild.1',
  'amazon-cloudwatch-observability': 'v6.7.0-eksbuild.1',
};

export const STORAGE_AND_LOGGING_ADDONS: Readonly<Record<string, StorageAndLoggingAddons>> = {
  '1.32': STORAGE_AND_LOGGING,
  '1.33': STORAGE_AND_LOGGING,
  '1.34': STORAGE_AND_LOGGING,
  '1.35': STORAGE_AND_LOGGING,
  '1.36': STORAGE_AND_LOGGING,
};
