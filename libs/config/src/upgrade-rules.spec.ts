import { validateEnvironment, type ValidationResult } from './environment';
import { instanceArchitecture } from './instance-architecture';
import { validInput, type Overrides, printed } from '../test/valid-input';

const TODAY = new Date('2026-11-30T12:00:00Z');
const issuesOf = (r: ValidationResult): readonly { path: string; message: string }[] => (r.ok ? [] : printed(r.issues));
const validate = (overrides: Overrides, today = TODAY) => issuesOf(validateEnvironment(validInput(overrides), { today }));

describe('instanceArchitecture', () => {
  it.each([
    ['m7g.large', 'arm64'],
    ['c7gn.xlarge', 'arm64'],
    ['r6gd.large', 'arm64'],
    ['t4g.medium', 'arm64'],
    ['a1.large', 'arm64'],
    ['g5g.xlarge', 'arm64'],
    ['m5.large', 'x86_64'],
    ['m6i.xlarge', 'x86_64'],
    ['m7i-flex.large', 'x86_64'],
    ['g5.xlarge', 'x86_64'],
    ['c5.xlarge', 'x86_64'],
  ])('%s is %s', (type, arch) => {
    expect(instanceArchitecture(type)).toBe(arch);
  });
});

describe('the Kubernetes lifecycle rule (today injected)', () => {
  it('refuses a minor past the end of extended support, naming the date and the next minor', () => {
    expect(validate({ cluster: { kubernetesVersion: '1.32' } }, new Date('2027-03-23T00:00:00Z'))).toEqual([
      {
        path: 'cluster.kubernetesVersion',
        message:
          "('1.32') reached the end of EKS extended support on 2027-03-23: EKS creates no cluster on it and upgrades existing control planes to the " +
          'oldest supported minor on its own; set 1.33 (one minor at a time, docs/upgrades.md), then go on towards 1.36. Supported minors: 1.33, 1.34, 1.35, 1.36',
      },
    ]);
  });

  it('accepts the same minor the day before, in extended support (synth warns instead)', () => {
    expect(validate({ cluster: { kubernetesVersion: '1.32' } }, new Date('2027-03-22T23:59:59Z'))).toEqual([]);
  });

  it('refuses a minor before its EKS release day', () => {
    expect(validate({ cluster: { kubernetesVersion: '1.36' } }, new Date('2026-05-01T00:00:00Z'))).toEqual([
      { path: 'cluster.kubernetesVersion', message: "('1.36') is not on EKS before 2026-06-02: use 1.35 until then" },
    ]);
  });

  it('judges against the injected date, not the clock', () => {
    expect(validate({ cluster: { kubernetesVersion: '1.36' } }, new Date('2028-08-02T00:00:00Z')).map((i) => i.path)).toEqual(['cluster.kubernetesVersion']);
    expect(validate({ cluster: { kubernetesVersion: '1.36' } }, new Date('2026-11-30T00:00:00Z'))).toEqual([]);
  });
});

describe('node group AMI type and release', () => {
  it('gives Graviton groups the ARM AMI type and x86_64 groups the x86_64 one', () => {
    const r = validateEnvironment(
      validInput({
        nodeGroups: [
          { name: 'arm', availabilityZone: 'us-east-1a', instanceTypes: ['m7g.large', 'm7g.xlarge'] },
          { name: 'x86', availabilityZone: 'us-east-1b' },
        ],
      }),
      { today: TODAY },
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.environment.nodeGroups.map((g) => [g.name, g.amiType])).toEqual([
      ['arm', 'AL2023_ARM_64_STANDARD'],
      ['x86', 'AL2023_x86_64_STANDARD'],
    ]);
  });

  it('refuses an x86_64 AMI type on Graviton instances', () => {
    expect(validate({ nodeGroups: [{ name: 'arm', availabilityZone: 'us-east-1a', instanceTypes: ['m7g.large'], amiType: 'AL2023_x86_64_STANDARD' }] })).toEqual([
      {
        path: 'nodeGroups[0].amiType',
        message: "('AL2023_x86_64_STANDARD') does not run on m7g.large (arm64): set amiType 'AL2023_ARM_64_STANDARD' or remove the field to get it",
      },
    ]);
  });

  it('refuses an ARM AMI type on x86_64 instances from nodeGroupDefaults, once', () => {
    const issues = validate({ nodeGroupDefaults: { amiType: 'AL2023_ARM_64_STANDARD' } });
    expect(issues).toEqual([
      expect.objectContaining({ path: 'nodeGroupDefaults.amiType', message: expect.stringContaining("does not run on m5.large (x86_64): set amiType 'AL2023_x86_64_STANDARD'") }),
    ]);
  });

  it('refuses a group that mixes architectures', () => {
    expect(validate({ nodeGroups: [{ name: 'mixed', availabilityZone: 'us-east-1a', instanceTypes: ['m5.large', 'm7g.large'] }] })).toEqual([
      {
        path: 'nodeGroups[0].instanceTypes',
        message:
          '(["m5.large","m7g.large"]) mixes CPU architectures (m5.large (x86_64), m7g.large (arm64)): one node group runs one AMI, so list only x86_64 or only Graviton (arm64) types and put the others in their own group',
      },
    ]);
  });

  it('accepts an AMI release of the cluster minor and refuses one of another minor', () => {
    expect(validate({ nodeGroupDefaults: { releaseVersion: '1.36.0-20260715' } })).toEqual([]);
    expect(validate({ cluster: { kubernetesVersion: '1.35' }, nodeGroupDefaults: { releaseVersion: '1.36.0-20260715' } })).toEqual([
      {
        path: 'nodeGroupDefaults.releaseVersion',
        message:
          "('1.36.0-20260715') is an AMI for Kubernetes 1.36 but the cluster's kubernetesVersion is 1.35: nodes follow the control plane; pin a 1.35.x release or remove the field to get the latest",
      },
    ]);
  });

  it('refuses a malformed AMI release and an unknown AMI type at the schema, naming the field', () => {
    expect(validate({ nodeGroupDefaults: { releaseVersion: 'latest' } }).map((i) => i.path)).toEqual(['nodeGroupDefaults.releaseVersion']);
    expect(validate({ nodeGroupDefaults: { amiType: 'AL2_x86_64' as never } }).map((i) => i.path)).toEqual(['nodeGroupDefaults.amiType']);
    expect(validate({ cluster: { supportType: 'FOREVER' as never } }).map((i) => i.path)).toEqual(['cluster.supportType']);
  });

  it('checks a Graviton group\'s capacity with the m7g figures', () => {
    expect(validate({ nodeGroupDefaults: { instanceTypes: ['m7g.large'] } })).toEqual([]);
  });
});
