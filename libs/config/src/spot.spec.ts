import { defineEnvironment, validateEnvironment } from './environment';
import { CAPACITY_LABEL, EKS_CAPACITY_TYPE_LABEL, SPOT_TAINT, capacityTypeDefaults } from './spot';
import type { EnvironmentInput } from './schema';
import { printed } from '../test/valid-input';

const base = (over: Partial<EnvironmentInput> = {}): EnvironmentInput => ({
  name: 'spot',
  region: 'us-east-1',
  accountId: '123456789012',
  availabilityZones: ['us-east-1a', 'us-east-1b'],
  state: { bucket: 'spot-boomi-tf-state' },
  cluster: { adminPrincipalArns: ['arn:aws:iam::123456789012:role/admin'], endpoint: { publicAccessCidrs: ['203.0.113.0/24'] } },
  molecule: {
    auth: { secretName: 'boomi/spot/molecule' },
    service: { sourceRanges: ['198.51.100.0/24'] },
    platformUrl: 'https://platform.boomi.com',
    image: { tag: '5.0.1' },
  },
  nodeGroupDefaults: { maxSize: 10 },
  autoscaler: { maxNodesTotal: 100 },
  ...over,
});

/** Two on-demand groups and two spot groups with several instance types (seed 004's layout). */
const MIXED: EnvironmentInput['nodeGroups'] = [
  { name: 'od-a', availabilityZone: 'us-east-1a' },
  { name: 'od-b', availabilityZone: 'us-east-1b' },
  { name: 'spot-a', availabilityZone: 'us-east-1a', capacityType: 'SPOT', instanceTypes: ['m5.large', 'm5a.large', 'm6i.large'], minSize: 0 },
  { name: 'spot-b', availabilityZone: 'us-east-1b', capacityType: 'SPOT', instanceTypes: ['m5.large', 'm5a.large', 'm6i.large'], minSize: 0 },
];

describe('the constants', () => {
  it('are the taint and labels the README documents', () => {
    expect(SPOT_TAINT).toEqual({ key: 'spot', value: 'true', effect: 'PREFER_NO_SCHEDULE' });
    expect(CAPACITY_LABEL).toBe('node.boomi.io/capacity');
    expect(EKS_CAPACITY_TYPE_LABEL).toBe('eks.amazonaws.com/capacityType');
  });
});

describe('capacityTypeDefaults', () => {
  it('gives a SPOT group the capacity label and the PreferNoSchedule taint', () => {
    expect(capacityTypeDefaults({ capacityType: 'SPOT', labels: {}, taints: [] })).toEqual({
      labels: { 'node.boomi.io/capacity': 'spot' },
      taints: [{ key: 'spot', value: 'true', effect: 'PREFER_NO_SCHEDULE' }],
    });
  });

  it('keeps the group’s own labels and taints, appending the spot taint', () => {
    const out = capacityTypeDefaults({
      capacityType: 'SPOT',
      labels: { team: 'x', 'node.boomi.io/capacity': 'cheap' },
      taints: [{ key: 'dedicated', value: 'batch', effect: 'NO_SCHEDULE' }],
    });
    expect(out.labels).toEqual({ team: 'x', 'node.boomi.io/capacity': 'spot' });
    expect(out.taints).toEqual([
      { key: 'dedicated', value: 'batch', effect: 'NO_SCHEDULE' },
      { key: 'spot', value: 'true', effect: 'PREFER_NO_SCHEDULE' },
    ]);
  });

  it('leaves a group’s own `spot` taint alone (to make it stricter)', () => {
    const out = capacityTypeDefaults({ capacityType: 'SPOT', labels: {}, taints: [{ key: 'spot', effect: 'NO_SCHEDULE' }] });
    expect(out.taints).toEqual([{ key: 'spot', effect: 'NO_SCHEDULE' }]);
  });

  it('changes nothing on an ON_DEMAND group, and copies its input', () => {
    const input = { capacityType: 'ON_DEMAND' as const, labels: { a: 'b' }, taints: [{ key: 'k', effect: 'NO_EXECUTE' as const }] };
    const out = capacityTypeDefaults(input);
    expect(out).toEqual({ labels: { a: 'b' }, taints: [{ key: 'k', effect: 'NO_EXECUTE' }] });
    expect(out.labels).not.toBe(input.labels);
  });
});

describe('validateEnvironment with spot groups', () => {
  const env = defineEnvironment(base({ nodeGroups: MIXED }));

  it('resolves the SPOT groups with the label and taint, the ON_DEMAND groups without', () => {
    expect(env.nodeGroups.map((g) => [g.name, g.capacityType, g.labels[CAPACITY_LABEL], g.taints])).toEqual([
      ['od-a', 'ON_DEMAND', undefined, []],
      ['od-b', 'ON_DEMAND', undefined, []],
      ['spot-a', 'SPOT', 'spot', [SPOT_TAINT]],
      ['spot-b', 'SPOT', 'spot', [SPOT_TAINT]],
    ]);
  });

  it('keeps several instance types per spot group', () => {
    expect(env.nodeGroups[2].instanceTypes).toEqual(['m5.large', 'm5a.large', 'm6i.large']);
  });

  it("defaults the Molecule's placement to on-demand", () => {
    expect(env.molecule.placement).toBe('on-demand');
  });

  it('applies to SPOT set in nodeGroupDefaults too (every per-AZ group)', () => {
    const all = validateEnvironment(base({ nodeGroupDefaults: { capacityType: 'SPOT', maxSize: 10 }, molecule: { ...base().molecule, placement: 'any' } }));
    expect(all.ok).toBe(true);
    if (all.ok) expect(all.environment.nodeGroups.every((g) => g.taints.some((t) => t.key === 'spot'))).toBe(true);
  });
});

describe('the placement rule', () => {
  const issues = (over: Partial<EnvironmentInput>) => {
    const r = validateEnvironment(base(over));
    return r.ok ? [] : printed(r.issues);
  };
  const allSpot = MIXED!.filter((g) => g.capacityType === 'SPOT');

  it("refuses placement 'on-demand' when every group is SPOT, at molecule.placement", () => {
    expect(issues({ nodeGroups: allSpot })).toEqual([
      { path: 'molecule.placement', message: expect.stringContaining("every node group is SPOT, so no Molecule pod could be scheduled") },
    ]);
  });

  it("accepts all-SPOT groups with placement 'any'", () => {
    expect(issues({ nodeGroups: allSpot, molecule: { ...base().molecule, placement: 'any' } })).toEqual([]);
  });

  it('refuses an unknown placement, naming the field', () => {
    expect(issues({ molecule: { ...base().molecule, placement: 'spot' as never } }).map((i) => i.path)).toEqual(['molecule.placement']);
  });
});

describe('the capacity rule with spot groups', () => {
  const issues = (over: Partial<EnvironmentInput>) => {
    const r = validateEnvironment(base(over));
    return r.ok ? [] : printed(r.issues);
  };
  // 2 on-demand groups × max 2 m5.large × 3 pods = 12; the spot groups would add 2 × 10 × 3 = 60.
  const small = MIXED!.map((g) => (g.capacityType === 'SPOT' ? g : { ...g, maxSize: 2 }));

  it("counts only ON_DEMAND groups with placement 'on-demand', and says why the SPOT groups do not count", () => {
    const found = issues({ nodeGroups: small, hpa: { maxReplicas: 20 } });
    expect(found).toEqual([{ path: 'hpa.maxReplicas', message: expect.stringContaining('the ON_DEMAND node groups hold at most 12') }]);
    expect(found[0].message).toContain("2 SPOT groups not counted: molecule.placement is 'on-demand'");
    expect(found[0].message).toContain("raise the ON_DEMAND groups' maxSize to 4");
  });

  it("counts every group with placement 'any'", () => {
    expect(issues({ nodeGroups: small, hpa: { maxReplicas: 20 }, molecule: { ...base().molecule, placement: 'any' } })).toEqual([]);
  });
});
