import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run, type Io } from './cli';
import { checkUpgrades, upgradeSteps } from './upgrade-guard';
import { writeOutdir } from '../test/fixtures';
import type { StackJson, Synth } from './types';

/** A `<env>-cluster` stack with one EKS cluster at `minor`, and a node group that follows it. */
function clusterStack(env: string, minor: string): StackJson {
  return {
    resource: {
      aws_eks_cluster: { eks_cluster_55B0C966: { name: `${env}-boomi-molecule`, version: minor, upgrade_policy: { support_type: 'STANDARD' } } },
      aws_eks_node_group: { 'node-groups_a': { cluster_name: '${aws_eks_cluster.eks_cluster_55B0C966.name}', version: minor, ami_type: 'AL2023_x86_64_STANDARD' } },
    },
  };
}

/** dev and prod at the given minors (a missing minor: the environment does not exist on that side). */
function platform(minors: Record<string, string>): Synth {
  const stacks = new Map(Object.entries(minors).map(([env, minor]) => [`${env}-cluster`, clusterStack(env, minor)]));
  return { stacks, manifest: { stacks: Object.fromEntries([...stacks.keys()].map((id) => [id, { dependencies: [] }])) } };
}

describe('upgradeSteps', () => {
  it('lists one step per minor, in order', () => {
    expect(upgradeSteps('1.33', '1.36')).toEqual(['1.33 → 1.34', '1.34 → 1.35', '1.35 → 1.36']);
    expect(upgradeSteps('1.33', '1.34')).toEqual(['1.33 → 1.34']);
    expect(upgradeSteps('1.34', '1.33')).toEqual([]);
  });
});

describe('checkUpgrades', () => {
  it('says nothing when no minor changes, or for a cluster new on the head side', () => {
    expect(checkUpgrades(platform({ dev: '1.34' }), platform({ dev: '1.34', prod: '1.36' }))).toEqual({ lines: [], refused: false });
  });

  it('reports a one-minor upgrade with the apply order, and lets it through', () => {
    expect(checkUpgrades(platform({ dev: '1.33', prod: '1.33' }), platform({ dev: '1.34', prod: '1.33' }))).toEqual({
      lines: [
        'upgrade: dev-cluster: EKS cluster dev-boomi-molecule: Kubernetes 1.33 → 1.34 (one minor): the apply goes control plane → ' +
          'add-ons nodes need (vpc-cni, kube-proxy, eks-pod-identity-agent) → node groups (same minor) → the rest (coredns, EFS CSI, workloads)',
      ],
      refused: false,
    });
  });

  it('refuses a jump of more than one minor in one line, listing the steps in order', () => {
    expect(checkUpgrades(platform({ dev: '1.33' }), platform({ dev: '1.36' }))).toEqual({
      lines: [
        'dev-cluster: EKS cluster dev-boomi-molecule: Kubernetes 1.33 → 1.36 skips 2 minors; EKS upgrades one minor at a time: upgrade in 3 steps, ' +
          '1) 1.33 → 1.34, 2) 1.34 → 1.35, 3) 1.35 → 1.36, each its own merge, review and apply (docs/upgrades.md)',
      ],
      refused: true,
    });
    expect(checkUpgrades(platform({ dev: '1.34' }), platform({ dev: '1.36' })).lines[0]).toContain('skips 1 minor;');
  });

  it('refuses a downgrade', () => {
    const r = checkUpgrades(platform({ prod: '1.35' }), platform({ prod: '1.34' }));
    expect(r.refused).toBe(true);
    expect(r.lines).toEqual([expect.stringMatching(/^prod-cluster: EKS cluster prod-boomi-molecule: Kubernetes 1\.35 → 1\.34 is a downgrade, which EKS refuses: keep cluster\.kubernetesVersion at 1\.35/)]);
  });

  it('judges every environment on its own: one refused, one fine', () => {
    const r = checkUpgrades(platform({ dev: '1.34', prod: '1.33' }), platform({ dev: '1.35', prod: '1.35' }));
    expect(r.refused).toBe(true);
    expect(r.lines.map((l) => l.split(':')[0])).toEqual(['upgrade', 'prod-cluster']);
  });
});

describe('plan-review with the upgrade guard (fixture outdirs)', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-review-upgrade-'));
    writeOutdir(platform({ dev: '1.33' }), path.join(tmp, 'v133'));
    writeOutdir(platform({ dev: '1.34' }), path.join(tmp, 'v134'));
    writeOutdir(platform({ dev: '1.35' }), path.join(tmp, 'v135'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  async function cli(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const io: Io = { cwd: tmp, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
    return { code: await run(argv, io), stdout, stderr };
  }

  it('one minor up: exit 2 (changed), one upgrade line on stderr, the version change in the review', async () => {
    const r = await cli('--base-dir', 'v133', '--head-dir', 'v134');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'plan-review: upgrade: dev-cluster: EKS cluster dev-boomi-molecule: Kubernetes 1.33 → 1.34 (one minor): the apply goes control plane → ' +
        'add-ons nodes need (vpc-cni, kube-proxy, eks-pod-identity-agent) → node groups (same minor) → the rest (coredns, EFS CSI, workloads)\n',
    );
    expect(r.stdout).toContain('`"1.33"` → `"1.34"`');
  });

  it('two minors up: exit 1 and one clear line; the review is still printed, the affected list is not', async () => {
    const r = await cli('--base-dir', 'v133', '--head-dir', 'v135', '--affected-out', 'affected.txt');
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'plan-review: dev-cluster: EKS cluster dev-boomi-molecule: Kubernetes 1.33 → 1.35 skips 1 minor; EKS upgrades one minor at a time: upgrade in 2 steps, ' +
        '1) 1.33 → 1.34, 2) 1.34 → 1.35, each its own merge, review and apply (docs/upgrades.md)',
    ]);
    expect(r.stdout).toMatch(/^## Plan review/);
    expect(fs.existsSync(path.join(tmp, 'affected.txt'))).toBe(false);
    const affected = await cli('--base-dir', 'v133', '--head-dir', 'v135', '--affected');
    expect(affected).toMatchObject({ code: 1, stdout: '' });
  });

  it('a downgrade: exit 1', async () => {
    const r = await cli('--base-dir', 'v135', '--head-dir', 'v134', '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Kubernetes 1.35 → 1.34 is a downgrade, which EKS refuses');
  });
});
