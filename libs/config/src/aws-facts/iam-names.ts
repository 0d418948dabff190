/**
 * IAM name limits, and every IAM role name this project derives from an
 * environment, as data.
 *
 * Source: IAM User Guide, "IAM and AWS STS quotas" (docs.aws.amazon.com/IAM/
 * latest/UserGuide/reference_iam-quotas.html): role names at most 64
 * characters, policy names at most 128, characters `[\w+=,.@-]`; role names are
 * unique per account (case-insensitively), across regions.
 */

/** Longest IAM role name. */
export const IAM_ROLE_NAME_MAX = 64;
/** Longest IAM policy name (inline or managed). */
export const IAM_POLICY_NAME_MAX = 128;
/** Characters IAM allows in role and policy names. */
export const IAM_NAME_CHARSET = /^[\w+=,.@-]+$/;

/** Which field a derived name is built from. */
export type DerivedFrom = 'cluster.name' | 'name';

/** A feature of the environment that adds a role (none: the role is always there). */
export type DerivedFeature = 'containerLogs' | 'durableMonitoring';

/**
 * The IAM roles the stacks create, by the field their name is built from and
 * the suffix appended to it. Where each is made (a test in apps/platform checks
 * that a synthesized environment has exactly these role names):
 * - `-cluster`: libs/eks `cluster.ts` (the EKS cluster role);
 * - `-node`: libs/eks `node-groups.ts` (the node role);
 * - `-efs-csi-controller`, `-efs-csi-node`: libs/efs `efs-csi-identity.ts`;
 * - `-cluster-autoscaler`: libs/autoscaling `cluster-autoscaler-identity.ts`;
 * - `-external-secrets`: apps/platform cluster stack (External Secrets Operator's Pod Identity role);
 * - `-cloudwatch-agent`: libs/eks `container-logs.ts` (with `containerLogs.enabled`);
 * - `-ebs-csi-controller`: libs/eks `ebs-csi-identity.ts` (with durable monitoring);
 * - `-karpenter`, `-karpenter-node`: libs/autoscaling `karpenter-identity.ts` (kind 'karpenter');
 * - `<name>-vpc-flow-logs`: libs/network `flow-log.ts`.
 * Each of `additionalMolecules` adds `<cluster.name>-external-secrets-<its name>` (its
 * External Secrets Operator's role, apps/platform cluster stack): named from two fields, so
 * not in this table; molecules.ts names it, rules-molecules.ts checks its length and
 * cross-environment.ts lists it with the derived names.
 * The account's ci-access stack names its roles from a constant prefix
 * (`boomi-molecule-ci-plan`, `-deploy`), and every inline policy name is a
 * constant (`inline`, `deliver-to-cloudwatch`, `terraform-state-and-plan-inputs`,
 * `guard-rails`): apps/platform `test/policy/derived-names.policy.ts` checks every
 * role and policy name of a synth against these limits.
 */
export const DERIVED_IAM_ROLES: readonly {
  readonly from: DerivedFrom;
  readonly suffix: string;
  /** Made only with this environment feature. @default - always */
  readonly feature?: DerivedFeature;
  /** Made only with this `autoscaler.kind` (and the autoscaler enabled). @default - always */
  readonly autoscaler?: 'cluster-autoscaler' | 'karpenter';
}[] = [
  { from: 'cluster.name', suffix: '-cluster' },
  { from: 'cluster.name', suffix: '-node' },
  { from: 'cluster.name', suffix: '-efs-csi-controller' },
  { from: 'cluster.name', suffix: '-efs-csi-node' },
  { from: 'cluster.name', suffix: '-cluster-autoscaler', autoscaler: 'cluster-autoscaler' },
  { from: 'cluster.name', suffix: '-external-secrets' },
  { from: 'cluster.name', suffix: '-cloudwatch-agent', feature: 'containerLogs' },
  { from: 'cluster.name', suffix: '-ebs-csi-controller', feature: 'durableMonitoring' },
  { from: 'cluster.name', suffix: '-karpenter', autoscaler: 'karpenter' },
  { from: 'cluster.name', suffix: '-karpenter-node', autoscaler: 'karpenter' },
  { from: 'name', suffix: '-vpc-flow-logs' },
];

/** The longest suffix appended to a field, so the longest value that field may hold. */
export function maxBaseLength(from: DerivedFrom): number {
  const longest = Math.max(...DERIVED_IAM_ROLES.filter((r) => r.from === from).map((r) => r.suffix.length));
  return IAM_ROLE_NAME_MAX - longest;
}
