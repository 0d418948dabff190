// The review on real changes to the shipped prod environment, synthesized by the
// app itself: what a reviewer must not miss (replacements, destroys, renames)
// and what it costs, next to in-place changes that must stay in place.
import { run, type Io } from '../src/cli';
import { renderMarkdown } from '../src/render-markdown';
import { buildReview } from '../src/review';
import type { Review, StackJson, Synth } from '../src/types';
import { edit, environmentFile, synthApp, synthOf, WORKSPACE } from './synth-app';

jest.setTimeout(60_000);

const prod = environmentFile('prod');
let baseDir: string;
let base: Synth;

beforeAll(() => {
  baseDir = synthApp({ prod });
  base = synthOf(baseDir);
});

function review(head: Synth): Review {
  return buildReview(base, head, { label: 'base' }, { label: 'head' });
}

function reviewOf(prodSource: string): Review {
  return review(synthOf(synthApp({ prod: prodSource })));
}

const addresses = (r: Review) => r.replacements.map((x) => `${x.stack} ${x.address}`);

describe('instance type of the node groups', () => {
  let r: Review;
  beforeAll(() => {
    r = reviewOf(edit(prod, "cluster: {", "nodeGroupDefaults: { instanceTypes: ['m5.xlarge'], minSize: 1, maxSize: 100, desiredSize: 1 },\n  cluster: {"));
  });

  it('replaces the three node groups, naming the argument and the old and new value', () => {
    const groups = r.replacements.filter((x) => x.type === 'aws_eks_node_group');
    expect(groups.map((g) => g.constructPath)).toEqual(['node-groups/us-east-1a', 'node-groups/us-east-1b', 'node-groups/us-east-1c']);
    for (const g of groups) {
      expect(g.certain).toBe(true);
      expect(g.reasons).toEqual([{ argument: 'instance_types', before: ['m5.large'], after: ['m5.xlarge'] }]);
    }
    expect(r.destroys).toEqual([]);
  });

  it('shows Replaces first, with the cost next to each group', () => {
    const md = renderMarkdown(r);
    expect(md.indexOf('### ⚠️ Replaces: 3 resources are destroyed and re-created')).toBeLessThan(md.indexOf('| stack | added | removed | changed |'));
    // m5.large $0.096/h → m5.xlarge $0.192/h, 730 h, 100 nodes: +$7,008 a group.
    expect(md).toMatch(/`aws_eks_node_group\.node-groups_us-east-1a_[0-9A-F]{8}` — node-groups\/us-east-1a · \*\*\+\$7,008\/month at max scale\*\* \(\+\$70\.08 at min\) \| `instance_types` \| `\["m5.large"\]` → `\["m5.xlarge"\]` \|/);
    expect(md).toMatch(/\| `prod` \| \$\d[\d,]* – \$\d[\d,]* \| \$\d[\d,]* – \$\d[\d,]* \| \+\$210 \| \*\*\+\$21,024\*\* \|/);
  });
});

describe('a new service CIDR and a larger HPA bound, in one change', () => {
  let headDir: string;
  let r: Review;
  beforeAll(() => {
    const edited = edit(edit(prod, '  cluster: {', "  cluster: {\n    serviceIpv4Cidr: '172.21.0.0/16',"), '  molecule: {', '  hpa: { maxReplicas: 30 },\n  molecule: {');
    headDir = synthApp({ prod: edited });
    r = review(synthOf(headDir));
  });

  it('the service CIDR replaces the EKS cluster, and the review says what goes with it', () => {
    expect(addresses(r)).toEqual([expect.stringMatching(/^prod-cluster aws_eks_cluster\.eks_cluster_[0-9A-F]{8}$/)]);
    expect(r.replacements[0].reasons).toEqual([{ argument: 'kubernetes_network_config.service_ipv4_cidr', before: '172.20.0.0/16', after: '172.21.0.0/16' }]);
    expect(renderMarkdown(r)).toContain('↳ a new cluster: new endpoint and certificate');
  });

  it('the HPA bound is an in-place change: not replaced, no cost change', () => {
    const workloads = r.stacks.find((s) => s.stack === 'prod-workloads')!;
    expect(workloads.changed.map((b) => [b.type, b.attributes.map((a) => `${a.path}: ${a.before} → ${a.after}`)])).toEqual([
      ['kubernetes_manifest', ['manifest.spec.maxReplicas: 20 → 30']],
    ]);
    expect(r.replacements.filter((x) => x.stack === 'prod-workloads')).toEqual([]);
    expect(r.destroys).toEqual([]);
    expect(r.cost!.environments.find((e) => e.environment === 'prod')!.deltaMax).toBe(0);
    expect(renderMarkdown(r)).not.toContain('Destroys');
  });

  it('the CLI exits 2 and puts Replaces above everything else; 0 when nothing changed', async () => {
    let stdout = '';
    const io: Io = { cwd: WORKSPACE, stdout: (t) => (stdout += t), stderr: () => undefined };
    expect(await run(['--base-dir', baseDir, '--head-dir', headDir], io)).toBe(2);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('## Plan review: 2 stacks changed');
    expect(lines[2]).toBe('### ⚠️ Replaces: 1 resource is destroyed and re-created');
    expect(await run(['--base-dir', baseDir, '--head-dir', baseDir], { ...io, stdout: () => undefined })).toBe(0);
  });
});

it('a new VPC CIDR replaces the network and, through the cross-stack outputs, the node groups and EFS mount targets', () => {
  const r = reviewOf(edit(prod, "vpcCidr: '10.100.0.0/16'", "vpcCidr: '10.101.0.0/16'"));
  const of = (stack: string, type: string) => r.replacements.filter((x) => x.stack === stack && x.type === type);
  expect(of('prod-network', 'aws_vpc')[0].reasons).toEqual([{ argument: 'cidr_block', before: '10.100.0.0/16', after: '10.101.0.0/16' }]);
  expect(of('prod-network', 'aws_subnet')).toHaveLength(6);
  expect(of('prod-network', 'aws_nat_gateway')).toHaveLength(3);
  const groups = of('prod-cluster', 'aws_eks_node_group');
  expect(groups).toHaveLength(3);
  for (const g of groups) {
    expect(g.reasons).toEqual([
      { argument: 'subnet_ids', before: [expect.stringContaining('cross-stack-output-aws_subnetnetwork_private-')], after: '(known after apply)', cause: expect.stringMatching(/^prod-network: aws_subnet\.network_private-\d_[0-9A-F]{8}$/) },
    ]);
  }
  expect(of('prod-cluster', 'aws_efs_mount_target')).toHaveLength(3);
  // The EKS cluster's subnets update in place (provider 6.x): it is not replaced.
  expect(of('prod-cluster', 'aws_eks_cluster')).toEqual([]);
  expect(renderMarkdown(r)).toMatch(/`subnet_ids` \(reads `prod-network: aws_subnet\.network_private-0_[0-9A-F]{8}`, which is replaced\)/);
});

it('a node group max size shows "+$N/month at max scale" next to the change', () => {
  const r = reviewOf(edit(prod, "cluster: {", "nodeGroupDefaults: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 120, desiredSize: 1 },\n  autoscaler: { maxNodesTotal: 360 },\n  cluster: {"));
  expect(r.replacements).toEqual([]);
  // 20 more m5.large nodes with 20 GB gp3: 20 × (0.096 × 730 + 20 × 0.08) = $1,433.60
  expect(renderMarkdown(r)).toMatch(/`aws_eks_node_group\.node-groups_us-east-1a_[0-9A-F]{8}` — node-groups\/us-east-1a · \*\*\+\$1,434\/month at max scale\*\* \(±\$0 at min\)\n {2}- `scaling_config\.max_size`: `100` → `120`/);
});

describe('a construct rename (the EFS file system moved under a new construct id)', () => {
  let head: Synth;
  let r: Review;
  beforeAll(() => {
    // What renaming a construct does to the JSON: a new address, references follow, configuration unchanged.
    const cluster = JSON.stringify(base.stacks.get('prod-cluster'));
    const old = /aws_efs_file_system"\s*:\s*\{\s*"(efs_file-system_[0-9A-F]{8})"/.exec(cluster)![1];
    const renamed = JSON.parse(cluster.split(old).join('storage_file-system_0A1B2C3D')) as StackJson;
    head = { stacks: new Map([...base.stacks, ['prod-cluster', renamed]]), manifest: base.manifest };
    r = review(head);
  });

  it('lists the old address under Destroys as a likely rename, with the fix', () => {
    expect(r.destroys).toEqual([
      expect.objectContaining({
        stack: 'prod-cluster',
        address: expect.stringMatching(/^aws_efs_file_system\.efs_file-system_[0-9A-F]{8}$/),
        likelyRenamedTo: 'aws_efs_file_system.storage_file-system_0A1B2C3D',
      }),
    ]);
    const md = renderMarkdown(r);
    expect(md).toMatch(/### 🗑️ Destroys: 1 resource removed from the code/);
    expect(md).toContain("**likely renamed** to `aws_efs_file_system.storage_file-system_0A1B2C3D`");
    expect(md).toMatch(/call `\.moveFromId\('aws_efs_file_system\.efs_file-system_[0-9A-F]{8}'\)` on the renamed construct/);
  });

  it('replaces what reads the new file system\'s id: mount targets, access point, policies', () => {
    expect(r.replacements.map((x) => x.type).sort()).toEqual([
      'aws_efs_access_point',
      'aws_efs_backup_policy',
      'aws_efs_file_system_policy',
      'aws_efs_mount_target',
      'aws_efs_mount_target',
      'aws_efs_mount_target',
    ]);
    for (const x of r.replacements) {
      expect(x.reasons[0]).toMatchObject({ argument: 'file_system_id', after: '${aws_efs_file_system.storage_file-system_0A1B2C3D.id}' });
    }
  });

  it('is no destroy once the head moves it (cdktf moveFromId writes a moved block)', () => {
    const cluster = head.stacks.get('prod-cluster')!;
    const oldAddress = r.destroys[0].address;
    const moved = { ...cluster, moved: [{ from: oldAddress, to: 'aws_efs_file_system.storage_file-system_0A1B2C3D' }] };
    const again = review({ stacks: new Map([...head.stacks, ['prod-cluster', moved]]), manifest: head.manifest });
    expect(again.destroys).toEqual([]);
  });
});
