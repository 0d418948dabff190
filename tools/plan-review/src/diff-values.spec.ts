import { deepEqual, diffValues, parseEmbedded, renderPath } from './diff-values';

describe('diffValues', () => {
  it('finds nothing between equal values, whatever the key order', () => {
    expect(diffValues({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toEqual([]);
    expect(deepEqual({ a: null }, { a: null })).toBe(true);
    expect(deepEqual({ a: null }, {})).toBe(false);
  });

  it('reports added, removed and changed keys with their paths', () => {
    expect(diffValues({ a: 1, b: 2 }, { b: 3, c: 4 })).toEqual([
      { segments: ['a'], action: 'removed', before: 1 },
      { segments: ['b'], action: 'changed', before: 2, after: 3 },
      { segments: ['c'], action: 'added', after: 4 },
    ]);
  });

  it('compares lists of objects item by item, and reports plain lists that grew whole', () => {
    expect(diffValues({ l: [{ x: 1 }] }, { l: [{ x: 2 }, { x: 3 }] })).toEqual([
      { segments: ['l', 0, 'x'], action: 'changed', before: 1, after: 2 },
      { segments: ['l', 1], action: 'added', after: { x: 3 } },
    ]);
    expect(diffValues({ l: ['a'] }, { l: ['a', 'b'] })).toEqual([{ segments: ['l'], action: 'changed', before: ['a'], after: ['a', 'b'] }]);
    expect(diffValues({ l: ['a', 'b'] }, { l: ['a', 'c'] })).toEqual([{ segments: ['l', 1], action: 'changed', before: 'b', after: 'c' }]);
  });

  it('diffs inside JSON and multi-line YAML strings', () => {
    expect(diffValues({ p: '{"A":[1]}' }, { p: '{"A":[2]}' })).toEqual([{ segments: ['p', { embedded: 'json' }, 'A', 0], action: 'changed', before: 1, after: 2 }]);
    expect(diffValues({ v: ['replicas: 1\nimage: a\n'] }, { v: ['replicas: 2\nimage: a\n'] })).toEqual([
      { segments: ['v', 0, { embedded: 'yaml' }, 'replicas'], action: 'changed', before: 1, after: 2 },
    ]);
  });

  it('keeps a plain string change plain', () => {
    expect(diffValues('abc', 'abd')).toEqual([{ segments: [], action: 'changed', before: 'abc', after: 'abd' }]);
    expect(parseEmbedded('{not json')).toBeUndefined();
    expect(parseEmbedded('one line: yaml')).toBeUndefined();
    expect(parseEmbedded('just\ntext')).toBeUndefined();
  });
});

describe('renderPath', () => {
  it('writes keys, indexes, quoted odd keys and embedded documents', () => {
    expect(renderPath(['tags', 'kubernetes.io/role/elb'])).toBe('tags["kubernetes.io/role/elb"]');
    expect(renderPath(['ingress', 0, 'cidr_blocks', 1])).toBe('ingress[0].cidr_blocks[1]');
    expect(renderPath(['policy', { embedded: 'json' }, 'Statement', 0, 'Action'])).toBe('policy<json>.Statement[0].Action');
    expect(renderPath(['values', 0, { embedded: 'yaml' }, 'extraArgs', 'scan-interval'])).toBe('values[0]<yaml>.extraArgs.scan-interval');
  });
});
