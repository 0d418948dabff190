import { parse } from 'yaml';
import { mergeValues, toHelmValuesYaml } from './helm-values';

describe('mergeValues', () => {
  it('merges objects key by key and replaces arrays and scalars', () => {
    const base = { a: { b: 1, c: [1, 2] }, d: 'x' };
    expect(mergeValues(base, { a: { c: [3] }, d: 'y', e: true })).toEqual({ a: { b: 1, c: [3] }, d: 'y', e: true });
    expect(base).toEqual({ a: { b: 1, c: [1, 2] }, d: 'x' });
  });

  it('keeps the base key order and appends new keys (the rendered YAML depends on it)', () => {
    expect(Object.keys(mergeValues({ a: 1, b: 2, c: 3 }, { b: 20, z: 0 }))).toEqual(['a', 'b', 'c', 'z']);
  });

  it('lets an override replace an object with a scalar, and null remove a chart default', () => {
    expect(mergeValues({ a: { b: 1 } }, { a: 'flat' })).toEqual({ a: 'flat' });
    expect(mergeValues({ a: { b: 1 } }, { a: { b: null } })).toEqual({ a: { b: null } });
  });

  it('returns the base unchanged without an override', () => {
    const base = { a: 1 };
    expect(mergeValues(base, undefined)).toBe(base);
  });
});

describe('toHelmValuesYaml', () => {
  it('escapes every literal ${ and %{ but leaves cdktf tokens alone', () => {
    const text = toHelmValuesYaml({ a: '${x} and ${y}', b: '${TfToken[TOKEN.7]}', c: '%{ if }' });
    expect(text).toContain('a: $${x} and $${y}');
    expect(text).toContain('b: ${TfToken[TOKEN.7]}');
    expect(parse(text).c).toBe('%%{ if }');
  });

  it('never folds long lines', () => {
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    expect(toHelmValuesYaml({ long }).trim().split('\n')).toHaveLength(1);
    expect(parse(toHelmValuesYaml({ long }))).toEqual({ long });
  });

  it('keeps string annotation values quoted', () => {
    expect(parse(toHelmValuesYaml({ a: 'true', b: '8085' }))).toEqual({ a: 'true', b: '8085' });
  });
});
