import { InvalidPropsError } from '@boomi-eks/primitives';
import { MAX_PLANNED_AZS, NETWORK_DEFAULTS, VPC_PREFIX_RANGE, subnetCidrs, validateAvailabilityZones, validateNetworkProps, validateVpcCidr } from '@boomi-eks/network';
import * as rules from '@boomi-eks/network/rules';

describe('validateVpcCidr', () => {
  it.each([
    ['10.0.0.0/16', []],
    ['10.0.0.0/22', []],
    ['10.0.0.0/15', ['vpcCidr']],
    ['10.0.0.0/23', ['vpcCidr']],
    ['10.0.0.1/16', ['vpcCidr']],
    ['not-a-cidr', ['vpcCidr']],
  ])('%s → %j', (cidr, paths) => {
    expect(validateVpcCidr(cidr).map((i) => i.path)).toEqual(paths);
  });

  it('says the range, the value and why', () => {
    expect(validateVpcCidr('10.0.0.0/8')).toEqual([
      {
        path: 'vpcCidr',
        value: '10.0.0.0/8',
        message: `must be a /${VPC_PREFIX_RANGE.min} to /${VPC_PREFIX_RANGE.max}`,
        fix: 'AWS allows no larger VPC, and a smaller one leaves too few pod IPs per AZ (public subnets under the /28 AWS minimum)',
      },
    ]);
  });

  it('skips a value the isUnresolved predicate marks (a cdktf token)', () => {
    expect(validateVpcCidr('${var.cidr}', { isUnresolved: (v) => String(v).startsWith('${') })).toEqual([]);
    expect(validateVpcCidr('${var.cidr}')).toHaveLength(1);
  });
});

describe('validateAvailabilityZones', () => {
  const azs = (n: number) => Array.from({ length: n }, (_, i) => `az-${i}`);
  it.each([
    [0, 1],
    [1, 0],
    [MAX_PLANNED_AZS, 0],
    [MAX_PLANNED_AZS + 1, 1],
  ])('%i AZs → %i issue(s)', (n, count) => {
    expect(validateAvailabilityZones(azs(n))).toHaveLength(count);
  });
});

describe('the network props rules', () => {
  it('report every problem at once, and subnetCidrs throws them as one InvalidPropsError', () => {
    expect(validateNetworkProps({ vpcCidr: '10.0.0.0/8', availabilityZones: [] }).map((i) => i.path)).toEqual(['vpcCidr', 'availabilityZones']);
    let thrown: unknown;
    try {
      subnetCidrs('10.0.0.0/8', []);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InvalidPropsError);
    expect((thrown as InvalidPropsError).issues.map((i) => i.path)).toEqual(['vpcCidr', 'availabilityZones']);
  });

  it('the defaults pass the rules, are frozen, and /rules exports the same objects', () => {
    expect(validateNetworkProps({ vpcCidr: NETWORK_DEFAULTS.vpcCidr, availabilityZones: ['a'] })).toEqual([]);
    expect(Object.isFrozen(NETWORK_DEFAULTS)).toBe(true);
    expect(rules.NETWORK_DEFAULTS).toBe(NETWORK_DEFAULTS);
    expect(rules.validateVpcCidr).toBe(validateVpcCidr);
  });
});
