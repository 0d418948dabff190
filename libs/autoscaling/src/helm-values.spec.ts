import { parse } from 'yaml';
import { mergeValues, toHelmValuesYaml } from './helm-values';

describe('mergeValues', () => {
  it('merges objects key by key and replaces arrays and scalars', () => {
    const base = { a: { b: 1, c: [1, 2] }, d: 'x' };
    expect(mergeValues(base, { a: { c: [3] }, d: 'y', e: true })).toEqual({ a: { b: 1, c: [3] }, d: 'y', e: true });
    expect(base).toEqual({ a: { b: 1, c: [1, 2] }, d: 'x' });
  });
});

describe('toHelmValuesYaml', () => {
  it('escapes every literal ${ but leaves cdktf tokens alone', () => {
    const text = toHelmValuesYaml({ a: '${x} and ${y}', b: '${TfToken[TOKEN.7]}' });
    expect(text).toContain('a: $${x} and $${y}');
    expect(text).toContain('b: ${TfToken[TOKEN.7]}');
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
