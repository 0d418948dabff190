/**
 * What the CI plan role may see in a cluster, and where each stack is planned.
 * Pure functions over the validated environments: the cluster stack (access
 * entry), the workloads stack (RBAC for what the EKS view policy lacks) and
 * the synth's `ci-plan-routes.json` (read by .github/workflows/plan.yml) all
 * use them, so they cannot disagree.
 */
import { ADDITIONAL_MOLECULE_NAMES, type Environment } from '@boomi-eks/config';
import { CLUSTER_AUTOSCALER_NAMESPACE, METRICS_SERVER_NAMESPACE } from '@boomi-eks/autoscaling';
import { EXTERNAL_SECRETS_DEFAULTS, NODE_LOCAL_DNS_NAMESPACE, NODE_PROBLEM_DETECTOR_NAMESPACE } from '@boomi-eks/cluster-addons';

/** Kubernetes group of the plan role's access entry; the workloads stack's ClusterRoleBinding names it. */
export const CI_PLAN_GROUP = 'boomi:ci-plan';
/** The ClusterRole (and its binding) that adds what AmazonEKSViewPolicy lacks. */
export const CI_PLAN_CLUSTER_ROLE = 'boomi-ci-plan-read';

/** EKS access policies of the plan role (arn:<partition>:eks::aws:cluster-access-policy/<name>). */
export const CI_PLAN_ACCESS_POLICIES = {
  /** Cluster-wide read of most kinds; no Secrets, no RBAC, no storage classes, PVs or custom resources. */
  view: 'AmazonEKSViewPolicy',
  /** get/list/watch Secrets; associated only with the Helm release namespaces. */
  secretReader: 'AmazonEKSSecretReaderPolicy',
} as const;

/**
 * Namespaces of the workloads stack's Helm releases: the helm provider reads
 * each release's state from Secrets in its namespace (`sh.helm.release.v1.*`),
 * so a plan needs Secret read there, and only there. The Molecule's namespace
 * (where `boomi-secret` lives) is never one of them.
 */
export function helmReleaseNamespaces(env: Environment): string[] {
  const namespaces: string[] = [EXTERNAL_SECRETS_DEFAULTS.namespace];
  if (env.metricsServer.enabled) namespaces.push(METRICS_SERVER_NAMESPACE);
  if (env.autoscaler.enabled) namespaces.push(CLUSTER_AUTOSCALER_NAMESPACE);
  if (env.nodeHealth.enabled) namespaces.push(NODE_PROBLEM_DETECTOR_NAMESPACE);
  if (env.nodeLocalDns.enabled) namespaces.push(NODE_LOCAL_DNS_NAMESPACE);
  if (env.monitoring.enabled) namespaces.push(env.monitoring.namespace);
  // Each additional Molecule's own External Secrets Operator (several Molecules per cluster).
  for (const m of env.additionalMolecules) namespaces.push(ADDITIONAL_MOLECULE_NAMES.externalSecretsNamespace(m.name));
  // libs/config refuses a Molecule namespace among these (rules moleculeNamespace and rules-molecules.ts).
  return [...new Set(namespaces)].sort();
}

/** Whether CI plans this environment's workloads stack (and so whether the plan role gets cluster access). */
export function ciPlansWorkloads(env: Environment): boolean {
  return env.ci.workloadsPlan.runner !== 'none';
}

/** Where plan.yml runs `terraform plan` of one stack. */
export interface CiPlanRoute {
  readonly stack: string;
  /** `none`: not planned in CI (the PR comment says why). */
  readonly runner: 'github-hosted' | 'self-hosted' | 'none';
  /** `runs-on` of the plan job, as JSON (a label, or a list of labels). */
  readonly runsOn: string | readonly string[];
  /** Why the stack is not planned (runner `none`). */
  readonly reason?: string;
}

/** The GitHub-hosted runner of every stack that needs no cluster API. */
export const DEFAULT_PLAN_RUNNER = 'ubuntu-24.04';

/**
 * One route per stack id: `<env>-workloads` follows `ci.workloadsPlan` of its
 * environment; every other stack (AWS APIs only) a GitHub-hosted runner.
 */
export function ciPlanRoutes(envs: readonly Environment[], stackIds: readonly string[]): CiPlanRoute[] {
  const workloads = new Map(envs.map((e) => [`${e.name}-workloads`, e]));
  return stackIds.map((stack): CiPlanRoute => {
    const env = workloads.get(stack);
    if (!env) return { stack, runner: 'github-hosted', runsOn: DEFAULT_PLAN_RUNNER };
    const plan = env.ci.workloadsPlan;
    if (plan.runner === 'github-hosted') return { stack, runner: plan.runner, runsOn: plan.runsOn };
    if (plan.runner === 'self-hosted') return { stack, runner: plan.runner, runsOn: [...plan.labels] };
    return {
      stack,
      runner: 'none',
      runsOn: DEFAULT_PLAN_RUNNER,
      reason: `no CI path to the ${env.name} cluster API (ci.workloadsPlan.runner is 'none' in the ${env.name} environment file): set 'github-hosted' or 'self-hosted' to plan it here`,
    };
  });
}
