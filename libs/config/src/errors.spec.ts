import { formatIssue } from '@boomi-eks/primitives';
import { ConfigError, configIssue, splitMessageAndFix } from './errors';
import { validateEnvironment } from './environment';
import { validInput, type Overrides } from '../test/valid-input';

const TODAY = new Date('2026-11-30T12:00:00Z');
const issuesOf = (overrides: Overrides) => {
  const result = validateEnvironment(validInput(overrides), { today: TODAY });
  return result.ok ? [] : result.issues;
};

describe('splitMessageAndFix (zod schema messages)', () => {
  it('cuts at the first ": " outside parentheses', () => {
    expect(splitMessageAndFix('must list at least one port: an empty list would allow every port')).toEqual({
      message: 'must list at least one port',
      fix: 'an empty list would allow every port',
    });
    expect(splitMessageAndFix('must be x (see: y): do z: now')).toEqual({ message: 'must be x (see: y)', fix: 'do z: now' });
  });

  it('leaves a message without one whole, with an empty fix', () => {
    expect(splitMessageAndFix('must be a 12-digit AWS account id')).toEqual({ message: 'must be a 12-digit AWS account id', fix: '' });
    expect(splitMessageAndFix('(a: b) c')).toEqual({ message: '(a: b) c', fix: '' });
  });
});

describe("config's rules report structured issues", () => {
  it('puts the value found at the path in value, the problem in message and the fix in fix', () => {
    expect(issuesOf({ molecule: { resources: { requests: { cpu: '500m', memory: '1024Mi' }, limits: { cpu: '1000m', memory: '1279Mi' } } } })).toEqual([
      {
        path: 'molecule.resources.limits.memory',
        value: '1279Mi',
        message: 'must be ≥ 1.25 × the memory request (1024Mi) to avoid OOM kills',
        fix: 'raise it to 1280Mi',
      },
    ]);
  });

  it('keeps the value typed (a number, not its text) and an empty fix where the problem says it all', () => {
    const issue = issuesOf({ molecule: { replicas: 25 } }).find((i) => i.path === 'molecule.replicas');
    expect(issue).toEqual({ path: 'molecule.replicas', value: 25, message: 'must be between hpa.minReplicas (3) and hpa.maxReplicas (20)', fix: '' });
  });

  it("moves an additional Molecule's issue to its paths, in message and fix alike", () => {
    const second = { ...validInput().molecule, name: 'team-b', namespace: 'boomi', atomName: 'team-b-molecule', auth: { secretName: 'boomi/team-b' } };
    const issue = issuesOf({ additionalMolecules: [second] } as Overrides).find((i) => i.path === 'additionalMolecules[0].namespace');
    expect(issue).toMatchObject({ value: 'boomi', message: 'is also molecule.namespace' });
    expect(issue?.fix).toContain("give it a namespace of its own, e.g. 'team-b'");
  });
});

describe('ConfigError', () => {
  it('prints one line per structured issue', () => {
    const error = new ConfigError('dev', [configIssue('molecule.replicas', 25, 'must be at most 20', 'lower it'), configIssue('tags', {}, 'is empty')]);
    expect(error.issues.map(formatIssue)).toEqual(['molecule.replicas: (25) must be at most 20: lower it', 'tags: ({}) is empty']);
    expect(error.message).toContain('  - molecule.replicas: (25) must be at most 20: lower it');
  });
});
