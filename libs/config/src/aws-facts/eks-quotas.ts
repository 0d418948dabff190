/**
 * Amazon EKS service quotas that an environment can run into at deploy time.
 *
 * Source: Amazon EKS User Guide, "View and manage Amazon EKS and Fargate
 * service quotas" (docs.aws.amazon.com/eks/latest/userguide/service-quotas.html).
 * These are the default values; when your account has a raised quota, change
 * the number here (one reviewed line) rather than working around the check.
 */
export const EKS_QUOTAS = {
  /** Managed node groups per cluster (default quota, adjustable). */
  managedNodeGroupsPerCluster: 30,
  /** Nodes per managed node group (default quota, adjustable). */
  nodesPerManagedNodeGroup: 450,
} as const;
