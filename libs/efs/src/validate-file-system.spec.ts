import { InvalidPropsError } from '@boomi-eks/primitives';
import { EFS_DEFAULTS, MAX_POSIX_ID, validateMoleculeAccessPoint, validateMoleculeFileSystemProps, validatePosixUser } from '@boomi-eks/efs';
import * as rules from '@boomi-eks/efs/rules';
import { synthConstruct } from '@boomi-eks/testing';
import { MoleculeFileSystem } from './molecule-file-system';

describe('validatePosixUser', () => {
  it.each([
    [{ uid: 0, gid: 0 }, []],
    [{ uid: MAX_POSIX_ID, gid: 1000 }, []],
    [{ uid: -1, gid: 1000 }, ['uid']],
    [{ uid: 1000, gid: MAX_POSIX_ID + 1 }, ['gid']],
    [{ uid: 1.5, gid: 1000 }, ['uid']],
  ])('%j → %j', (user, paths) => {
    expect(validatePosixUser(user).map((i) => i.path)).toEqual(paths);
  });

  it('names the value, the range and a fix', () => {
    expect(validatePosixUser({ uid: -1, gid: 1000 })).toEqual([
      { path: 'uid', value: -1, message: `must be an integer in 0..${MAX_POSIX_ID}`, fix: "use the image's user, e.g. 1000" },
    ]);
  });
});

describe('validateMoleculeFileSystemProps', () => {
  it('accepts the defaults, and they are frozen', () => {
    expect(validateMoleculeFileSystemProps(EFS_DEFAULTS)).toEqual([]);
    expect(Object.isFrozen(EFS_DEFAULTS.posixUser)).toBe(true);
    expect(rules.EFS_DEFAULTS).toBe(EFS_DEFAULTS);
  });

  it('reports a relative directory and a bad owner at once, under their props', () => {
    expect(validateMoleculeFileSystemProps({ path: 'boomi', posixUser: { uid: -1, gid: -2 } }).map((i) => i.path)).toEqual(['path', 'posixUser.uid', 'posixUser.gid']);
  });

  it('a 100-character directory passes, 101 does not (the EFS limit)', () => {
    expect(validateMoleculeFileSystemProps({ path: `/${'a'.repeat(99)}` })).toEqual([]);
    expect(validateMoleculeFileSystemProps({ path: `/${'a'.repeat(100)}` })).toHaveLength(1);
  });

  it('skips values the isUnresolved predicate marks', () => {
    expect(validateMoleculeFileSystemProps({ path: 'TOKEN' }, { isUnresolved: (v) => v === 'TOKEN' })).toEqual([]);
  });

  it('the construct throws one InvalidPropsError with every issue', () => {
    let thrown: unknown;
    try {
      synthConstruct(
        (scope) =>
          new MoleculeFileSystem(scope, 'efs', {
            name: 'dev', clusterName: 'dev', vpcId: 'vpc-1', subnetIds: ['subnet-a'], clusterSecurityGroupId: 'sg-1',
            path: 'boomi', posixUser: { uid: -1, gid: 1000 },
          }),
      );
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InvalidPropsError);
    expect((thrown as InvalidPropsError).message).toContain("MoleculeFileSystem 'efs' is invalid (2 problems)");
    expect((thrown as InvalidPropsError).issues.map((i) => i.path)).toEqual(['path', 'posixUser.uid']);
  });
});

describe('validateMoleculeAccessPoint', () => {
  const context = { usedNames: new Set(['team-b']), firstPath: '/boomi' };
  it('accepts a new name with its own directory', () => {
    expect(validateMoleculeAccessPoint('team-c', { path: '/boomi-team-c' }, context)).toEqual([]);
  });
  it('reports a used name, the first directory and a bad owner at once', () => {
    expect(validateMoleculeAccessPoint('team-b', { path: '/boomi', posixUser: { uid: 1000, gid: -1 } }, context).map((i) => i.path)).toEqual([
      'name',
      'path',
      'posixUser.gid',
    ]);
  });
});
