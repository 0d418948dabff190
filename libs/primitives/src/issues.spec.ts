import { InvalidPropsError, formatIssue, joinPath, renamePaths, throwIfIssues, underPath, type PropsIssue } from './issues';

const hpa: PropsIssue = { path: 'hpa.maxReplicas', value: 1, message: 'must be at least hpa.minReplicas (2)', fix: 'raise hpa.maxReplicas to 2 or more' };

describe('issues', () => {
  it('prints path, value, message and fix on one line', () => {
    expect(formatIssue(hpa)).toBe('hpa.maxReplicas: (1) must be at least hpa.minReplicas (2): raise hpa.maxReplicas to 2 or more');
    expect(formatIssue({ ...hpa, value: 'x' })).toContain("('x')");
    expect(formatIssue({ ...hpa, value: undefined })).toContain('(missing)');
    expect(formatIssue({ ...hpa, fix: '' })).toBe('hpa.maxReplicas: (1) must be at least hpa.minReplicas (2)');
  });

  it('re-bases paths under a parent, keeping array indexes glued', () => {
    expect(joinPath('molecule', 'hpa.maxReplicas')).toBe('molecule.hpa.maxReplicas');
    expect(joinPath('nodeGroups', '[1].minSize')).toBe('nodeGroups[1].minSize');
    expect(joinPath('', 'a')).toBe('a');
    expect(underPath('molecule', [hpa])[0].path).toBe('molecule.hpa.maxReplicas');
  });

  it('renames a lib field to the caller\'s, with everything below it, and leaves other paths alone', () => {
    const at = (path: string): PropsIssue => ({ ...hpa, path });
    const renamed = renamePaths([at('endpointPublicAccess'), at('publicAccessCidrs[2]'), at('resources.cpuLimit'), at('resources.cpuLimitX'), at('other')], {
      endpointPublicAccess: 'endpoint.publicAccess',
      publicAccessCidrs: 'endpoint.publicAccessCidrs',
      'resources.cpuLimit': 'resources.limits.cpu',
    });
    expect(renamed.map((i) => i.path)).toEqual(['endpoint.publicAccess', 'endpoint.publicAccessCidrs[2]', 'resources.limits.cpu', 'resources.cpuLimitX', 'other']);
    expect(renamed[0]).toEqual({ ...hpa, path: 'endpoint.publicAccess' });
  });

  it('throws one error carrying every issue, and nothing when there is none', () => {
    expect(() => throwIfIssues('MoleculeChart', [])).not.toThrow();
    const second = { ...hpa, path: 'namespace', value: 'Bad_NS' };
    let thrown: unknown;
    try {
      throwIfIssues('MoleculeChart', [hpa, second]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InvalidPropsError);
    const err = thrown as InvalidPropsError;
    expect(err.issues).toHaveLength(2);
    expect(err.message.split('\n')).toEqual([
      'MoleculeChart is invalid (2 problems):',
      `  - ${formatIssue(hpa)}`,
      `  - ${formatIssue(second)}`,
    ]);
  });
});
