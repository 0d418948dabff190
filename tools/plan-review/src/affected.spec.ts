import { affectedStacks, dependencyOrder, dependentsOf } from './affected';
import { diffStacks } from './diff-stacks';
import { baseSynth, headSynth } from '../test/fixtures';
import type { Manifest } from './types';

const platform: Manifest = {
  stacks: {
    state: { dependencies: [] },
    'prod-workloads': { dependencies: ['prod-cluster'] },
    'prod-cluster': { dependencies: ['prod-network'] },
    'prod-network': { dependencies: [] },
    'dev-workloads': { dependencies: ['dev-cluster'] },
    'dev-cluster': { dependencies: ['dev-network'] },
    'dev-network': { dependencies: [] },
  },
};

describe('dependencyOrder', () => {
  it('puts every stack after its dependencies and keeps one environment together', () => {
    expect(dependencyOrder(platform)).toEqual(['dev-network', 'dev-cluster', 'dev-workloads', 'prod-network', 'prod-cluster', 'prod-workloads', 'state']);
  });

  it('orders a subset, unknown ids last', () => {
    expect(dependencyOrder(platform, ['prod-workloads', 'zeta', 'dev-network', 'prod-network'])).toEqual(['dev-network', 'prod-network', 'prod-workloads', 'zeta']);
  });

  it('refuses a cycle, naming it', () => {
    expect(() => dependencyOrder({ stacks: { a: { dependencies: ['b'] }, b: { dependencies: ['a'] } } })).toThrow('stack dependency cycle: a → b → a');
  });
});

describe('dependentsOf', () => {
  it('finds direct and indirect dependents', () => {
    expect([...dependentsOf(platform, ['dev-network'])].sort()).toEqual(['dev-cluster', 'dev-workloads']);
    expect([...dependentsOf(platform, ['state'])]).toEqual([]);
  });
});

describe('affectedStacks', () => {
  const diffs = diffStacks(baseSynth().stacks, headSynth().stacks);

  it('lists changed and added stacks in dependency order, removed ones separately', () => {
    expect(affectedStacks(diffs, headSynth().manifest, baseSynth().manifest)).toEqual({ affected: ['net', 'jobs'], removed: ['legacy'] });
  });

  it('adds dependents for deploys, and leaves excluded stacks out', () => {
    expect(affectedStacks(diffs, headSynth().manifest, baseSynth().manifest, { withDependents: true }).affected).toEqual(['net', 'app', 'jobs']);
    expect(affectedStacks(diffs, headSynth().manifest, baseSynth().manifest, { exclude: ['net', 'legacy'] })).toEqual({ affected: ['jobs'], removed: [] });
  });

  it('lists removed stacks in destroy order (dependents first)', () => {
    const base: Manifest = { stacks: { a: { dependencies: [] }, b: { dependencies: ['a'] } } };
    const removed = diffStacks(new Map([['a', {}], ['b', {}]]), new Map());
    expect(affectedStacks(removed, { stacks: {} }, base).removed).toEqual(['b', 'a']);
  });
});
