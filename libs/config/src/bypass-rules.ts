/**
 * Validated values cannot be bypassed: an `autoscaler.extraArgs` flag may not
 * set what a schema field owns (the field is validated, the flag is not), and
 * JVM options that size the heap must be readable so the heap rule sees them.
 */
import { configIssue as issue, type ConfigIssue } from './errors';
import type { Environment } from './environment-types';
import { CLUSTER_AUTOSCALER_FLAGS } from '@boomi-eks/autoscaling/rules';

type Rule = (env: Environment) => ConfigIssue[];

/**
 * cluster-autoscaler flags that a field sets (the autoscaling lib's
 * CLUSTER_AUTOSCALER_FLAGS: the flag each input renders), or that the chart
 * derives from the platform's values (`cloud-provider`, `aws-region`,
 * `node-group-auto-discovery`).
 */
export const AUTOSCALER_OWNED_FLAGS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(CLUSTER_AUTOSCALER_FLAGS).map(([field, flag]) => [flag, `autoscaler.${field}`])),
  'cloud-provider': 'the platform (always aws)',
  'aws-region': 'region',
  'node-group-auto-discovery': 'cluster.name (the chart discovers the cluster\'s node groups by its tags)',
};

/** The flag a key sets: `--max-nodes-total`, `max-nodes-total_1` (the chart strips `_<n>`) → `max-nodes-total`. */
export function flagOfExtraArg(key: string): string {
  return key.trim().replace(/^-+/, '').replace(/=.*$/, '').replace(/_\d+$/, '');
}

export const extraArgsOwnedFlags: Rule = (env) =>
  Object.keys(env.autoscaler.extraArgs).flatMap((key) => {
    const owner = AUTOSCALER_OWNED_FLAGS[flagOfExtraArg(key)];
    if (!owner) return [];
    const field = owner.startsWith('autoscaler.') || owner === 'region' || owner.startsWith('cluster.name');
    return [
      issue(
        `autoscaler.extraArgs.${key}`,
        env.autoscaler.extraArgs[key],
        `sets --${flagOfExtraArg(key)}, which ${field ? `the field ${owner} sets` : `is set by ${owner}`} (and validates)`,
        (field ? `remove it from extraArgs and set ${owner.split(' ')[0]} instead` : 'remove it from extraArgs'),
      ),
    ];
  });

/** -XX:MaxRAMPercentage and -XX:MaxRAM the heap rule cannot read are refused, like an unreadable -Xmx. */
export const heapOptionsReadable: Rule = (env) => {
  const out: ConfigIssue[] = [];
  const opts = env.molecule.vmOptionsOverrides.split('|').map((o) => o.trim());
  for (const o of opts) {
    const pct = /^-XX:MaxRAMPercentage=(.*)$/.exec(o);
    if (pct && !(/^\d+(\.\d+)?$/.test(pct[1]) && Number(pct[1]) > 0 && Number(pct[1]) <= 100)) {
      out.push(
        issue(
          'molecule.vmOptionsOverrides',
          env.molecule.vmOptionsOverrides,
          `has '${o}', which the heap rule cannot read`,
          'write -XX:MaxRAMPercentage=<n> with n above 0 and at most 100, e.g. -XX:MaxRAMPercentage=60',
        ),
      );
    }
    const ram = /^-XX:MaxRAM=(.*)$/.exec(o);
    if (ram && !/^\d+[kKmMgGtT]?$/.test(ram[1])) {
      out.push(issue('molecule.vmOptionsOverrides', env.molecule.vmOptionsOverrides, `has '${o}', which the heap rule cannot read`, 'write -XX:MaxRAM=<n>[k|m|g|t], e.g. -XX:MaxRAM=2g'));
    }
  }
  return out;
};

export const BYPASS_RULES: readonly Rule[] = [extraArgsOwnedFlags, heapOptionsReadable];
