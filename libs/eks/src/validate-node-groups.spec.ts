import { formatIssue } from '@boomi-eks/primitives';
import { NODE_DISK_SIZE_GIB, NODE_GROUP_DEFAULTS, amiTypeFor, validateNodeGroup, validateNodeGroups } from '@boomi-eks/eks/rules';

const paths = (group: Parameters<typeof validateNodeGroup>[0]) => validateNodeGroup(group).map((i) => i.path);

describe('validateNodeGroup', () => {
  it('accepts the defaults, which are seed 000’s', () => {
    expect(validateNodeGroup({})).toEqual([]);
    expect(NODE_GROUP_DEFAULTS).toMatchObject({ minSize: 1, maxSize: 100, desiredSize: 1, diskSizeGiB: 20, instanceTypes: ['m5.large'], capacityType: 'ON_DEMAND' });
  });

  it.each([
    // min, max, desired → paths
    [3, 3, 3, []],
    [0, 1, 0, []],
    [4, 3, 3, ['minSize', 'desiredSize']],
    [2, 5, 1, ['desiredSize']],
    [2, 5, 6, ['desiredSize']],
    [2, 5, 5, []],
  ])('minSize %i, maxSize %i, desiredSize %i → %j', (minSize, maxSize, desiredSize, expected) => {
    expect(paths({ minSize, maxSize, desiredSize })).toEqual(expected);
  });

  it('prints value, problem and fix', () => {
    expect(validateNodeGroup({ minSize: 4, maxSize: 3, desiredSize: 3 }).map(formatIssue)).toEqual([
      'minSize: (4) is greater than maxSize (3): lower minSize or raise maxSize',
      'desiredSize: (3) must be between minSize (4) and maxSize (3): set desiredSize within the bounds',
    ]);
  });

  it('checks sizes against the defaults of the fields left out', () => {
    expect(paths({ maxSize: 0 })).toEqual(['maxSize']);
    expect(paths({ desiredSize: 101 })).toEqual(['desiredSize']);
    expect(paths({ minSize: 101 })).toEqual(['minSize', 'desiredSize']);
  });

  it('refuses sizes that are not whole numbers, without comparing them', () => {
    expect(paths({ minSize: 1.5 })).toEqual(['minSize']);
    expect(paths({ desiredSize: -1 })).toEqual(['desiredSize']);
  });

  it.each([
    [NODE_DISK_SIZE_GIB.min, []],
    [NODE_DISK_SIZE_GIB.max, []],
    [NODE_DISK_SIZE_GIB.min - 1, ['diskSizeGiB']],
    [NODE_DISK_SIZE_GIB.max + 1, ['diskSizeGiB']],
  ])('diskSizeGiB %i → %j', (diskSizeGiB, expected) => {
    expect(paths({ diskSizeGiB })).toEqual(expected);
  });

  it('skips sizes the isUnresolved predicate marks (deploy-time tokens)', () => {
    const TOKEN = -1.8881545897087626e289; // how cdktf encodes a number token
    expect(validateNodeGroup({ minSize: TOKEN, maxSize: 3, desiredSize: 5 }, {}, { isUnresolved: (v) => v === TOKEN })).toEqual([]);
  });
});

describe('validateNodeGroup: the image', () => {
  it('accepts the instance types’ own AMI type, and amiTypeFor picks it', () => {
    expect(paths({ instanceTypes: ['m7g.large', 'c7gn.xlarge'], amiType: 'AL2023_ARM_64_STANDARD' })).toEqual([]);
    expect(paths({ instanceTypes: ['m5.large', 'g5.xlarge'], amiType: 'AL2023_x86_64_STANDARD' })).toEqual([]);
    expect(amiTypeFor(['m7g.large', 't4g.small'])).toBe('AL2023_ARM_64_STANDARD');
    expect(amiTypeFor(['m7g.large', 'm5.large'])).toBe('AL2023_x86_64_STANDARD');
    expect(amiTypeFor(NODE_GROUP_DEFAULTS.instanceTypes)).toBe(NODE_GROUP_DEFAULTS.amiType);
  });

  it('refuses an AMI type of the other architecture, with the fix', () => {
    expect(validateNodeGroup({ instanceTypes: ['m7g.large'], amiType: 'AL2023_x86_64_STANDARD' }).map(formatIssue)).toEqual([
      "amiType: ('AL2023_x86_64_STANDARD') does not run on m7g.large (arm64): set amiType 'AL2023_ARM_64_STANDARD' or remove the field to get it",
    ]);
    expect(paths({ amiType: 'AL2023_ARM_64_STANDARD' })).toEqual(['amiType']);
  });

  it('refuses a group that mixes architectures', () => {
    expect(paths({ instanceTypes: ['m5.large', 'm7g.large'] })).toEqual(['instanceTypes']);
  });

  it.each([
    ['1.36.0-20260715', '1.36', []],
    ['1.36.0-20260715', '1.35', ['releaseVersion']],
    ['1.35.4-20260715', '1.36', ['releaseVersion']],
  ])('releaseVersion %s on a %s cluster → %j', (releaseVersion, kubernetesVersion, expected) => {
    expect(validateNodeGroup({ releaseVersion }, { kubernetesVersion }).map((i) => i.path)).toEqual(expected);
  });

  it('checks no release pin without the cluster’s minor', () => {
    expect(validateNodeGroup({ releaseVersion: '1.30.0-20240101' })).toEqual([]);
  });
});

describe('validateNodeGroups', () => {
  it('checks every group’s release pin against kubernetesVersion', () => {
    expect(validateNodeGroups({ kubernetesVersion: '1.36', groups: [{}, { releaseVersion: '1.35.0-20260715' }] }).map((i) => i.path)).toEqual([
      'groups[1].releaseVersion',
    ]);
  });

  it('re-bases each group’s issues under groups[i]', () => {
    expect(validateNodeGroups({ groups: [{}, { minSize: 2, desiredSize: 1 }] }).map((i) => i.path)).toEqual(['groups[1].desiredSize']);
  });

  it('refuses an empty group list', () => {
    expect(validateNodeGroups({ groups: [] }).map((i) => i.path)).toEqual(['groups']);
  });

  it.each([
    [undefined, []],
    [1, []],
    [0, ['nodeRepair.maxParallelNodesRepairedCount']],
    [1.5, ['nodeRepair.maxParallelNodesRepairedCount']],
  ])('nodeRepair.maxParallelNodesRepairedCount %p → %j', (count, expected) => {
    expect(validateNodeGroups({ groups: [{}], nodeRepair: { enabled: true, maxParallelNodesRepairedCount: count } }).map((i) => i.path)).toEqual(expected);
  });
});
