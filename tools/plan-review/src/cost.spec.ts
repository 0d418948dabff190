import { INSTANCE_ALLOCATABLE } from '@boomi-eks/config';
import { costOf, costReview, environmentOf, gibibytes, money, signedMoney, unitPrice } from './cost';
import { PRICE_TABLE } from './pricing';
import type { StackJson } from './types';

const provider = (region: string) => ({ aws: [{ region }] });

function cluster(opts: { type?: string; min?: number; max?: number; support?: string; capacity?: string; region?: string } = {}): StackJson {
  return {
    provider: provider(opts.region ?? 'us-east-1'),
    resource: {
      aws_launch_template: { lt: { name: 'x', block_device_mappings: [{ device_name: '/dev/xvda', ebs: { volume_size: 50, volume_type: 'gp3' } }] } },
      aws_eks_node_group: {
        ng: {
          node_group_name: 'a',
          instance_types: [opts.type ?? 'm5.large'],
          launch_template: { id: '${aws_launch_template.lt.id}', version: '1' },
          scaling_config: { min_size: opts.min ?? 1, max_size: opts.max ?? 10, desired_size: 1 },
          ...(opts.capacity ? { capacity_type: opts.capacity } : {}),
        },
      },
      aws_eks_cluster: { c: { name: 'c', ...(opts.support ? { upgrade_policy: { support_type: opts.support } } : {}) } },
      aws_efs_file_system: { fs: { encrypted: true } },
    },
  };
}

const network: StackJson = { provider: provider('us-east-1'), resource: { aws_nat_gateway: { n0: {}, n1: {} }, aws_eip: { e0: {}, e1: {} }, aws_flow_log: { f: {} } } };
const workloads: StackJson = {
  provider: provider('us-east-1'),
  resource: {
    kubernetes_manifest: {
      pvc: { manifest: { kind: 'PersistentVolumeClaim', spec: { resources: { requests: { storage: '10Gi' } } } } },
      svc: { manifest: { kind: 'Service', metadata: { name: 'molecule', annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' } }, spec: { type: 'LoadBalancer' } } },
      clb: { manifest: { kind: 'Service', metadata: { name: 'legacy' }, spec: { type: 'LoadBalancer' } } },
    },
  },
};

const us = PRICE_TABLE.regions['us-east-1'];
const H = PRICE_TABLE.hoursPerMonth;

describe('costOf', () => {
  const [prod] = costOf(new Map([['prod-network', network], ['prod-cluster', cluster({ support: 'STANDARD' })], ['prod-workloads', workloads], ['state', { resource: {} }]]));
  const line = (address: string) => prod.lines.find((l) => l.address === address)!;

  it('prices each node group at min and max size, root volume from its launch template', () => {
    const perNode = 0.096 * H + 50 * us.ebsGp3GbMonth; // m5.large + 50 GB gp3
    expect(line('aws_eks_node_group.ng')).toEqual({ stack: 'prod-cluster', address: 'aws_eks_node_group.ng', item: expect.stringContaining('node group a: 1–10 × m5.large + 50 GB gp3'), min: perNode, max: 10 * perNode });
  });

  it('prices NAT gateways, their public IPv4 addresses, the EFS at the PVC request and the NLB; Classic LBs are named unpriced', () => {
    expect(prod.lines.filter((l) => l.address.startsWith('aws_nat_gateway.')).map((l) => l.min)).toEqual([0.045 * H, 0.045 * H]);
    expect(line('aws_eip.e0').min).toBeCloseTo(0.005 * H);
    expect(line('aws_efs_file_system.fs')).toMatchObject({ item: expect.stringContaining('10 GB Standard'), min: 10 * 0.3 });
    expect(line('kubernetes_manifest.svc')).toMatchObject({ item: 'NLB of Service molecule', min: 0.0225 * H });
    expect(prod.unpriced).toEqual(['Service legacy: a LoadBalancer without the nlb annotation (Classic Load Balancer)']);
    expect(prod.leftOut).toEqual(expect.arrayContaining(['NAT gateway data processing ($0.045/GB)', 'CloudWatch Logs ingestion ($0.5/GB): VPC flow logs']));
    expect(prod.min).toBeCloseTo(prod.lines.reduce((n, l) => n + l.min, 0));
    expect(costOf(new Map([['state', { resource: { aws_s3_bucket: { b: {} } } }]]))).toEqual([]);
  });

  it('control plane: standard support only with support_type STANDARD, else extended support at the maximum', () => {
    expect(line('aws_eks_cluster.c')).toMatchObject({ min: 0.1 * H, max: 0.1 * H });
    for (const support of ['EXTENDED', undefined]) {
      const [env] = costOf(new Map([['dev-cluster', cluster({ support })]]));
      expect(env.lines.find((l) => l.address === 'aws_eks_cluster.c')).toMatchObject({ min: 0.1 * H, max: 0.6 * H, item: expect.stringContaining('extended support') });
    }
  });

  it('names what it cannot price instead of guessing: an unknown instance type, an unknown region', () => {
    const [a] = costOf(new Map([['x-cluster', cluster({ type: 'm99.large' })]]));
    expect(a.unpriced).toEqual(['m99.large in us-east-1 (node group a)']);
    expect(a.lines.some((l) => l.address === 'aws_eks_node_group.ng')).toBe(false);
    const [b] = costOf(new Map([['y-cluster', cluster({ region: 'ap-south-2' })]]));
    expect(b.unpriced).toEqual(['every item of stack y-cluster: no prices for region ap-south-2 in pricing.ts']);
    expect(b.max).toBe(0);
  });

  it('prices SPOT groups at the on-demand price and says it is an upper bound', () => {
    const [env] = costOf(new Map([['s-cluster', cluster({ capacity: 'SPOT' })]]));
    expect(env.lines[0].item).toContain('SPOT, priced on demand: an upper bound');
  });
});

describe('costReview', () => {
  it('gives the delta per environment and per resource at min and max', () => {
    const base = new Map([['prod-cluster', cluster({ support: 'STANDARD' })]]);
    const head = new Map([['prod-cluster', cluster({ type: 'm5.xlarge', max: 20, support: 'STANDARD' })]]);
    const r = costReview(base, head);
    const before = 0.096 * H + 50 * us.ebsGp3GbMonth;
    const after = 0.192 * H + 50 * us.ebsGp3GbMonth;
    expect(Object.keys(r.resourceDeltas)).toEqual(['prod-cluster/aws_eks_node_group.ng']);
    expect(r.resourceDeltas['prod-cluster/aws_eks_node_group.ng'].min).toBeCloseTo(after - before);
    expect(r.resourceDeltas['prod-cluster/aws_eks_node_group.ng'].max).toBeCloseTo(20 * after - 10 * before);
    expect(r.environments.map((e) => e.environment)).toEqual(['prod']);
    expect(r.environments[0].deltaMin).toBeCloseTo(after - before);
    expect(r.environments[0].deltaMax).toBeCloseTo(20 * after - 10 * before);
  });
});

describe('the price table', () => {
  it('has a date, sources, and a price for every instance type the config catalog knows, in every region', () => {
    expect(PRICE_TABLE.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(PRICE_TABLE.sources.length).toBeGreaterThan(5);
    for (const [region, prices] of Object.entries(PRICE_TABLE.regions)) {
      for (const type of Object.keys(INSTANCE_ALLOCATABLE)) expect([region, type, prices.ec2Hourly[type] > 0]).toEqual([region, type, true]);
    }
  });
});

describe('formatting', () => {
  it('writes money for a comment', () => {
    expect([money(7008), money(70.08), money(-12.5), signedMoney(1433.6), signedMoney(-3), signedMoney(0.001), unitPrice(0.045)]).toEqual([
      '$7,008',
      '$70.08',
      '−$12.50',
      '+$1,434',
      '−$3.00',
      '±$0',
      '$0.045',
    ]);
    expect([environmentOf('prod-cluster'), environmentOf('state'), environmentOf('my-env-network')]).toEqual(['prod', 'state', 'my-env']);
    expect([gibibytes('5Gi'), gibibytes('512Mi'), gibibytes('1Ti'), gibibytes('x')]).toEqual([5, 0.5, 1024, 0]);
  });
});
