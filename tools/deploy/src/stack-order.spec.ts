import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deployOrder, destroyOrder, readDependencies, type Dependencies } from './stack-order';

// the shape the shipped app has: state and ci-access stand alone; per environment network → cluster → workloads
const deps: Dependencies = new Map([
  ['state', []],
  ['ci-access', []],
  ['dev-network', []],
  ['dev-cluster', ['dev-network']],
  ['dev-workloads', ['dev-cluster']],
  ['prod-network', []],
  ['prod-cluster', ['prod-network']],
  ['prod-workloads', ['prod-cluster']],
]);

describe('deployOrder', () => {
  it('deploys what a stack depends on first, and nothing else', () => {
    expect(deployOrder(deps, ['dev-workloads'])).toEqual(['dev-network', 'dev-cluster', 'dev-workloads']);
    expect(deployOrder(deps, ['dev-cluster'])).toEqual(['dev-network', 'dev-cluster']);
    expect(deployOrder(deps, ['state'])).toEqual(['state']);
  });

  it('merges several targets without repeating a stack', () => {
    expect(deployOrder(deps, ['prod-cluster', 'dev-cluster', 'dev-network'])).toEqual(['dev-network', 'dev-cluster', 'prod-network', 'prod-cluster']);
  });

  it('names the stacks when one is unknown', () => {
    expect(() => deployOrder(deps, ['dev-clustr'])).toThrow(/unknown stack 'dev-clustr': the stacks are ci-access, dev-cluster/);
    expect(() => deployOrder(deps, [])).toThrow(/name at least one stack/);
  });

  it('refuses a dependency cycle', () => {
    expect(() => deployOrder(new Map([['a', ['b']], ['b', ['a']]]), ['a'])).toThrow(/cycle through/);
  });
});

describe('destroyOrder', () => {
  it('destroys what depends on a stack first', () => {
    expect(destroyOrder(deps, ['dev-network'])).toEqual(['dev-workloads', 'dev-cluster', 'dev-network']);
    expect(destroyOrder(deps, ['prod-workloads'])).toEqual(['prod-workloads']);
  });
});

describe('readDependencies', () => {
  it('reads cdktf.out/manifest.json', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-order-'));
    const file = path.join(dir, 'manifest.json');
    fs.writeFileSync(file, JSON.stringify({ version: '0.21.0', stacks: { a: { dependencies: [] }, b: { dependencies: ['a'] }, c: {} } }));
    try {
      expect([...readDependencies(file)]).toEqual([['a', []], ['b', ['a']], ['c', []]]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
