import { Construct } from 'constructs';
import { ConfigError, validateEnvironment, type ConfigIssue, type Environment } from '@boomi-eks/config';
import { StateStack } from './stacks/state-stack';
import { NetworkStack } from './stacks/network-stack';
import { ClusterStack } from './stacks/cluster-stack';
import { WorkloadsStack } from './stacks/workloads-stack';
import { CiAccessStack, ciAccessProps, type CiAccessConfig } from './stacks/ci-access-stack';

/** The stacks of one environment. */
export interface EnvironmentStacks {
  readonly network: NetworkStack;
  readonly cluster: ClusterStack;
  readonly workloads: WorkloadsStack;
}

/**
 * Validates every environment first (every problem of every file at once),
 * then builds the `state` stack and each environment's stacks.
 */
export function validateAll(inputs: Readonly<Record<string, unknown>>): Environment[] {
  const envs: Environment[] = [];
  const problems: { file: string; issues: readonly ConfigIssue[] }[] = [];
  for (const [file, input] of Object.entries(inputs)) {
    const result = validateEnvironment(input);
    if (result.ok) envs.push(result.environment);
    else problems.push({ file, issues: result.issues });
  }
  if (problems.length > 0) {
    const all = problems.flatMap((p) => p.issues.map((i) => ({ path: `${p.file}: ${i.path}`, message: i.message })));
    throw new ConfigError(problems.map((p) => p.file).join(', '), all);
  }
  const names = envs.map((e) => e.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new ConfigError(dup, [{ path: 'name', message: `('${dup}') is used by two environment files: names must be unique` }]);
  return envs;
}

export function buildPlatform(scope: Construct, envs: readonly Environment[], ci?: CiAccessConfig): Map<string, EnvironmentStacks> {
  const buckets = new Map(envs.map((e) => [e.state.bucket, e]));
  if (buckets.size > 1) {
    throw new ConfigError('state', [
      {
        path: 'state.bucket',
        message: `environments name ${buckets.size} state buckets (${[...buckets.keys()].join(', ')}): the state stack manages one per account; use one bucket`,
      },
    ]);
  }
  const regions = new Set(envs.map((e) => e.state.region));
  if (regions.size > 1) {
    throw new ConfigError('state', [
      {
        path: 'state.region',
        message: `environments put the state bucket in ${regions.size} regions (${[...regions].join(', ')}): the bucket has one; set state.region to it in every environment file`,
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
    const network = new NetworkStack(scope, env);
    const cluster = new ClusterStack(scope, env, { network: network.network });
    const workloads = new WorkloadsStack(scope, env, { cluster });
    stacks.set(env.name, { network, cluster, workloads });
  }
  return stacks;
}
