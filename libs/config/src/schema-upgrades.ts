/**
 * Schema fields for Kubernetes upgrades (issue 15): the cluster's support
 * type and what node groups run. Composed into EnvironmentSchema (schema.ts);
 * the rules that join them to the lifecycle table and the instance types are
 * in upgrade-rules.ts.
 */
import { z } from 'zod';

/**
 * `cluster.supportType`, the cluster's EKS upgrade policy.
 * - `STANDARD`: when the minor reaches the end of standard support (14 months
 *   after its EKS release), EKS upgrades the control plane to the next minor
 *   on its own. No extended-support charge, but the environment file then
 *   names a minor the cluster left: upgrade before that date (synth warns 90
 *   days ahead).
 * - `EXTENDED`: the cluster stays on its minor for 12 more months at an extra
 *   cost per cluster-hour; EKS upgrades it on its own only at the end of
 *   extended support (validation refuses such a minor before that).
 */
export const SUPPORT_TYPES = ['STANDARD', 'EXTENDED'] as const;
export type SupportType = (typeof SUPPORT_TYPES)[number];
export const supportType = z.enum(SUPPORT_TYPES);

/**
 * Node AMI types (`aws_eks_node_group.ami_type`) this platform supports: EKS
 * optimized Amazon Linux 2023, x86_64 or ARM (Graviton). The capacity check
 * models AL2023's nodeadm allocatable (capacity.ts), so other AMI families
 * are not offered.
 */
export const AMI_TYPES = ['AL2023_x86_64_STANDARD', 'AL2023_ARM_64_STANDARD'] as const;
export type AmiType = (typeof AMI_TYPES)[number];
export const amiType = z.enum(AMI_TYPES);

/** The AMI type for each CPU architecture. */
export const AMI_TYPE_BY_ARCHITECTURE: Readonly<Record<'x86_64' | 'arm64', AmiType>> = {
  x86_64: 'AL2023_x86_64_STANDARD',
  arm64: 'AL2023_ARM_64_STANDARD',
};

/**
 * An EKS optimized AL2023 AMI release (`aws_eks_node_group.release_version`):
 * `<kubernetes version>-<build date>`, e.g. `1.36.0-20260715`.
 */
export const releaseVersion = z.string().regex(/^1\.\d+\.\d+-\d{8}$/, {
  message: "must be an EKS AMI release version such as '1.36.0-20260715' (<kubernetes version>-<YYYYMMDD>)",
});
