import { validateEnvironment, type ValidationResult } from './environment';
import type { EnvironmentInput } from './schema';
import { podsUnderZoneSpread } from './capacity';
import { defaultForceRestartMs, withForceRestartOverride } from './jvm';
import { BASE_INPUT, validInput, type Overrides, printed } from '../test/valid-input';

const issuesOf = (result: ValidationResult): readonly { path: string; message: string }[] => (result.ok ? [] : printed(result.issues));
const validate = (overrides: Overrides) => issuesOf(validateEnvironment(validInput(overrides)));
/** BASE_INPUT with its molecule section replaced (so fields can be left out). */
const withMolecule = (molecule: Record<string, unknown>): EnvironmentInput =>
  ({ ...BASE_INPUT, molecule: { auth: BASE_INPUT.molecule.auth, service: BASE_INPUT.molecule.service, ...molecule } }) as EnvironmentInput;
const paths = (issues: readonly { path: string; message: string }[]) => issues.map((i) => i.path);

describe('molecule.platformUrl: no sandbox URL outside a sandbox', () => {
  it('is required when the environment is not marked as a sandbox, and the error names the usual production URL', () => {
    const issues = issuesOf(validateEnvironment(withMolecule({ image: { tag: '5.0.1' } })));
    expect(issues).toEqual([
      { path: 'molecule.platformUrl', message: expect.stringContaining('is required: this environment is not marked as a sandbox') },
    ]);
    expect(issues[0].message).toContain('usually https://platform.boomi.com');
  });

  it('refuses the sandbox URL written out in a non-sandbox environment', () => {
    const issues = validate({ molecule: { platformUrl: 'https://starlord.sandbox.boomi.com' } });
    expect(issues).toEqual([{ path: 'molecule.platformUrl', message: expect.stringContaining("('https://starlord.sandbox.boomi.com') is Boomi's sandbox but molecule.sandbox is false") }]);
  });

  it('a sandbox environment may leave it out (seed 000 URL) or name it', () => {
    const sandbox = validateEnvironment(withMolecule({ sandbox: true, image: { tag: '5.0.1' } }));
    expect(sandbox.ok && sandbox.environment.molecule.platformUrl).toBe('https://starlord.sandbox.boomi.com');
    expect(validate({ molecule: { sandbox: true, platformUrl: 'https://starlord.sandbox.boomi.com' } })).toEqual([]);
  });

  it('accepts an explicit platform URL', () => {
    const result = validateEnvironment(validInput({ molecule: { platformUrl: 'https://platform.boomi.com' } }));
    expect(result.ok && result.environment.molecule.platformUrl).toBe('https://platform.boomi.com');
  });
});

describe('molecule.image: pinned unless a mutable tag is allowed', () => {
  it.each(['release', 'latest', 'release-rhel'])("refuses the mutable tag '%s', naming the field and the fixes", (tag) => {
    const issues = validate({ molecule: { image: { tag } } });
    expect(paths(issues)).toEqual(['molecule.image.tag']);
    expect(issues[0].message).toContain(`('${tag}') is a mutable tag`);
    expect(issues[0].message).toContain('molecule.image.digest');
    expect(issues[0].message).toContain('molecule.image.allowMutableTag true');
  });

  it('refuses the default tag (release) when nothing is pinned', () => {
    expect(paths(issuesOf(validateEnvironment(withMolecule({ platformUrl: 'https://platform.boomi.com' }))))).toEqual(['molecule.image.tag']);
  });

  it('accepts a mutable tag when allowed explicitly, a version tag, or a digest', () => {
    expect(validate({ molecule: { image: { tag: 'release', allowMutableTag: true } } })).toEqual([]);
    expect(validate({ molecule: { image: { tag: '5.0.1-rhel' } } })).toEqual([]);
    expect(validate({ molecule: { image: { tag: 'release', digest: `sha256:${'a'.repeat(64)}` } } })).toEqual([]);
  });

  it('refuses a malformed digest at the schema', () => {
    expect(paths(validate({ molecule: { image: { digest: 'sha256:ABC' } } }))).toEqual(['molecule.image.digest']);
  });
});

describe('grace > force-restart override, on the effective value', () => {
  it('the default override is 75 % of the grace, whole seconds', () => {
    expect(defaultForceRestartMs(60)).toBe(45000);
    expect(defaultForceRestartMs(61)).toBe(45000);
    expect(defaultForceRestartMs(900)).toBe(675000);
    expect(withForceRestartOverride('', 45000)).toBe('com.boomi.container.elasticity.forceRestartOverride=45000');
  });

  it('holds by default for every grace period (no explicit override needed)', () => {
    for (const grace of [1, 2, 30, 60, 120, 900]) {
      const result = validateEnvironment(validInput({ molecule: { terminationGracePeriodSeconds: grace } }));
      expect(issuesOf(result)).toEqual([]);
      expect(result.ok && result.environment.molecule.forceRestartOverrideMs).toBeLessThan(grace * 1000);
    }
  });

  it('still refuses an explicit override at or above the grace', () => {
    const issues = validate({ molecule: { containerPropertiesOverrides: 'com.boomi.container.elasticity.forceRestartOverride=600000' } });
    expect(issues).toEqual([{ path: 'molecule.terminationGracePeriodSeconds', message: expect.stringContaining('(60) must be greater than') }]);
  });
});

describe('capacity under the zone spread (maxSkew 1, DoNotSchedule)', () => {
  it('podsUnderZoneSpread: the smallest AZ caps the others at one more', () => {
    expect(podsUnderZoneSpread([14, 6, 6])).toBe(19);
    expect(podsUnderZoneSpread([9, 9, 9])).toBe(27);
    expect(podsUnderZoneSpread([0, 10])).toBe(1);
    expect(podsUnderZoneSpread([])).toBe(0);
  });

  const uneven: Overrides = {
    nodeGroups: [
      { name: 'a', availabilityZone: 'us-east-1a', instanceTypes: ['m5.xlarge'], maxSize: 2 },
      { name: 'b', availabilityZone: 'us-east-1b', instanceTypes: ['m5.large'], maxSize: 2 },
      { name: 'c', availabilityZone: 'us-east-1c', instanceTypes: ['m5.large'], maxSize: 2 },
    ],
  };

  it('refuses when the sum fits (26 ≥ 20) but the spread does not (19 < 20), naming the AZ and the fix', () => {
    const issues = validate(uneven);
    expect(paths(issues)).toEqual(['hpa.maxReplicas']);
    expect(issues[0].message).toContain('us-east-1b holds at most 6, so no other AZ may hold more than 7 (19 in all');
    expect(issues[0].message).toContain("or set molecule.zoneSpread 'preferred'");
  });

  it('accepts the same groups with the spread as a preference, or with one replica fewer', () => {
    expect(validate({ ...uneven, molecule: { zoneSpread: 'preferred' } })).toEqual([]);
    expect(validate({ ...uneven, hpa: { maxReplicas: 19 } })).toEqual([]);
  });

  it("seed 000's layout (3 AZs × 100 m5.large) is far inside the spread", () => {
    expect(validate({})).toEqual([]);
  });
});
