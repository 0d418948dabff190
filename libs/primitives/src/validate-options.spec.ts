import { unresolvedOf } from './validate-options';

describe('unresolvedOf', () => {
  it('takes every value literally when no predicate is given', () => {
    expect(unresolvedOf({})('${TfToken[TOKEN.1]}')).toBe(false);
  });

  it('uses the predicate a construct passes (cdktf Token.isUnresolved)', () => {
    const isToken = (v: unknown) => typeof v === 'string' && v.startsWith('${');
    expect(unresolvedOf({ isUnresolved: isToken })('${TfToken[TOKEN.1]}')).toBe(true);
    expect(unresolvedOf({ isUnresolved: isToken })('1.36')).toBe(false);
  });
});
