/**
 * AWS regions and the Availability Zone names each one has, as data.
 *
 * Source: AWS "Regions and Zones" (docs.aws.amazon.com/global-infrastructure/
 * latest/regions/aws-regions.html) and `aws ec2 describe-availability-zones
 * --all-availability-zones --region <r>`, checked 2025. AZ *names* are mapped
 * to AZ *ids* per account, and a few old regions show some accounts a letter
 * that newer accounts do not get (ap-northeast-1b, ca-central-1c, us-west-1a):
 * every letter that exists in some account is listed, so a real AZ is never
 * refused, while a letter no account has (`us-east-1z`) always is.
 *
 * To add a region: add a row here (its code and its AZ letters).
 */

/** AZ letters per region code: `us-east-1` → `abcdef` means us-east-1a … us-east-1f. */
export const REGION_AZ_LETTERS: Readonly<Record<string, string>> = {
  'us-east-1': 'abcdef',
  'us-east-2': 'abc',
  'us-west-1': 'abc',
  'us-west-2': 'abcd',
  'af-south-1': 'abc',
  'ap-east-1': 'abc',
  'ap-east-2': 'abc',
  'ap-south-1': 'abc',
  'ap-south-2': 'abc',
  'ap-southeast-1': 'abc',
  'ap-southeast-2': 'abc',
  'ap-southeast-3': 'abc',
  'ap-southeast-4': 'abc',
  'ap-southeast-5': 'abc',
  'ap-southeast-6': 'abc',
  'ap-southeast-7': 'abc',
  'ap-northeast-1': 'abcd',
  'ap-northeast-2': 'abcd',
  'ap-northeast-3': 'abc',
  'ca-central-1': 'abcd',
  'ca-west-1': 'abc',
  'eu-central-1': 'abc',
  'eu-central-2': 'abc',
  'eu-west-1': 'abc',
  'eu-west-2': 'abc',
  'eu-west-3': 'abc',
  'eu-south-1': 'abc',
  'eu-south-2': 'abc',
  'eu-north-1': 'abc',
  'il-central-1': 'abc',
  'me-south-1': 'abc',
  'me-central-1': 'abc',
  'mx-central-1': 'abc',
  'sa-east-1': 'abc',
  'us-gov-east-1': 'abc',
  'us-gov-west-1': 'abc',
  'cn-north-1': 'abd',
  'cn-northwest-1': 'abc',
};

/** Every region code this project knows, sorted. */
export const AWS_REGIONS: readonly string[] = Object.keys(REGION_AZ_LETTERS).sort();

/** The AZ names of a region (`us-east-2` → us-east-2a, -2b, -2c), or [] for an unknown region. */
export function availabilityZoneNames(region: string): string[] {
  return [...(REGION_AZ_LETTERS[region] ?? '')].map((letter) => `${region}${letter}`);
}

/**
 * AZs where EKS does not create a cluster's control plane (CreateCluster fails
 * with UnsupportedAvailabilityZoneException). EKS knows them by AZ id; eksctl
 * keeps the same list (eksctl-io/eksctl `pkg/az/az.go`, `zoneIDsToAvoid`:
 * use1-az3, usw1-az2, cac1-az3, cnn1-az4). Only where the *name* is stable
 * enough to refuse is it listed by name: in us-east-1, use1-az3 is
 * `us-east-1e` (the AZ every "us-east-1e … does not currently have sufficient
 * capacity to support the cluster" report names). The other ids map to a
 * different letter per account, so they are documented here, not refused.
 */
export const EKS_UNSUPPORTED_CONTROL_PLANE_AZS: Readonly<Record<string, { readonly azId: string; readonly source: string }>> = {
  'us-east-1e': { azId: 'use1-az3', source: 'eksctl pkg/az/az.go zoneIDsToAvoid; EKS UnsupportedAvailabilityZoneException' },
};

/** AZ ids EKS refuses for control planes, per region (eksctl's zoneIDsToAvoid). */
export const EKS_UNSUPPORTED_CONTROL_PLANE_AZ_IDS: Readonly<Record<string, readonly string[]>> = {
  'us-east-1': ['use1-az3'],
  'us-west-1': ['usw1-az2'],
  'ca-central-1': ['cac1-az3'],
  'cn-north-1': ['cnn1-az4'],
};
