import { TerraformOutput } from 'cdktf';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Network, subnetCidrs, type NetworkProps } from '@boomi-eks/network';
import { decodeJsonencode, listResources, onlyResource, referencedResource, resourcesOfType, synthConstruct, type StackJson } from '@boomi-eks/testing';

const AZS = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const BASE: NetworkProps = { name: 'dev', region: 'eu-west-1', availabilityZones: AZS };

function synthNetwork(props: Partial<NetworkProps> = {}): { json: StackJson; network: Network } {
  const { json, result } = synthConstruct((scope) => new Network(scope, 'network', { ...BASE, ...props }), 'eu-west-1');
  return { json, network: result };
}

/** The resource an `${type.name.attr}` expression points at; fails the test when it points nowhere. */
function follow(json: StackJson, expression: unknown, expectedType: string): Record<string, any> {
  const ref = referencedResource(json, expression);
  expect(ref).toEqual(expect.objectContaining({ type: expectedType }));
  return resourcesOfType(json, ref!.type)[ref!.name];
}

/** The EKS load-balancer role tag that marks a subnet public or private. */
const ROLE_TAG = { public: 'kubernetes.io/role/elb', private: 'kubernetes.io/role/internal-elb' } as const;

/** Subnets whose role tag says public (elb) or private (internal-elb). */
function subnetsByRole(json: StackJson, role: keyof typeof ROLE_TAG): Record<string, any>[] {
  return listResources(json, Subnet.tfResourceType).filter((s) => s.tags?.[ROLE_TAG[role]] !== undefined);
}

/** `${aws_subnet.<name>.id}` for the subnet of a given role in a given AZ. */
function subnetIdIn(json: StackJson, role: keyof typeof ROLE_TAG, az: string): string {
  const names = Object.entries(resourcesOfType(json, Subnet.tfResourceType))
    .filter(([, s]) => s.availability_zone === az && s.tags?.[ROLE_TAG[role]] !== undefined)
    .map(([name]) => name);
  expect(names).toHaveLength(1);
  return `\${${Subnet.tfResourceType}.${names[0]}.id}`;
}

/** The route table associated with a subnet id expression. */
function routeTableOf(json: StackJson, subnetId: string): Record<string, any> {
  const associations = listResources(json, RouteTableAssociation.tfResourceType).filter((a) => a.subnet_id === subnetId);
  expect(associations).toHaveLength(1);
  return follow(json, associations[0].route_table_id, RouteTable.tfResourceType);
}

/** The 0.0.0.0/0 route of a route table, found by reference. */
function defaultRouteOf(json: StackJson, routeTable: Record<string, any>): Record<string, any> {
  const routes = listResources(json, Route.tfResourceType).filter(
    (r) => r.destination_cidr_block === '0.0.0.0/0' && follow(json, r.route_table_id, RouteTable.tfResourceType) === routeTable,
  );
  expect(routes).toHaveLength(1);
  return routes[0];
}

describe('Network', () => {
  describe('VPC', () => {
    it('has the default CIDR 10.100.0.0/16 with DNS support and hostnames', () => {
      const { json } = synthNetwork();
      expect(onlyResource(json, Vpc.tfResourceType)).toEqual(
        expect.objectContaining({ cidr_block: '10.100.0.0/16', enable_dns_support: true, enable_dns_hostnames: true }),
      );
    });

    it('takes a given CIDR and exposes it', () => {
      const { json, network } = synthNetwork({ vpcCidr: '10.8.0.0/20' });
      expect(onlyResource(json, Vpc.tfResourceType).cidr_block).toBe('10.8.0.0/20');
      expect(network.vpcCidr).toBe('10.8.0.0/20');
    });
  });

  describe('subnets', () => {
    const { json } = synthNetwork({ clusterName: 'boomi-dev' });
    const plan = subnetCidrs('10.100.0.0/16', AZS);

    it('makes exactly one public and one private subnet per AZ', () => {
      expect(listResources(json, Subnet.tfResourceType)).toHaveLength(2 * AZS.length);
      expect(subnetsByRole(json, 'public').map((s) => s.availability_zone).sort()).toEqual(AZS);
      expect(subnetsByRole(json, 'private').map((s) => s.availability_zone).sort()).toEqual(AZS);
    });

    it.each(plan.map((p) => [p.availabilityZone, p] as const))('gives the public subnet in %s its planned CIDR, ELB role and cluster tag', (az, p) => {
      const [subnet] = subnetsByRole(json, 'public').filter((s) => s.availability_zone === az);
      expect(subnet).toEqual(
        expect.objectContaining({
          availability_zone: az,
          cidr_block: p.publicCidr,
          map_public_ip_on_launch: false,
          tags: expect.objectContaining({ 'kubernetes.io/role/elb': '1', 'kubernetes.io/cluster/boomi-dev': 'shared' }),
        }),
      );
      expect(subnet.tags).not.toHaveProperty(['kubernetes.io/role/internal-elb']);
      expect(follow(json, subnet.vpc_id, Vpc.tfResourceType)).toBe(onlyResource(json, Vpc.tfResourceType));
    });

    it.each(plan.map((p) => [p.availabilityZone, p] as const))('gives the private subnet in %s its planned CIDR, internal-ELB role and cluster tag', (az, p) => {
      const [subnet] = subnetsByRole(json, 'private').filter((s) => s.availability_zone === az);
      expect(subnet).toEqual(
        expect.objectContaining({
          availability_zone: az,
          cidr_block: p.privateCidr,
          tags: expect.objectContaining({ 'kubernetes.io/role/internal-elb': '1', 'kubernetes.io/cluster/boomi-dev': 'shared' }),
        }),
      );
      expect(subnet.tags).not.toHaveProperty(['kubernetes.io/role/elb']);
      expect(subnet.map_public_ip_on_launch ?? false).toBe(false);
    });

    it('never maps public IPs on launch', () => {
      const mapping = listResources(json, Subnet.tfResourceType).map((s) => s.map_public_ip_on_launch ?? false);
      expect(mapping).toEqual(mapping.map(() => false));
    });

    it('leaves out the cluster tag when no clusterName is given', () => {
      const { json: untagged } = synthNetwork();
      const clusterTags = listResources(untagged, Subnet.tfResourceType).flatMap((s) =>
        Object.keys(s.tags ?? {}).filter((k) => k.startsWith('kubernetes.io/cluster/')),
      );
      expect(clusterTags).toEqual([]);
    });

    it("exposes each AZ's subnet ids, in AZ order, pointing at the subnets of that AZ", () => {
      const { json, result: network } = synthConstruct((scope) => {
        const n = new Network(scope, 'network', BASE);
        new TerraformOutput(scope, 'by-az', { value: n.subnetsByAz });
        new TerraformOutput(scope, 'public-ids', { value: n.publicSubnetIds });
        new TerraformOutput(scope, 'private-ids', { value: n.privateSubnetIds });
        return n;
      }, 'eu-west-1');
      expect(network.availabilityZones).toEqual(AZS);
      expect(json.output?.['by-az'].value).toEqual(
        AZS.map((az) => ({
          availabilityZone: az,
          publicSubnetId: subnetIdIn(json, 'public', az),
          privateSubnetId: subnetIdIn(json, 'private', az),
        })),
      );
      expect(json.output?.['public-ids'].value).toEqual(AZS.map((az) => subnetIdIn(json, 'public', az)));
      expect(json.output?.['private-ids'].value).toEqual(AZS.map((az) => subnetIdIn(json, 'private', az)));
    });
  });

  describe('routing', () => {
    it('routes the public subnets to the internet gateway through one shared route table', () => {
      const { json } = synthNetwork();
      const igw = onlyResource(json, InternetGateway.tfResourceType);
      const tables = AZS.map((az) => routeTableOf(json, subnetIdIn(json, 'public', az)));
      expect(new Set(tables).size).toBe(1);
      const route = defaultRouteOf(json, tables[0]);
      expect(follow(json, route.gateway_id, InternetGateway.tfResourceType)).toBe(igw);
      expect(route.nat_gateway_id).toBeUndefined();
    });

    it('with one-per-az (the default), makes a NAT gateway per AZ and routes each private subnet to the NAT in its own AZ', () => {
      const { json, network } = synthNetwork();
      expect(listResources(json, NatGateway.tfResourceType)).toHaveLength(3);
      expect(network.natGatewayIds).toHaveLength(3);
      const nats = new Set<Record<string, any>>();
      for (const az of AZS) {
        const table = routeTableOf(json, subnetIdIn(json, 'private', az));
        const route = defaultRouteOf(json, table);
        expect(route.gateway_id).toBeUndefined();
        const nat = follow(json, route.nat_gateway_id, NatGateway.tfResourceType);
        // The NAT gateway must sit in the public subnet of the same AZ.
        expect(follow(json, nat.subnet_id, Subnet.tfResourceType)).toEqual(
          expect.objectContaining({ availability_zone: az, tags: expect.objectContaining({ [ROLE_TAG.public]: '1' }) }),
        );
        nats.add(nat);
      }
      expect(nats.size).toBe(3);
    });

    it('with single, makes one NAT gateway in the first AZ that every private subnet leaves through', () => {
      const { json, network } = synthNetwork({ natGateways: 'single' });
      const nat = onlyResource(json, NatGateway.tfResourceType);
      expect(network.natGatewayIds).toHaveLength(1);
      expect(follow(json, nat.subnet_id, Subnet.tfResourceType)).toEqual(
        expect.objectContaining({ availability_zone: AZS[0], tags: expect.objectContaining({ 'kubernetes.io/role/elb': '1' }) }),
      );
      for (const az of AZS) {
        const route = defaultRouteOf(json, routeTableOf(json, subnetIdIn(json, 'private', az)));
        expect(follow(json, route.nat_gateway_id, NatGateway.tfResourceType)).toBe(nat);
      }
    });

    it('gives each NAT gateway its own elastic IP and makes it after the internet gateway', () => {
      const { json } = synthNetwork();
      const igwName = Object.keys(resourcesOfType(json, InternetGateway.tfResourceType))[0];
      const allocations = listResources(json, NatGateway.tfResourceType).map((nat) => {
        expect(nat.depends_on).toContain(`${InternetGateway.tfResourceType}.${igwName}`);
        return referencedResource(json, nat.allocation_id);
      });
      expect(allocations.map((a) => `${a?.type}.${a?.attribute}`)).toEqual(AZS.map(() => 'aws_eip.allocation_id'));
      expect(new Set(allocations.map((a) => a?.name)).size).toBe(AZS.length);
    });

    it('associates every subnet with exactly one route table', () => {
      const { json } = synthNetwork();
      const subnetIds = Object.keys(resourcesOfType(json, Subnet.tfResourceType)).map((n) => `\${${Subnet.tfResourceType}.${n}.id}`);
      const associated = listResources(json, RouteTableAssociation.tfResourceType).map((a) => a.subnet_id);
      expect([...associated].sort()).toEqual([...subnetIds].sort());
    });
  });

  describe('S3 gateway endpoint', () => {
    it('uses the region in its service name and is attached to every route table', () => {
      const { json } = synthNetwork();
      const endpoint = onlyResource(json, VpcEndpoint.tfResourceType);
      expect(endpoint).toEqual(expect.objectContaining({ service_name: 'com.amazonaws.eu-west-1.s3', vpc_endpoint_type: 'Gateway' }));
      const tableIds = Object.keys(resourcesOfType(json, RouteTable.tfResourceType)).map((n) => `\${${RouteTable.tfResourceType}.${n}.id}`);
      expect(tableIds).toHaveLength(AZS.length + 1);
      expect([...endpoint.route_table_ids].sort()).toEqual([...tableIds].sort());
    });

    it('follows the region prop, not a hard-coded one', () => {
      const { json } = synthNetwork({ region: 'ap-southeast-2' });
      expect(onlyResource(json, VpcEndpoint.tfResourceType).service_name).toBe('com.amazonaws.ap-southeast-2.s3');
    });
  });

  describe('flow logs', () => {
    it('sends ALL traffic of the VPC to a CloudWatch log group kept 30 days by default', () => {
      const { json } = synthNetwork();
      const flowLog = onlyResource(json, FlowLog.tfResourceType);
      expect(flowLog).toEqual(expect.objectContaining({ traffic_type: 'ALL', log_destination_type: 'cloud-watch-logs' }));
      expect(follow(json, flowLog.vpc_id, Vpc.tfResourceType)).toBe(onlyResource(json, Vpc.tfResourceType));
      const logGroup = follow(json, flowLog.log_destination, CloudwatchLogGroup.tfResourceType);
      expect(logGroup).toEqual(expect.objectContaining({ name: '/aws/vpc/dev/flow-logs', retention_in_days: 30 }));
    });

    it('keeps the logs for the given retention', () => {
      const { json } = synthNetwork({ flowLogRetentionDays: 365 });
      expect(onlyResource(json, CloudwatchLogGroup.tfResourceType).retention_in_days).toBe(365);
    });

    it('delivers with a role that only vpc-flow-logs.amazonaws.com may assume', () => {
      const { json } = synthNetwork();
      const role = follow(json, onlyResource(json, FlowLog.tfResourceType).iam_role_arn, IamRole.tfResourceType);
      const trust = decodeJsonencode(role.assume_role_policy);
      expect(trust.Statement).toEqual([
        { Effect: 'Allow', Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ]);
    });
  });

  describe('default security group', () => {
    it('is adopted in the VPC with no ingress or egress rule', () => {
      const { json } = synthNetwork();
      const sg = onlyResource(json, DefaultSecurityGroup.tfResourceType);
      expect(follow(json, sg.vpc_id, Vpc.tfResourceType)).toBe(onlyResource(json, Vpc.tfResourceType));
      expect(sg.ingress ?? []).toEqual([]);
      expect(sg.egress ?? []).toEqual([]);
    });
  });

  it('refuses a VPC CIDR the subnet plan cannot hold, naming it', () => {
    expect(() => synthNetwork({ vpcCidr: '10.100.0.0/24' })).toThrow(/Network '.+' is invalid \(1 problem\):\n  - vpcCidr: \('10\.100\.0\.0\/24'\) must be a \/16 to \/22/);
  });
});

describe('flow-log encryption', () => {
  it('puts the flow-log group on the given customer-managed key, and on none by default', () => {
    const { json } = synthNetwork({ flowLogKmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/k' });
    expect(onlyResource(json, 'aws_cloudwatch_log_group').kms_key_id).toBe('arn:aws:kms:eu-west-1:123456789012:key/k');
    expect(onlyResource(synthNetwork().json, 'aws_cloudwatch_log_group').kms_key_id).toBeUndefined();
  });
});
