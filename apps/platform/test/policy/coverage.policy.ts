// The policy specs read "every stack of every environment". This one proves
// that the set they iterate over really is that: the shipped environments, the
// generated one, and nothing unaccounted for.
import { moleculesOf } from '@boomi-eks/config';
import { GENERATED_ENV, GENERATED_KARPENTER_ENV, GENERATED_MOLECULES_ENV, classify, shippedInputs, synthesizePlatform } from './platform-under-test';

const platform = synthesizePlatform();

describe('what the policy specs iterate over', () => {
  it('includes the generated environment, in another region than the shipped ones', () => {
    const stage = platform.envs.find((e) => e.name === GENERATED_ENV)!;
    expect(stage).toBeDefined();
    const shippedRegions = platform.envs.filter((e) => e !== stage).map((e) => e.region);
    expect(shippedRegions).not.toContain(stage.region);
  });

  it('has every shipped environment file plus the generated ones (stage, kstage with Karpenter, teams with two Molecules)', () => {
    expect(platform.envs).toHaveLength(Object.keys(shippedInputs()).length + 3);
    expect(platform.envs.find((e) => e.name === GENERATED_KARPENTER_ENV)?.autoscaler.kind).toBe('karpenter');
  });

  it('includes an environment with two Molecules that differ in namespace, atom name, secret and HPA bounds', () => {
    const teams = platform.envs.find((e) => e.name === GENERATED_MOLECULES_ENV)!;
    const [a, b] = moleculesOf(teams);
    expect(moleculesOf(teams)).toHaveLength(2);
    expect(a.molecule.namespace).not.toBe(b.molecule.namespace);
    expect(a.molecule.atomName).not.toBe(b.molecule.atomName);
    expect(a.molecule.auth.secretName).not.toBe(b.molecule.auth.secretName);
    expect([a.hpa.minReplicas, a.hpa.maxReplicas]).not.toEqual([b.hpa.minReplicas, b.hpa.maxReplicas]);
  });

  it('gives every environment its network, cluster and workloads stacks', () => {
    for (const env of platform.envs) {
      const kinds = platform.stacks.filter((s) => s.env === env).map((s) => s.kind).sort();
      expect({ env: env.name, kinds }).toEqual({ env: env.name, kinds: ['cluster', 'network', 'workloads'] });
    }
  });

  it('leaves no stack unaccounted for: each is an account-wide stack (state, ci-access) or belongs to one environment', () => {
    const orphans = platform.stacks.filter((s) => !s.env).map((s) => s.id);
    expect(orphans).toEqual(['ci-access', 'state']);
  });

  it('maps a stack id to the longest environment name that prefixes it', () => {
    const envs = [{ name: 'a' }, { name: 'a-b' }] as unknown as Parameters<typeof classify>[1];
    expect(classify('a-b-network', envs)).toEqual({ env: envs[1], kind: 'network' });
    expect(classify('a-network', envs)).toEqual({ env: envs[0], kind: 'network' });
    expect(classify('state', envs)).toEqual({ kind: 'state' });
  });
});
