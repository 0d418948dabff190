/**
 * Names two environments may not share. Several environments may deploy to
 * one account and region (dev and qa side by side); the AWS names the stacks
 * derive from `cluster.name` and `name` must then differ: IAM role names are
 * unique per account (across regions, case-insensitively), EKS clusters, KMS
 * aliases, log groups, launch templates and EFS creation tokens per account
 * and region. A clash is refused here, not by a failed `terraform apply`.
 */
import type { ConfigIssue } from './errors';
import type { Environment } from './environment';
import { DERIVED_IAM_ROLES, type DerivedFeature } from './aws-facts';
import { ADDITIONAL_MOLECULE_NAMES } from './molecules';

/** Whether the environment turns on a feature that adds names. */
function hasFeature(env: Environment, feature: DerivedFeature | undefined): boolean {
  if (feature === 'containerLogs') return env.containerLogs.enabled;
  if (feature === 'durableMonitoring') return env.monitoring.enabled && env.monitoring.storage.enabled;
  return true;
}

/** One AWS name an environment's stacks create, and its uniqueness scope. */
export interface DerivedName {
  /** What the name names, e.g. `IAM role`. */
  readonly kind: string;
  /** `account`: unique per account; `region`: unique per account and region. */
  readonly scope: 'account' | 'region';
  readonly name: string;
  /** The field the name is built from. */
  readonly field: string;
  /** IAM compares names case-insensitively. */
  readonly caseInsensitive?: boolean;
}

/** Every account- or region-unique name an environment's stacks create. */
export function derivedNames(env: Environment): DerivedName[] {
  const c = env.cluster.name;
  const base = { 'cluster.name': c, name: env.name } as const;
  return [
    ...DERIVED_IAM_ROLES.filter((r) => hasFeature(env, r.feature) && (!r.autoscaler || (env.autoscaler.enabled && env.autoscaler.kind === r.autoscaler))).map((r) => ({ kind: 'IAM role', scope: 'account' as const, name: `${base[r.from]}${r.suffix}`, field: r.from, caseInsensitive: true })),
    // Several Molecules (issue 21): each additional Molecule's External Secrets Operator role (molecules.ts).
    ...env.additionalMolecules.map((m, i) => ({ kind: 'IAM role', scope: 'account' as const, name: ADDITIONAL_MOLECULE_NAMES.externalSecretsRole(c, m.name), field: `additionalMolecules[${i}].name`, caseInsensitive: true })),
    { kind: 'EKS cluster', scope: 'region', name: c, field: 'cluster.name' },
    { kind: 'KMS alias', scope: 'region', name: `alias/eks/${c}`, field: 'cluster.name' },
    ...(env.encryption.customerManagedKeys
      ? [
          { kind: 'KMS alias', scope: 'region' as const, name: `alias/${c}/data`, field: 'cluster.name' },
          { kind: 'KMS alias', scope: 'region' as const, name: `alias/${env.name}/network-logs`, field: 'name' },
        ]
      : []),
    { kind: 'CloudWatch log group', scope: 'region', name: `/aws/eks/${c}/cluster`, field: 'cluster.name' },
    { kind: 'CloudWatch log group', scope: 'region', name: `/aws/vpc/${env.name}/flow-logs`, field: 'name' },
    ...(env.containerLogs.enabled
      ? ['application', 'dataplane', 'host', 'performance'].map((g) => ({
          kind: 'CloudWatch log group',
          scope: 'region' as const,
          name: `/aws/containerinsights/${c}/${g}`,
          field: 'cluster.name',
        }))
      : []),
    { kind: 'EFS creation token', scope: 'region', name: `${c}-molecule`, field: 'cluster.name' },
    ...env.nodeGroups.map((g) => ({ kind: 'EC2 launch template', scope: 'region' as const, name: `${c}-${g.name}`, field: 'cluster.name' })),
    // Karpenter (issue 20): the interruption queue.
    ...(env.autoscaler.enabled && env.autoscaler.kind === 'karpenter'
      ? [{ kind: 'SQS queue', scope: 'region' as const, name: `${c}-karpenter`, field: 'cluster.name' }]
      : []),
  ];
}

/** One environment's problem found by comparing it with the others. */
export interface CrossEnvironmentIssue {
  /** The environment's `name`. */
  readonly environment: string;
  readonly issue: ConfigIssue;
}

/**
 * Every name two environments of one account (and region, for regional names)
 * would both create; each clash is reported on both environments, once per field.
 */
export function checkAcrossEnvironments(envs: readonly Environment[]): CrossEnvironmentIssue[] {
  const owners = new Map<string, { env: Environment; n: DerivedName }>();
  const out: CrossEnvironmentIssue[] = [];
  const reported = new Set<string>();
  const report = (env: Environment, other: Environment, n: DerivedName) => {
    const key = `${env.name}|${other.name}|${n.field}`;
    if (reported.has(key)) return;
    reported.add(key);
    const where = n.scope === 'account' ? `account ${env.accountId}` : `account ${env.accountId}, region ${env.region}`;
    const extra = /^additionalMolecules\[(\d+)\]\.name$/.exec(n.field);
    const value = n.field === 'cluster.name' ? env.cluster.name : extra ? env.additionalMolecules[Number(extra[1])].name : env.name;
    out.push({
      environment: env.name,
      issue: {
        path: n.field,
        value,
        message: `makes the ${n.kind} '${n.name}', which environment '${other.name}' also creates in ${where}`,
        fix: `give each environment its own ${n.field}`,
      },
    });
  };
  for (const env of envs) {
    for (const n of derivedNames(env)) {
      const name = n.caseInsensitive ? n.name.toLowerCase() : n.name;
      const key = `${n.kind}|${env.accountId}|${n.scope === 'region' ? env.region : '*'}|${name}`;
      const owner = owners.get(key);
      if (owner && owner.env !== env) {
        report(owner.env, env, owner.n);
        report(env, owner.env, n);
      } else if (!owner) {
        owners.set(key, { env, n });
      }
    }
  }
  return out;
}
