import { EKS_ADDON_BUILD, validateClusterAddons, validatePodIdentityRole } from '@boomi-eks/eks/rules';

describe('validateClusterAddons', () => {
  const paths = (addons: { name: string; version: string }[]) => validateClusterAddons({ addons }).map((i) => i.path);

  it.each([
    ['v1.21.2-eksbuild.2', []],
    ['v1.21.2', ['addons[0].version']],
    ['1.21.2-eksbuild.2', ['addons[0].version']],
    ['latest', ['addons[0].version']],
  ])('version %p → %j', (version, expected) => {
    expect(paths([{ name: 'vpc-cni', version }])).toEqual(expected);
    expect(EKS_ADDON_BUILD.test(version)).toBe(expected.length === 0);
  });

  it('refuses an add-on listed twice, at the second entry', () => {
    expect(paths([{ name: 'coredns', version: 'v1.14.3-eksbuild.3' }, { name: 'coredns', version: 'v1.14.3-eksbuild.3' }])).toEqual(['addons[1].name']);
  });

  it('skips a version the isUnresolved predicate marks', () => {
    expect(validateClusterAddons({ addons: [{ name: 'vpc-cni', version: 'TOKEN' }] }, { isUnresolved: (v) => v === 'TOKEN' })).toEqual([]);
  });
});

describe('validatePodIdentityRole', () => {
  it.each([
    [64, []],
    [65, ['roleName']],
  ])('a %i-character name → %j', (length, expected) => {
    expect(validatePodIdentityRole({ roleName: 'r'.repeat(length) }).map((i) => i.path)).toEqual(expected);
  });

  it('skips a name the isUnresolved predicate marks', () => {
    const long = 'x'.repeat(80);
    expect(validatePodIdentityRole({ roleName: long }, { isUnresolved: (v) => v === long })).toEqual([]);
  });
});
