import { validateEnvironment } from './environment';
import { TEAM_B, printed, validInput, type Overrides } from '../test/valid-input';

// TEAM_B's HPA bounds are set by each test below: they are what the capacity figures are about.

const issuesOf = (overrides: Overrides, molecules: Record<string, unknown>[] = []) => {
  const r = validateEnvironment({ ...validInput(overrides), additionalMolecules: molecules });
  return printed(r.ok ? [] : r.issues);
};

/*
 * m5.large holds 3 pods of 500m/1024Mi (1930m allocatable - 200m reserve).
 * 3 AZ groups × max 4 nodes = 36 pods. The first Molecule's 20 pods (hpa
 * 3..20) spread 7/7/6 take 3 + 3 + 2 nodes, leaving 1 + 1 + 2 nodes (12 pods).
 */
const GROUPS: Overrides = { nodeGroupDefaults: { maxSize: 4 }, autoscaler: { maxNodesTotal: 12 } };

describe('capacity with several Molecules (node groups)', () => {
  it('accepts one Molecule alone, and a second that fits in what the first leaves', () => {
    expect(issuesOf(GROUPS)).toEqual([]);
    expect(issuesOf(GROUPS, [{ ...TEAM_B, hpa: { minReplicas: 2, maxReplicas: 6 } }])).toEqual([]);
  });

  it('refuses two Molecules that each fit alone but not together, naming both, with what the first takes', () => {
    const second = { ...TEAM_B, hpa: { minReplicas: 2, maxReplicas: 12 } };
    // Alone (as the first Molecule) the second one fits too.
    expect(issuesOf({ ...GROUPS, hpa: { minReplicas: 2, maxReplicas: 12 } })).toEqual([]);
    const issues = issuesOf(GROUPS, [second]);
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('additionalMolecules[0].hpa.maxReplicas');
    expect(issues[0].message).toMatch(/^\(12\) pods cannot all run under the zone spread \(additionalMolecules\[0\]\.zoneSpread 'required', maxSkew 1\)/);
    expect(issues[0].message).toContain('lower additionalMolecules[0].hpa.maxReplicas');
    expect(issues[0].message).toContain('The Molecules share the node groups: molecule (namespace boomi) needs 20 × 500m/1024Mi (hpa.maxReplicas), which takes 8 nodes');
    expect(issues[0].message).toMatch(/or lower hpa\.maxReplicas$/);
  });

  it('refuses the total when the zone spread is not what stops it', () => {
    const issues = issuesOf(GROUPS, [{ ...TEAM_B, zoneSpread: 'preferred', hpa: { minReplicas: 2, maxReplicas: 13 } }]);
    expect(issues).toEqual([
      {
        path: 'additionalMolecules[0].hpa.maxReplicas',
        message: expect.stringMatching(/^\(13\) × 500m\/1024Mi needs 13 pods but the node groups hold at most 12 .*or lower additionalMolecules\[0\]\.hpa\.maxReplicas or additionalMolecules\[0\]\.resources\.requests\..*molecule \(namespace boomi\) needs 20/),
      },
    ]);
  });

  it("counts each Molecule's own requests: a larger pod of the second Molecule takes more of the room left", () => {
    // 1 cpu / 2Gi: one pod per m5.large; 4 nodes are left, so 4 fit and 5 do not.
    const big = { resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '3Gi' } }, zoneSpread: 'preferred' };
    expect(issuesOf(GROUPS, [{ ...TEAM_B, ...big, hpa: { minReplicas: 2, maxReplicas: 4 } }])).toEqual([]);
    expect(issuesOf(GROUPS, [{ ...TEAM_B, ...big, hpa: { minReplicas: 2, maxReplicas: 5 } }]).map((i) => i.path)).toEqual(['additionalMolecules[0].hpa.maxReplicas']);
  });

  it('without an HPA counts the replicas, at the Molecule\'s own path', () => {
    const issues = issuesOf(GROUPS, [{ ...TEAM_B, replicas: 13, zoneSpread: 'preferred', hpa: { enabled: false } }]);
    expect(issues.map((i) => i.path)).toEqual(['additionalMolecules[0].replicas']);
  });
});

describe('capacity with several Molecules (Karpenter NodePools)', () => {
  // The Molecule pool's default limits: cpu 32, memory 128Gi = 16 m5.large = 48 pods of 500m/1024Mi.
  const KARPENTER: Overrides = { autoscaler: { kind: 'karpenter' }, nodeGroupDefaults: { minSize: 1, maxSize: 1, desiredSize: 1 } };

  it('accepts two Molecules within the pool, refuses two that pass its limits together, naming both', () => {
    expect(issuesOf(KARPENTER, [{ ...TEAM_B, hpa: { minReplicas: 2, maxReplicas: 27 } }])).toEqual([]);
    // Alone, 40 fit (14 nodes); after the first Molecule's 7 nodes, 9 are left: 27 pods.
    expect(issuesOf({ ...KARPENTER, hpa: { maxReplicas: 40 } })).toEqual([]);
    const issues = issuesOf(KARPENTER, [{ ...TEAM_B, hpa: { minReplicas: 2, maxReplicas: 40 } }]);
    expect(issues).toEqual([
      {
        path: 'additionalMolecules[0].hpa.maxReplicas',
        message: expect.stringMatching(
          /^\(40\) × 500m\/1024Mi needs 40 pods but autoscaler\.karpenter\.moleculePool\.limits \(cpu 18, memory 73728Mi\) hold 9 × m5\.large × 3 pods.*The Molecules share the NodePools: molecule \(namespace boomi\) needs 20 × 500m\/1024Mi \(hpa\.maxReplicas\), which takes 7 m5\.larges/,
        ),
      },
    ]);
  });
});
