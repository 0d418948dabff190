import { validateEnvironment, type ValidationResult } from './environment';
import {
  AWS_REGIONS,
  DERIVED_IAM_ROLES,
  EKS_QUOTAS,
  IAM_ROLE_NAME_MAX,
  availabilityZoneNames,
  maxBaseLength,
  s3BucketNameProblems,
  tagProblems,
} from './aws-facts';
import { validInput, type Overrides, printed } from '../test/valid-input';

const issuesOf = (r: ValidationResult): readonly { path: string; message: string }[] => (r.ok ? [] : printed(r.issues));
const validate = (o: Overrides) => issuesOf(validateEnvironment(validInput(o)));

describe('AWS facts', () => {
  it('knows the regions with their AZ names, and none for an unknown one', () => {
    expect(AWS_REGIONS).toEqual(expect.arrayContaining(['us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-gov-west-1']));
    expect(availabilityZoneNames('us-east-1')).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f']);
    expect(availabilityZoneNames('us-east-9')).toEqual([]);
  });

  it.each([
    ['boomi..tfstate', 'two adjacent periods'],
    ['192.168.10.20', 'formatted as an IP address'],
    ['xn--boomi-tfstate', "start with 'xn--'"],
    ['sthree-boomi', "start with 'sthree-'"],
    ['amzn-s3-demo-boomi', "start with 'amzn-s3-demo-'"],
    ['boomi-tfstate-s3alias', "end with '-s3alias'"],
    ['boomi--ol-s3', "end with '--ol-s3'"],
    ['boomi.mrap', "end with '.mrap'"],
    ['boomi--x-s3', "end with '--x-s3'"],
    ['boomi--table-s3', "end with '--table-s3'"],
    ['ab', '3 to 63'],
    ['a'.repeat(64), '3 to 63'],
    ['Boomi-state', 'lower-case'],
    ['-boomi', 'start and end'],
  ])('S3 refuses the bucket name %s (%s)', (name, problem) => {
    expect(s3BucketNameProblems(name).join('; ')).toContain(problem);
  });

  it.each(['boomi-molecule-tfstate-123456789012', 'abc', 'a.b.c', '1bucket', 'a'.repeat(63), 'my.bucket.1.2'])('S3 accepts %s', (name) => {
    expect(s3BucketNameProblems(name)).toEqual([]);
  });

  it('tags: reserved aws: prefix in any case, key charset, key 128 / value 256', () => {
    expect(tagProblems('aws:team', 'x').key.join()).toContain("'aws:'");
    expect(tagProblems('AWS:team', 'x').key.join()).toContain("'aws:'");
    expect(tagProblems('Cost$Center', 'x').key.join()).toContain('letters, digits, spaces');
    expect(tagProblems('k'.repeat(128), 'v'.repeat(256))).toEqual({ key: [], value: [] });
    expect(tagProblems('k'.repeat(129), 'v').key.join()).toContain('1 to 128');
    expect(tagProblems('k', 'v'.repeat(257)).value.join()).toContain('at most 256');
    expect(tagProblems('Équipe d’été', 'x').key.join()).toContain('letters'); // ’ is not allowed
    expect(tagProblems('Équipe', 'café au lait: 1/2 = 50% ').value.join()).toContain('letters'); // % is not allowed
    expect(tagProblems('team:owner/name', 'a_b.c:d/e=f+g-h@i j')).toEqual({ key: [], value: [] });
  });

  it('the longest IAM suffix sets the longest cluster.name', () => {
    expect(maxBaseLength('cluster.name')).toBe(IAM_ROLE_NAME_MAX - '-efs-csi-controller'.length);
    expect(DERIVED_IAM_ROLES.filter((r) => r.from === 'cluster.name')).toHaveLength(10);
  });
});

describe('AWS rules: refused', () => {
  it.each<[string, Overrides, string, string]>([
    ['an AZ letter the region does not have', { availabilityZones: ['us-east-1a', 'us-east-1z'] }, 'availabilityZones[1]', "('us-east-1z') does not exist: us-east-1 has us-east-1a"],
    ['an AZ where EKS places no control plane', { availabilityZones: ['us-east-1a', 'us-east-1e'] }, 'availabilityZones[1]', "('us-east-1e') is an AZ where EKS does not place cluster control planes (UnsupportedAvailabilityZoneException; AZ id use1-az3 in most accounts): use another AZ"],
    ['an unknown region that matches the pattern', { region: 'us-east-9', availabilityZones: ['us-east-9a', 'us-east-9b'] }, 'region', "('us-east-9') is not an AWS region: did you mean us-east-1?"],
    ['a state region without its dash', { state: { bucket: 'dev-boomi-tf-state', region: 'us-east1' } }, 'state.region', "('us-east1') is not an AWS region: did you mean us-east-1?"],
    ['a bucket with two adjacent periods', { state: { bucket: 'boomi..tfstate' } }, 'state.bucket', 'two adjacent periods'],
    ['a bucket named like an IP address', { state: { bucket: '192.168.10.20' } }, 'state.bucket', 'IP address'],
    ['a bucket with the xn-- prefix', { state: { bucket: 'xn--boomi-tfstate' } }, 'state.bucket', "'xn--'"],
    ['a bucket with the -s3alias suffix', { state: { bucket: 'boomi-tfstate-s3alias' } }, 'state.bucket', "'-s3alias'"],
    ['a 100-character cluster name', { cluster: { name: 'c'.repeat(100) } }, 'cluster.name', `('${'c'.repeat(100)}') makes the IAM role name '${'c'.repeat(100)}-efs-csi-controller' (119 characters), but IAM allows 64: shorten it to at most 45 characters (it has 100)`],
    ['an aws: tag', { tags: { 'aws:team': 'x' } }, 'tags.aws:team', "('aws:team') the key starts with 'aws:', which AWS reserves for its own tags"],
    ['a 300-character tag value', { tags: { team: 'v'.repeat(300) } }, 'tags.team', `('${'v'.repeat(40)}…') the value is 300 characters long; AWS allows at most 256`],
    ['a tag key with $', { tags: { Cost$Center: 'x' } }, 'tags.Cost$Center', "('Cost$Center') the key may hold only letters, digits, spaces"],
    ['a platform tag key', { tags: { Environment: 'x' } }, 'tags.Environment', "('Environment') the key is set by the stacks on every resource"],
    ['more tags than a resource may carry', { tags: Object.fromEntries(Array.from({ length: 47 }, (_, i) => [`k${i}`, 'v'])) }, 'tags', 'keep at most 46'],
    ['0.0.0.0/0 on the API', { cluster: { endpoint: { publicAccessCidrs: ['203.0.113.0/24', '0.0.0.0/0'] } } }, 'cluster.endpoint.publicAccessCidrs[1]', 'cluster.endpoint.acceptOpenToInternet true'],
    ['0.0.0.0/0 on the load balancer', { molecule: { service: { sourceRanges: ['0.0.0.0/0'] } } }, 'molecule.service.sourceRanges[0]', 'molecule.service.acceptOpenToInternet true'],
    [
      'more managed node groups than EKS allows',
      { nodeGroups: Array.from({ length: 31 }, (_, i) => ({ name: `g${i}`, availabilityZone: 'us-east-1a', maxSize: 1 })), autoscaler: { maxNodesTotal: 100 }, hpa: { maxReplicas: 3 } },
      'nodeGroups',
      'makes 31 managed node groups, but EKS allows 30 per cluster',
    ],
    ['more nodes in a group than EKS allows', { nodeGroupDefaults: { maxSize: 451 }, autoscaler: { maxNodesTotal: 2000 } }, 'nodeGroupDefaults.maxSize', '(451) is above the 450 nodes EKS allows'],
  ])('%s', (_what, overrides, path, message) => {
    expect(validate(overrides)).toContainEqual({ path, message: expect.stringContaining(message) });
  });
});

describe('AWS rules: accepted', () => {
  it.each<[string, Overrides]>([
    ['a 45-character cluster name (the longest role name is exactly 64)', { cluster: { name: 'c'.repeat(45) } }],
    ['0.0.0.0/0 on the API with the risk accepted', { cluster: { endpoint: { publicAccessCidrs: ['0.0.0.0/0'], acceptOpenToInternet: true } } }],
    ['0.0.0.0/0 on the load balancer with the risk accepted', { molecule: { service: { sourceRanges: ['0.0.0.0/0'], acceptOpenToInternet: true } } }],
    ['0.0.0.0/0 on an internal load balancer (no internet path)', { molecule: { service: { scheme: 'internal', sourceRanges: ['0.0.0.0/0'] } } }],
    ['0.0.0.0/0 listed while the public endpoint is off', { cluster: { endpoint: { publicAccess: false, publicAccessCidrs: ['0.0.0.0/0'] } } }],
    ['exactly 30 node groups', { nodeGroups: Array.from({ length: 30 }, (_, i) => ({ name: `g${i}`, availabilityZone: 'us-east-1a', maxSize: 1 })), autoscaler: { maxNodesTotal: 100 }, hpa: { maxReplicas: 3 } }],
    ['a group of 450 nodes', { nodeGroupDefaults: { maxSize: 450 }, autoscaler: { maxNodesTotal: 1350 } }],
    ['a tag value of exactly 256 characters and an empty one', { tags: { a: 'v'.repeat(256), b: '' } }],
    ['46 tags', { tags: Object.fromEntries(Array.from({ length: 46 }, (_, i) => [`k${i}`, 'v'])) }],
    ['eu-west-1 with its AZs', { region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] }],
    ['us-east-1f', { availabilityZones: ['us-east-1a', 'us-east-1f'] }],
  ])('%s', (_what, overrides) => {
    expect(validate(overrides)).toEqual([]);
  });

  it(`EKS_QUOTAS holds the default quotas (${EKS_QUOTAS.managedNodeGroupsPerCluster} groups, ${EKS_QUOTAS.nodesPerManagedNodeGroup} nodes)`, () => {
    expect(EKS_QUOTAS).toEqual({ managedNodeGroupsPerCluster: 30, nodesPerManagedNodeGroup: 450 });
  });
});
