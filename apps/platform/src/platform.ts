import { Construct, type IConstruct } from 'constructs';
import { Aspects, type IAspect } from 'cdktf';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { ConfigError, checkAcrossEnvironments, validateEnvironment, type ConfigIssue, type Environment, type ValidationOptions } from '@boomi-eks/config';
import { StateStack } from './stacks/state-stack';
import { NetworkStack } from './stacks/network-stack';
import { ClusterStack } from './stacks/cluster-stack';
import { WorkloadsStack } from './stacks/workloads-stack';
import { CiAccessStack, ciAccessProps, ciNames, iamArn, type CiAccessConfig } from './stacks/ci-access-stack';
import { partitionOf } from './aws-arns';

/** The stacks of one environment. */
export interface EnvironmentStacks {
  readonly network: NetworkStack;
  readonly cluster: ClusterStack;
  readonly workloads: WorkloadsStack;
}

/**
 * Validates every environment first (every problem of every file at once),
 * then builds the `state` stack and each environment's stacks. `options.today`
 * is the day the Kubernetes lifecycle rules judge against (default: now).
 */
export function validateAll(inputs: Readonly<Record<string, unknown>>, options: ValidationOptions = {}): Environment[] {
  const envs: Environment[] = [];
  const files = new Map<Environment, string>();
  const problems: { file: string; issues: readonly ConfigIssue[] }[] = [];
  for (const [file, input] of Object.entries(inputs)) {
    const result = validateEnvironment(input, options);
    if (result.ok) {
      envs.push(result.environment);
      files.set(result.environment, file);
    } else problems.push({ file, issues: result.issues });
  }
  // Names two environments of one account (and region) would both create (cross-environment.ts);
  // a name used twice is reported below on its own.
  if (problems.length === 0 && new Set(envs.map((e) => e.name)).size === envs.length) {
    for (const { environment, issue } of checkAcrossEnvironments(envs)) {
      const file = files.get(envs.find((e) => e.name === environment)!)!;
      const entry = problems.find((p) => p.file === file);
      if (entry) (entry.issues as ConfigIssue[]).push(issue);
      else problems.push({ file, issues: [issue] });
    }
  }
  if (problems.length > 0) {
    const all = problems.flatMap((p) => p.issues.map((i) => ({ ...i, path: `${p.file}: ${i.path}` })));
    throw new ConfigError(problems.map((p) => p.file).join(', '), all);
  }
  const names = envs.map((e) => e.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new ConfigError(dup, [{ path: 'name', value: dup, message: 'is used by two environment files', fix: 'names must be unique' }]);
  return envs;
}

export function buildPlatform(scope: Construct, envs: readonly Environment[], ci?: CiAccessConfig): Map<string, EnvironmentStacks> {
  const buckets = new Map(envs.map((e) => [e.state.bucket, e]));
  if (buckets.size > 1) {
    throw new ConfigError('state', [
      {
        path: 'state.bucket',
        value: [...buckets.keys()],
        message: `environments name ${buckets.size} state buckets`,
        fix: 'the state stack manages one per account; use one bucket',
      },
    ]);
  }
  const regions = new Set(envs.map((e) => e.state.region));
  if (regions.size > 1) {
    throw new ConfigError('state', [
      {
        path: 'state.region',
        value: [...regions],
        message: `environments put the state bucket in ${regions.size} regions`,
        fix: 'the bucket has one; set state.region to it in every environment file',
      },
    ]);
  }
  const first = envs[0];
  if (first) {
    new StateStack(scope, 'state', {
      bucket: first.state.bucket,
      region: first.state.region,
      accountId: first.accountId,
      accessLogBucket: first.state.accessLogBucket,
    });
    if (ci) new CiAccessStack(scope, 'ci-access', ciAccessProps(envs, ci));
  }
  const stacks = new Map<string, EnvironmentStacks>();
  for (const env of envs) {
    const partition = partitionOf(env.region);
    const names = ci ? ciNames(ci.roleNamePrefix) : undefined;
    const network = new NetworkStack(scope, env);
    const cluster = new ClusterStack(scope, env, {
      network: network.network,
      ciPlanRoleArn: names ? iamArn(partition, env.accountId, 'role', names.plan) : undefined,
    });
    const workloads = new WorkloadsStack(scope, env, { cluster, ciPlanAccess: cluster.ciPlanAccessEntry !== undefined });
    if (names) {
      // The deploy role may create and change these roles only while they carry the boundary.
      const boundary = new PermissionsBoundary(iamArn(partition, env.accountId, 'policy', names.boundary));
      for (const stack of [network, cluster, workloads]) Aspects.of(stack).add(boundary);
    }
    stacks.set(env.name, { network, cluster, workloads });
  }
  return stacks;
}

/**
 * Puts a permissions boundary on every IAM role of a stack, whichever
 * library made it (ci-access's `<prefix>-workload-boundary`): the deploy role
 * may only create, change or attach policies to roles that carry it.
 * Adding it to an existing role is an in-place update.
 */
export class PermissionsBoundary implements IAspect {
  constructor(readonly policyArn: string) {}

  visit(node: IConstruct): void {
    if (node instanceof IamRole) node.permissionsBoundary = this.policyArn;
  }
}
