/**
 * Schema fields for Kubernetes upgrades (issue 15): the cluster's support
 * type and what node groups run. Composed into EnvironmentSchema (schema.ts);
 * the rules that join them to the lifecycle table and the instance types are
 * in upgrade-rules.ts.
 */
import { z } from 'zod';
import { AMI_TYPE_BY_ARCHITECTURE, NODE_AMI_TYPES, SUPPORT_TYPES, type NodeAmiType, type SupportType } from '@boomi-eks/eks/rules';

/**
 * `cluster.supportType`, the cluster's EKS upgrade policy (the values are the eks lib's).
 * - `STANDARD`: when the minor reaches the end of standard support (14 months
 *   after its EKS release), EKS upgrades the control plane to the next minor
 *   on its own. No extended-support charge, but the environment file then
 *   names a minor the cluster left: upgrade before that date (synth warns 90
 *   days ahead).
 * - `EXTENDED`: the cluster stays on its minor for 12 more months at an extra
 *   cost per cluster-hour; EKS upgrades it on its own only at the end of
 *   extended support (validation refuses such a minor before that).
 */
export { SUPPORT_TYPES, type SupportType };
export const supportType = z.enum(SUPPORT_TYPES);

/**
 * Node AMI types (`aws_eks_node_group.ami_type`) this platform supports: EKS
 * optimized Amazon Linux 2023, x86_64 or ARM (Graviton). The capacity check
 * models AL2023's nodeadm allocatable (capacity.ts), so other AMI families
 * are not offered.
 */
export const AMI_TYPES = NODE_AMI_TYPES;
export type AmiType = NodeAmiType;
export const amiType = z.enum(AMI_TYPES);

/** The AMI type for each CPU architecture (the eks lib's). */
export { AMI_TYPE_BY_ARCHITECTURE };

/**
 * An EKS optimized AL2023 AMI release (`aws_eks_node_group.release_version`):
 * `<kubernetes version>-<build date>`, e.g. `1.36.0-20260715`.
 */
export const releaseVersion = z.string().regex(/^1\.\d+\.\d+-\d{8}$/, {
  message: "must be an EKS AMI release version such as '1.36.0-20260715' (<kubernetes version>-<YYYYMMDD>)",
});
