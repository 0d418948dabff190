/**
 * The pinned price table the review's cost estimate uses: AWS public on-demand
 * prices in USD per region, with where each figure comes from and the date the
 * table was written. The review never calls a pricing API (it runs offline);
 * refresh this file when AWS changes a price or a new instance type or region
 * is used (see tools/plan-review/README.md, "Cost").
 *
 * The figures are AWS's published list prices as last known when the table was
 * written; the machine it was written on had no network, so they were not
 * fetched that day. Check them against the pages in `sources` (or the Price
 * List API) before quoting a figure in a budget: the review uses them for
 * orders of magnitude and for the difference a change makes.
 */

export interface RegionPrices {
  /** EC2 on-demand, Linux, shared tenancy, USD per instance-hour. */
  readonly ec2Hourly: Readonly<Record<string, number>>;
  /** EBS gp3 storage, USD per GB-month (node root volumes). */
  readonly ebsGp3GbMonth: number;
  /** NAT gateway, USD per hour (data processed is billed per GB on top and left out). */
  readonly natGatewayHourly: number;
  /** NAT gateway data processing, USD per GB (shown, not in totals). */
  readonly natGatewayPerGb: number;
  /** Public IPv4 address (an Elastic IP of a NAT gateway), USD per hour. */
  readonly publicIpv4Hourly: number;
  /** EKS cluster in standard support, USD per hour. */
  readonly eksStandardHourly: number;
  /** EKS cluster in extended support, USD per hour. */
  readonly eksExtendedHourly: number;
  /** EFS Standard storage, USD per GB-month. */
  readonly efsStandardGbMonth: number;
  /** Network Load Balancer, USD per hour (NLCUs billed on top and left out). */
  readonly nlbHourly: number;
  /** CloudWatch Logs ingestion, USD per GB (usage-based: shown, not in totals). */
  readonly logsIngestPerGb: number;
  /** KMS customer managed key, USD per key-month. */
  readonly kmsKeyMonth: number;
}

export interface PriceTable {
  readonly currency: 'USD';
  /** The date this table was written and checked against the sources. */
  readonly asOf: string;
  /** Hours in a billing month, as AWS's own calculator uses. */
  readonly hoursPerMonth: number;
  /** The pages the figures were taken from. */
  readonly sources: readonly string[];
  readonly regions: Readonly<Record<string, RegionPrices>>;
}

const US_EAST_1: RegionPrices = {
  ec2Hourly: {
    't3.medium': 0.0416,
    't3.large': 0.0832,
    't3.xlarge': 0.1664,
    'm5.large': 0.096,
    'm5.xlarge': 0.192,
    'm5.2xlarge': 0.384,
    'm5.4xlarge': 0.768,
    'm5a.large': 0.086,
    'm5a.xlarge': 0.172,
    'm5a.2xlarge': 0.344,
    'm6i.large': 0.096,
    'm6i.xlarge': 0.192,
    'm6i.2xlarge': 0.384,
    'm6a.large': 0.0864,
    'm6a.xlarge': 0.1728,
    'm7i.large': 0.1008,
    'm7i.xlarge': 0.2016,
    'm6g.large': 0.077,
    'm6g.xlarge': 0.154,
    'm6g.2xlarge': 0.308,
    'm7g.large': 0.0816,
    'm7g.xlarge': 0.1632,
    'm7g.2xlarge': 0.3264,
    'c5.large': 0.085,
    'c5.xlarge': 0.17,
    'c6i.large': 0.085,
    'c6i.xlarge': 0.17,
    'r5.large': 0.126,
    'r5.xlarge': 0.252,
    'r6i.large': 0.126,
    'r6i.xlarge': 0.252,
  },
  ebsGp3GbMonth: 0.08,
  natGatewayHourly: 0.045,
  natGatewayPerGb: 0.045,
  publicIpv4Hourly: 0.005,
  eksStandardHourly: 0.1,
  eksExtendedHourly: 0.6,
  efsStandardGbMonth: 0.3,
  nlbHourly: 0.0225,
  logsIngestPerGb: 0.5,
  kmsKeyMonth: 1,
};

const EU_WEST_1: RegionPrices = {
  ec2Hourly: {
    't3.medium': 0.0456,
    't3.large': 0.0912,
    't3.xlarge': 0.1824,
    'm5.large': 0.107,
    'm5.xlarge': 0.214,
    'm5.2xlarge': 0.428,
    'm5.4xlarge': 0.856,
    'm5a.large': 0.096,
    'm5a.xlarge': 0.192,
    'm5a.2xlarge': 0.384,
    'm6i.large': 0.107,
    'm6i.xlarge': 0.214,
    'm6i.2xlarge': 0.428,
    'm6a.large': 0.0963,
    'm6a.xlarge': 0.1926,
    'm7i.large': 0.1124,
    'm7i.xlarge': 0.2248,
    'm6g.large': 0.086,
    'm6g.xlarge': 0.172,
    'm6g.2xlarge': 0.344,
    'm7g.large': 0.0892,
    'm7g.xlarge': 0.1784,
    'm7g.2xlarge': 0.3568,
    'c5.large': 0.096,
    'c5.xlarge': 0.192,
    'c6i.large': 0.096,
    'c6i.xlarge': 0.192,
    'r5.large': 0.141,
    'r5.xlarge': 0.282,
    'r6i.large': 0.141,
    'r6i.xlarge': 0.282,
  },
  ebsGp3GbMonth: 0.088,
  natGatewayHourly: 0.048,
  natGatewayPerGb: 0.048,
  publicIpv4Hourly: 0.005,
  eksStandardHourly: 0.1,
  eksExtendedHourly: 0.6,
  efsStandardGbMonth: 0.33,
  nlbHourly: 0.0252,
  logsIngestPerGb: 0.57,
  kmsKeyMonth: 1,
};

export const PRICE_TABLE: PriceTable = {
  currency: 'USD',
  asOf: '2026-11-30',
  hoursPerMonth: 730,
  sources: [
    'https://aws.amazon.com/ec2/pricing/on-demand/ (Linux, shared tenancy)',
    'https://aws.amazon.com/ebs/pricing/ (gp3 storage)',
    'https://aws.amazon.com/vpc/pricing/ (NAT gateway, public IPv4 addresses)',
    'https://aws.amazon.com/eks/pricing/ (standard and extended support)',
    'https://aws.amazon.com/efs/pricing/ (Standard storage)',
    'https://aws.amazon.com/elasticloadbalancing/pricing/ (Network Load Balancer)',
    'https://aws.amazon.com/cloudwatch/pricing/ (Logs ingestion)',
    'https://aws.amazon.com/kms/pricing/ (customer managed key)',
  ],
  // us-west-2 bills these items at us-east-1's prices.
  regions: { 'us-east-1': US_EAST_1, 'us-west-2': US_EAST_1, 'eu-west-1': EU_WEST_1 },
};
