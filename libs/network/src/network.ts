import { Construct } from 'constructs';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { throwIfIssues } from '@boomi-eks/primitives';
import { NETWORK_DEFAULTS } from './network-defaults';
import { subnetCidrs } from './subnet-cidrs';
import { validateNetworkProps } from './validate-network';
import { VpcFlowLog } from './flow-log';

export type NatGatewayMode = 'one-per-az' | 'single';

export interface NetworkProps {
  /** Prefix of every `Name` tag, e.g. `dev`. */
  readonly name: string;
  /** Region, for the S3 gateway endpoint's service name. */
  readonly region: string;
  /** @default '10.100.0.0/16' (seed 000) */
  readonly vpcCidr?: string;
  /** One public and one private subnet are made in each. */
  readonly availabilityZones: readonly string[];
  /**
   * `one-per-az`: each AZ's private subnets leave through their own NAT gateway,
   * so losing an AZ does not cut the others' egress. `single`: one NAT gateway in
   * the first AZ, cheaper, for non-production.
   * @default 'one-per-az'
   */
  readonly natGateways?: NatGatewayMode;
  /** When set, subnets carry `kubernetes.io/cluster/<name>: shared`. @default - no cluster tag */
  readonly clusterName?: string;
  /** @default 30 */
  readonly flowLogRetentionDays?: number;
  /** Customer-managed KMS key of the flow-log group (its policy must admit CloudWatch Logs). @default - none */
  readonly flowLogKmsKeyArn?: string;
  /**
   * Extra tags on the private subnets, e.g. Karpenter's
   * `karpenter.sh/discovery: <cluster>` (its EC2NodeClass selects subnets by
   * tag). @default {}
   */
  readonly privateSubnetTags?: Readonly<Record<string, string>>;
}

/** One AZ's pair of subnets. */
export interface AzSubnets {
  readonly availabilityZone: string;
  readonly publicSubnetId: string;
  readonly privateSubnetId: string;
}

/**
 * VPC with DNS, a public and a private subnet per AZ, an internet gateway, NAT
 * gateways, route tables, the EKS load-balancer role tags, an S3 gateway endpoint,
 * flow logs, and a default security group stripped of all rules.
 */
export class Network extends Construct {
  readonly vpcId: string;
  readonly vpcCidr: string;
  readonly availabilityZones: readonly string[];
  /** Public subnet ids, in AZ order. */
  readonly publicSubnetIds: string[];
  /** Private subnet ids, in AZ order. */
  readonly privateSubnetIds: string[];
  readonly subnetsByAz: readonly AzSubnets[];
  readonly natGatewayIds: string[];
  readonly privateRouteTableIds: string[];
  readonly flowLogGroupName: string;
  /** The VPC resource, for what these props do not cover. */
  readonly vpc: Vpc;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const vpcCidr = props.vpcCidr ?? NETWORK_DEFAULTS.vpcCidr;
    const natMode = props.natGateways ?? NETWORK_DEFAULTS.natGateways;
    throwIfIssues(`Network '${id}'`, validateNetworkProps({ vpcCidr, availabilityZones: props.availabilityZones }));
    const plan = subnetCidrs(vpcCidr, props.availabilityZones);
    const clusterTag: Record<string, string> = props.clusterName
      ? { [`kubernetes.io/cluster/${props.clusterName}`]: 'shared' }
      : {};

    this.vpc = new Vpc(this, 'vpc', {
      cidrBlock: vpcCidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: { Name: `${props.name}-vpc` },
    });

    // No rule at all: nothing may use the default group by accident.
    new DefaultSecurityGroup(this, 'default-sg', {
      vpcId: this.vpc.id,
      tags: { Name: `${props.name}-default-deny` },
    });

    const igw = new InternetGateway(this, 'igw', {
      vpcId: this.vpc.id,
      tags: { Name: `${props.name}-igw` },
    });

    const publicRt = new RouteTable(this, 'public-rt', {
      vpcId: this.vpc.id,
      tags: { Name: `${props.name}-public` },
    });
    new Route(this, 'public-default-route', {
      routeTableId: publicRt.id,
      destinationCidrBlock: '0.0.0.0/0',
      gatewayId: igw.id,
    });

    const publicSubnets = plan.map(
      (p, i) =>
        new Subnet(this, `public-${i}`, {
          vpcId: this.vpc.id,
          availabilityZone: p.availabilityZone,
          cidrBlock: p.publicCidr,
          mapPublicIpOnLaunch: false,
          tags: {
            Name: `${props.name}-public-${p.availabilityZone}`,
            'kubernetes.io/role/elb': '1',
            ...clusterTag,
          },
        }),
    );
    publicSubnets.forEach(
      (s, i) => new RouteTableAssociation(this, `public-rta-${i}`, { subnetId: s.id, routeTableId: publicRt.id }),
    );

    const natCount = natMode === 'single' ? 1 : plan.length;
    const nats = Array.from({ length: natCount }, (_, i) => {
      const eip = new Eip(this, `nat-eip-${i}`, {
        domain: 'vpc',
        tags: { Name: `${props.name}-nat-${plan[i].availabilityZone}` },
      });
      return new NatGateway(this, `nat-${i}`, {
        allocationId: eip.allocationId,
        subnetId: publicSubnets[i].id,
        tags: { Name: `${props.name}-nat-${plan[i].availabilityZone}` },
        dependsOn: [igw],
      });
    });

    const privateSubnets = plan.map(
      (p, i) =>
        new Subnet(this, `private-${i}`, {
          vpcId: this.vpc.id,
          availabilityZone: p.availabilityZone,
          cidrBlock: p.privateCidr,
          tags: {
            Name: `${props.name}-private-${p.availabilityZone}`,
            'kubernetes.io/role/internal-elb': '1',
            ...clusterTag,
            ...props.privateSubnetTags,
          },
        }),
    );
    const privateRts = plan.map((p, i) => {
      const rt = new RouteTable(this, `private-rt-${i}`, {
        vpcId: this.vpc.id,
        tags: { Name: `${props.name}-private-${p.availabilityZone}` },
      });
      new Route(this, `private-default-route-${i}`, {
        routeTableId: rt.id,
        destinationCidrBlock: '0.0.0.0/0',
        natGatewayId: nats[natMode === 'single' ? 0 : i].id,
      });
      new RouteTableAssociation(this, `private-rta-${i}`, { subnetId: privateSubnets[i].id, routeTableId: rt.id });
      return rt;
    });

    // S3 traffic (ECR image layers, state) stays off the NAT gateways.
    new VpcEndpoint(this, 's3-endpoint', {
      vpcId: this.vpc.id,
      serviceName: `com.amazonaws.${props.region}.s3`,
      vpcEndpointType: 'Gateway',
      routeTableIds: [...privateRts.map((rt) => rt.id), publicRt.id],
      tags: { Name: `${props.name}-s3` },
    });

    const flowLog = new VpcFlowLog(this, 'flow-log', {
      name: props.name,
      vpcId: this.vpc.id,
      retentionDays: props.flowLogRetentionDays,
      kmsKeyArn: props.flowLogKmsKeyArn,
    });

    this.vpcId = this.vpc.id;
    this.vpcCidr = vpcCidr;
    this.availabilityZones = [...props.availabilityZones];
    this.publicSubnetIds = publicSubnets.map((s) => s.id);
    this.privateSubnetIds = privateSubnets.map((s) => s.id);
    this.subnetsByAz = plan.map((p, i) => ({
      availabilityZone: p.availabilityZone,
      publicSubnetId: publicSubnets[i].id,
      privateSubnetId: privateSubnets[i].id,
    }));
    this.natGatewayIds = nats.map((n) => n.id);
    this.privateRouteTableIds = privateRts.map((rt) => rt.id);
    this.flowLogGroupName = flowLog.logGroupName;
  }
}
