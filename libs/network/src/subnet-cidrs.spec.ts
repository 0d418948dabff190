import { cidrsOverlap, mustParseCidr, parseCidr } from '@boomi-eks/primitives';
import { MAX_PLANNED_AZS, subnetCidrs, type AzSubnetCidrs } from '@boomi-eks/network';

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

/** Every subnet of a plan, labelled so a failure says which one. */
function allSubnets(plan: AzSubnetCidrs[]): { label: string; cidr: string }[] {
  return plan.flatMap((p) => [
    { label: `private ${p.availabilityZone}`, cidr: p.privateCidr },
    { label: `public ${p.availabilityZone}`, cidr: p.publicCidr },
  ]);
}

/** True when `inner` lies wholly inside `outer`. */
function contains(outer: string, inner: string): boolean {
  const o = mustParseCidr(outer);
  const i = mustParseCidr(inner);
  return i.prefix >= o.prefix && cidrsOverlap(o, i);
}

describe('subnetCidrs', () => {
  it('cuts 10.100.0.0/16 over 3 AZs into /19 private and /22 public subnets from the last /19', () => {
    expect(subnetCidrs('10.100.0.0/16', AZS)).toEqual([
      { availabilityZone: 'us-east-1a', privateCidr: '10.100.0.0/19', publicCidr: '10.100.224.0/22' },
      { availabilityZone: 'us-east-1b', privateCidr: '10.100.32.0/19', publicCidr: '10.100.228.0/22' },
      { availabilityZone: 'us-east-1c', privateCidr: '10.100.64.0/19', publicCidr: '10.100.232.0/22' },
    ]);
  });

  it('scales down to a /20 VPC: /23 private, /26 public', () => {
    expect(subnetCidrs('10.0.16.0/20', AZS)).toEqual([
      { availabilityZone: 'us-east-1a', privateCidr: '10.0.16.0/23', publicCidr: '10.0.30.0/26' },
      { availabilityZone: 'us-east-1b', privateCidr: '10.0.18.0/23', publicCidr: '10.0.30.64/26' },
      { availabilityZone: 'us-east-1c', privateCidr: '10.0.20.0/23', publicCidr: '10.0.30.128/26' },
    ]);
  });

  it('takes a /22 VPC, the smallest, with /28 public subnets (the AWS minimum)', () => {
    expect(subnetCidrs('192.168.4.0/22', AZS)).toEqual([
      { availabilityZone: 'us-east-1a', privateCidr: '192.168.4.0/25', publicCidr: '192.168.7.128/28' },
      { availabilityZone: 'us-east-1b', privateCidr: '192.168.4.128/25', publicCidr: '192.168.7.144/28' },
      { availabilityZone: 'us-east-1c', privateCidr: '192.168.5.0/25', publicCidr: '192.168.7.160/28' },
    ]);
  });

  it('keeps the AZ order it was given', () => {
    const plan = subnetCidrs('10.100.0.0/16', ['eu-west-1c', 'eu-west-1a']);
    expect(plan.map((p) => p.availabilityZone)).toEqual(['eu-west-1c', 'eu-west-1a']);
  });

  describe.each([
    ['10.100.0.0/16', 3],
    ['10.0.16.0/20', 3],
    ['192.168.4.0/22', 3],
    ['10.100.0.0/16', MAX_PLANNED_AZS],
    ['10.64.0.0/18', MAX_PLANNED_AZS],
  ])('%s with %i AZs', (vpcCidr, azCount) => {
    const azs = Array.from({ length: azCount }, (_, i) => `az-${i}`);
    const subnets = allSubnets(subnetCidrs(vpcCidr, azs));

    it('yields valid CIDR blocks with their host bits zero', () => {
      expect(subnets.filter((s) => parseCidr(s.cidr) === undefined)).toEqual([]);
    });

    it('places every subnet inside the VPC', () => {
      expect(subnets.filter((s) => !contains(vpcCidr, s.cidr))).toEqual([]);
    });

    it('never overlaps two subnets', () => {
      const overlapping: string[] = [];
      subnets.forEach((a, i) =>
        subnets.slice(i + 1).forEach((b) => {
          if (cidrsOverlap(mustParseCidr(a.cidr), mustParseCidr(b.cidr))) overlapping.push(`${a.label} ${a.cidr} / ${b.label} ${b.cidr}`);
        }),
      );
      expect(overlapping).toEqual([]);
    });
  });

  it('does not move existing subnets when an AZ is added', () => {
    const before = subnetCidrs('10.100.0.0/16', AZS);
    const after = subnetCidrs('10.100.0.0/16', [...AZS, 'us-east-1d']);
    expect(after.slice(0, AZS.length)).toEqual(before);
    expect(after[3]).toEqual({ availabilityZone: 'us-east-1d', privateCidr: '10.100.96.0/19', publicCidr: '10.100.236.0/22' });
  });

  it('plans up to MAX_PLANNED_AZS (7) AZs', () => {
    expect(MAX_PLANNED_AZS).toBe(7);
    const plan = subnetCidrs('10.100.0.0/16', Array.from({ length: 7 }, (_, i) => `az-${i}`));
    expect(plan[6]).toEqual({ availabilityZone: 'az-6', privateCidr: '10.100.192.0/19', publicCidr: '10.100.248.0/22' });
  });

  describe('refuses', () => {
    it('a VPC larger than a /16 (AWS refuses it)', () => {
      expect(() => subnetCidrs('172.16.0.0/12', AZS)).toThrow(/vpcCidr: \('172\.16\.0\.0\/12'\) must be a \/16 to \/22: AWS allows no larger VPC/);
    });

    it('a VPC smaller than a /22, naming the CIDR', () => {
      expect(() => subnetCidrs('10.100.0.0/23', AZS)).toThrow(/vpcCidr: \('10\.100\.0\.0\/23'\) must be a \/16 to \/22: .*public subnets under the \/28 AWS minimum/);
    });

    it('no AZ at all, naming the count', () => {
      expect(() => subnetCidrs('10.100.0.0/16', [])).toThrow(/availabilityZones: \(\[\]\) holds 0 AZs: the subnet plan takes 1 to 7/);
    });

    it('8 AZs, one more than the plan holds, naming the count', () => {
      const eight = Array.from({ length: 8 }, (_, i) => `az-${i}`);
      expect(() => subnetCidrs('10.100.0.0/16', eight)).toThrow(/availabilityZones: .* holds 8 AZs: the subnet plan takes 1 to 7/);
    });

    it('a malformed VPC CIDR, quoting it', () => {
      expect(() => subnetCidrs('10.100.0.1/16', AZS)).toThrow(/'10\.100\.0\.1\/16'/);
    });
  });
});
