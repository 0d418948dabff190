import { defineEnvironment, validateEnvironment, type ValidationResult } from './environment';
import { derivedNames } from './cross-environment';
import { moleculesOf } from './molecules';
import { BASE_INPUT, TEAM_B, deepMerge, printed, validInput, type Overrides } from '../test/valid-input';

const issuesOf = (result: ValidationResult) => printed(result.ok ? [] : result.issues);
const paths = (issues: readonly { path: string }[]) => issues.map((i) => i.path);

const teamB = (more: Record<string, unknown> = {}) => deepMerge(TEAM_B, more) as Record<string, unknown>;
const withMolecules = (molecules: Record<string, unknown>[], overrides: Overrides = {}) =>
  validateEnvironment({ ...validInput(overrides), additionalMolecules: molecules });

describe('additionalMolecules: the schema', () => {
  it('defaults to no additional Molecule', () => {
    const env = defineEnvironment(BASE_INPUT);
    expect(env.additionalMolecules).toEqual([]);
    expect(moleculesOf(env).map((m) => m.path)).toEqual(['molecule']);
  });

  it("gives an additional Molecule every default of molecule and hpa, its containerName from its atomName, and its own derived values", () => {
    const r = withMolecules([teamB()]);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const [b] = r.environment.additionalMolecules;
    expect(b).toMatchObject({
      name: 'team-b',
      namespace: 'team-b',
      atomName: 'team-b-molecule',
      containerName: 'team-b-molecule',
      storageSize: '5Gi',
      resources: { requests: { cpu: '500m', memory: '1024Mi' }, limits: { cpu: '1000m', memory: '1536Mi' } },
      fileSystemUser: { uid: 1000, gid: 1000 },
      zoneSpread: 'required',
      placement: 'on-demand',
      auth: { kind: 'installerToken', secretName: 'boomi/dev/team-b', refreshInterval: '1h' },
      hpa: { enabled: true, minReplicas: 2, maxReplicas: 6, cpuUtilization: 50, memoryUtilization: 50, scaleDown: { enabled: true, stabilizationWindowSeconds: 60 } },
      effectiveHeapMiB: 512,
      forceRestartOverrideMs: 45000,
    });
    expect(b.containerPropertiesOverrides).toContain('com.boomi.container.elasticity.forceRestartOverride=45000');
    // The first Molecule is untouched.
    expect(r.environment.molecule.namespace).toBe('boomi');
    expect(r.environment.hpa.maxReplicas).toBe(20);
  });

  it('requires name, namespace, atomName and auth, naming each path', () => {
    const issues = issuesOf(withMolecules([{ image: { tag: '5.0.2' }, platformUrl: 'https://platform.boomi.com' }]));
    expect(paths(issues).sort()).toEqual(['additionalMolecules[0].atomName', 'additionalMolecules[0].auth', 'additionalMolecules[0].name', 'additionalMolecules[0].namespace']);
    expect(issues[0].message).toContain('is required');
  });

  it('refuses a misspelt field and a bad name at their paths', () => {
    const issues = issuesOf(withMolecules([teamB({ name: 'Team_B', replica: 2 })]));
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'additionalMolecules[0]', message: expect.stringContaining("unknown field 'replica'") },
        { path: 'additionalMolecules[0].name', message: expect.stringContaining("('Team_B') must be a DNS-1123 label") },
      ]),
    );
  });
});

describe('additionalMolecules: what must differ', () => {
  it('refuses the first Molecule\'s namespace, atom name and secret, naming the path, the value, the other Molecule and the fix', () => {
    const issues = issuesOf(withMolecules([teamB({ namespace: 'boomi', atomName: 'boomi-molecule-eks', auth: { secretName: 'boomi/dev/molecule' } })]));
    expect(issues).toEqual([
      { path: 'additionalMolecules[0].namespace', message: expect.stringMatching(/^\('boomi'\) is also molecule\.namespace: .*Service \(the load balancer\).*; give it a namespace of its own, e\.g\. 'team-b'$/) },
      { path: 'additionalMolecules[0].atomName', message: expect.stringMatching(/^\('boomi-molecule-eks'\) is also molecule\.atomName: .*name it after its team/) },
      { path: 'additionalMolecules[0].auth.secretName', message: expect.stringMatching(/^\('boomi\/dev\/molecule'\) is also molecule\.auth\.secretName: each Molecule reads its own secret.*create one secret per Molecule/) },
    ]);
  });

  it('refuses two additional Molecules with one name (which names the EFS access point and the operator) or one namespace', () => {
    const issues = issuesOf(withMolecules([teamB(), teamB({ atomName: 'c', auth: { secretName: 'boomi/dev/c' } })]));
    expect(issues).toEqual([
      { path: 'additionalMolecules[1].name', message: expect.stringMatching(/^\('team-b'\) is also additionalMolecules\[0\]\.name: it names the Molecule's PersistentVolume, EFS access point/) },
      { path: 'additionalMolecules[1].namespace', message: expect.stringContaining("('team-b') is also additionalMolecules[0].namespace") },
    ]);
  });

  it("refuses a Molecule namespace that is a platform namespace or another Molecule's operator namespace", () => {
    expect(issuesOf(withMolecules([teamB({ namespace: 'kube-system' })]))).toEqual([
      { path: 'additionalMolecules[0].namespace', message: expect.stringContaining("('kube-system') is the namespace of the add-ons' Helm releases") },
    ]);
    const issues = issuesOf(withMolecules([teamB(), teamB({ name: 'team-c', namespace: 'external-secrets-team-b', atomName: 'c', auth: { secretName: 'boomi/dev/c' } })]));
    expect(issues).toEqual([{ path: 'additionalMolecules[1].namespace', message: expect.stringContaining("('external-secrets-team-b') is the namespace of additionalMolecules[0]'s External Secrets Operator") }]);
  });

  it("refuses a name whose operator's IAM role would pass IAM's 64 characters, with the longest name that fits", () => {
    const name = 'a'.repeat(40);
    const issues = issuesOf(withMolecules([teamB({ name })]));
    // dev-boomi-molecule-external-secrets-<name>: 36 + 40 characters.
    expect(issues).toEqual([{ path: 'additionalMolecules[0].name', message: expect.stringMatching(/makes the IAM role name 'dev-boomi-molecule-external-secrets-a+' \(76 characters\).*shorten it to at most 28 characters, or shorten cluster\.name/) }]);
  });
});

describe('additionalMolecules: the first Molecule\'s rules, at each Molecule\'s paths', () => {
  it('judges resources, HPA bounds and replicas of each Molecule against its own hpa', () => {
    const issues = issuesOf(
      withMolecules([teamB({ resources: { requests: { cpu: '500m', memory: '512Mi' }, limits: { cpu: '250m', memory: '1Gi' } }, hpa: { minReplicas: 5, maxReplicas: 3 } })]),
    );
    // the lib validators' issues (HPA bounds, request vs limit) come first, as for the first Molecule
    expect(issues).toEqual([
      { path: 'additionalMolecules[0].hpa.minReplicas', message: '(5) is greater than additionalMolecules[0].hpa.maxReplicas (3): lower minReplicas or raise maxReplicas' },
      { path: 'additionalMolecules[0].resources.limits.cpu', message: "('250m') is below the cpu request (500m): raise the limit: Kubernetes rejects a request above its limit" },
      { path: 'additionalMolecules[0].resources.requests.memory', message: "('512Mi') must be ≥ 1.2 × heap (512Mi from additionalMolecules[0].heapMiB): raise it to 615Mi or lower the heap" },
      { path: 'additionalMolecules[0].replicas', message: '(2) must be between additionalMolecules[0].hpa.minReplicas (5) and additionalMolecules[0].hpa.maxReplicas (3)' },
    ]);
  });

  it('refuses an open internet-facing NLB, a mutable image tag and a missing platform URL of an additional Molecule', () => {
    const { platformUrl: _url, ...noUrl } = teamB({ service: { scheme: 'internet-facing' }, image: { tag: 'release' } });
    const issues = issuesOf(withMolecules([noUrl]));
    expect(paths(issues).sort()).toEqual(['additionalMolecules[0].image.tag', 'additionalMolecules[0].platformUrl', 'additionalMolecules[0].service.sourceRanges']);
    expect(issues.find((i) => i.path === 'additionalMolecules[0].image.tag')!.message).toContain('set additionalMolecules[0].image.allowMutableTag true only where');
  });

  it('refuses Atom Queues with scale-down on in the Molecule\'s own hpa, and accepts it with that hpa\'s scale-down off', () => {
    expect(paths(issuesOf(withMolecules([teamB({ atomQueues: { inUse: true } })])))).toEqual(['additionalMolecules[0].atomQueues.inUse']);
    expect(issuesOf(withMolecules([teamB({ atomQueues: { inUse: true }, hpa: { scaleDown: { enabled: false } } })]))).toEqual([]);
  });
});

describe('additionalMolecules: derived names', () => {
  it("adds each additional Molecule's operator role to the environment's derived IAM role names", () => {
    const env = defineEnvironment({ ...validInput(), additionalMolecules: [teamB()] } as never);
    expect(derivedNames(env).filter((n) => n.field.startsWith('additionalMolecules'))).toEqual([
      { kind: 'IAM role', scope: 'account', name: 'dev-boomi-molecule-external-secrets-team-b', field: 'additionalMolecules[0].name', caseInsensitive: true },
    ]);
  });
});
