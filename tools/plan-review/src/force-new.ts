/**
 * Which arguments force a new resource (Terraform replaces the resource:
 * destroy, then create, unless `create_before_destroy`) for every resource type
 * our stacks use, at the provider versions package.json pins. One table, each
 * entry naming the provider source file it was read from.
 *
 * How each entry was read: SDKv2 resources mark such arguments `ForceNew: true`
 * in their schema (or call `ForceNew`/`ForceNewIfChange` in `CustomizeDiff`);
 * plugin-framework resources use the `RequiresReplace()` plan modifier or add
 * to `resp.RequiresReplace` in `ModifyPlan`. Argument paths are dotted, nested
 * blocks without list indices (`kubernetes_network_config.service_ipv4_cidr`),
 * exactly as they appear in cdktf's Terraform JSON.
 *
 * A resource type our stacks synthesize that is missing here fails the test
 * `force-new.spec.ts` (it reads the synthesized app), so the table cannot
 * silently fall behind the code. Update it when a provider is bumped.
 */

export type ProviderName = 'aws' | 'kubernetes' | 'helm';

export interface ProviderSource {
  /** Terraform provider version pinned by the `@cdktf/provider-*` package. */
  readonly version: string;
  /** The npm package (exact version) that pins it. */
  readonly cdktfPackage: string;
  /** Where the entries for this provider were read. */
  readonly repository: string;
}

export const PROVIDER_SOURCES: Readonly<Record<ProviderName, ProviderSource>> = {
  aws: {
    version: '6.25.0',
    cdktfPackage: '@cdktf/provider-aws 21.22.1',
    repository: 'github.com/hashicorp/terraform-provider-aws, internal/service/<service>/<file>.go (schemas read at 6.x commits)',
  },
  kubernetes: {
    version: '2.38.0',
    cdktfPackage: '@cdktf/provider-kubernetes 12.1.1',
    repository: 'github.com/hashicorp/terraform-provider-kubernetes at tag v2.38.0',
  },
  helm: {
    version: '3.1.1',
    cdktfPackage: '@cdktf/provider-helm 12.1.2',
    repository: 'github.com/hashicorp/terraform-provider-helm at tag v3.1.1',
  },
};

/** A replacement that depends on the values, not only on a change. */
export interface ConditionalForceNew {
  readonly argument: string;
  /** When the provider replaces, in words (shown in the review). */
  readonly when: string;
  /**
   * Decides it from the values before and after (absent = undefined), when
   * the configuration alone can tell; otherwise the review reports it as
   * "may replace".
   */
  readonly replaces?: (before: unknown, after: unknown, config: { before: unknown; after: unknown }) => boolean | undefined;
}

export interface ForceNewEntry {
  readonly provider: ProviderName;
  /** File in the provider's repository holding the schema. */
  readonly source: string;
  /**
   * How the entry was checked: `schema` — the ForceNew / RequiresReplace marks
   * were read in that file; `docs` — taken from the provider's documentation
   * ("forces new resource"), its argument names checked against the pinned
   * schema by force-new.spec.ts. Re-read `docs` entries in the source when in doubt.
   */
  readonly checked: 'schema' | 'docs';
  /** Arguments whose change always forces a new resource. Empty: every argument updates in place. */
  readonly arguments: readonly string[];
  readonly conditional?: readonly ConditionalForceNew[];
  /** A global AWS resource (IAM): it has no `region` argument. */
  readonly global?: true;
  /** What else a replacement takes with it, shown under the resource in the review. */
  readonly consequence?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const present = (v: unknown) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);

/** The table: resource type → what replaces it. Sorted by type. */
export const FORCE_NEW: Readonly<Record<string, ForceNewEntry>> = {
  aws_cloudwatch_event_rule: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/events/rule.go',
    arguments: ['name', 'name_prefix', 'event_bus_name'],
  },
  aws_cloudwatch_event_target: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/events/target.go',
    arguments: ['rule', 'target_id', 'event_bus_name'],
  },
  aws_cloudwatch_log_group: {
    provider: 'aws',
    checked: 'schema',
    source: 'internal/service/logs/group.go',
    arguments: ['name', 'name_prefix', 'log_group_class'],
  },
  aws_default_security_group: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/ec2/vpc_default_security_group.go',
    arguments: ['vpc_id'],
  },
  aws_efs_access_point: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/efs/access_point.go',
    arguments: ['file_system_id', 'posix_user', 'root_directory'],
  },
  aws_efs_backup_policy: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/efs/backup_policy.go',
    arguments: ['file_system_id'],
  },
  aws_efs_file_system: {
    provider: 'aws',
    checked: 'schema',
    source: 'internal/service/efs/file_system.go',
    arguments: ['availability_zone_name', 'creation_token', 'encrypted', 'kms_key_id', 'performance_mode'],
  },
  aws_efs_file_system_policy: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/efs/file_system_policy.go',
    arguments: ['file_system_id'],
  },
  aws_efs_mount_target: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/efs/mount_target.go',
    arguments: ['file_system_id', 'subnet_id', 'ip_address', 'ip_address_type', 'ipv6_address'],
  },
  aws_eip: {
    provider: 'aws',
    checked: 'schema',
    source: 'internal/service/ec2/ec2_eip.go',
    arguments: ['address', 'domain', 'ipam_pool_id', 'network_border_group', 'public_ipv4_pool'],
  },
  aws_ec2_tag: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/ec2/tag.go',
    arguments: ['resource_id', 'key'],
  },
  aws_eks_access_entry: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/eks/access_entry.go',
    arguments: ['cluster_name', 'principal_arn', 'type'],
  },
  aws_eks_access_policy_association: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/eks/access_policy_association.go',
    arguments: ['cluster_name', 'principal_arn', 'policy_arn', 'access_scope'],
  },
  aws_eks_addon: {
    provider: 'aws',
    checked: 'schema',
    source: 'internal/service/eks/addon.go',
    arguments: ['addon_name', 'cluster_name'],
  },
  aws_eks_cluster: {
    provider: 'aws',
    checked: 'schema',
    source: 'internal/service/eks/cluster.go',
    consequence:
      'a new cluster: new endpoint and certificate; everything running in it (the workloads stack, add-on state, access entries) is lost and must be applied again; EKS refuses to delete a cluster that still has node groups, so the apply stops unless they are replaced too',
    arguments: [
      'name',
      'role_arn',
      'bootstrap_self_managed_addons',
      'access_config.bootstrap_cluster_creator_admin_permissions',
      'kubernetes_network_config.ip_family',
      'kubernetes_network_config.service_ipv4_cidr',
      'outpost_config.control_plane_instance_type',
      'outpost_config.control_plane_placement.group_name',
      'remote_network_config',
    ],
    conditional: [
      {
        argument: 'encryption_config',
        when: 'envelope encryption is removed (CustomizeDiff ForceNewIfChange: it cannot be disabled once enabled)',
        replaces: (before, after) => present(before) && !present(after),
      },
      {
        argument: 'compute_config.node_role_arn',
        when: 'an existing Auto Mode node role changes (CustomizeDiff)',
        replaces: (before, after) => typeof before === 'string' && before !== '' && before !== after,
      },
    ],
  },
  aws_eks_node_group: {
    provider: 'aws',
    checked: 'schema',
    source: 'internal/service/eks/node_group.go',
    arguments: [
      'capacity_type',
      'cluster_name',
      'disk_size',
      'instance_types',
      'launch_template.id',
      'launch_template.name',
      'node_group_name',
      'node_group_name_prefix',
      'node_role_arn',
      'remote_access',
      'subnet_ids',
    ],
    conditional: [
      {
        // ForceNew but also Computed: state holds the AMI type EKS chose when the group was
        // created, so writing down that same value changes nothing; only another value replaces.
        argument: 'ami_type',
        when: 'it was left out before (Optional + Computed): replaced only if EKS had chosen another AMI type (for x86 groups on Kubernetes ≥ 1.30 it chose AL2023_x86_64_STANDARD); the real `terraform plan` decides',
        replaces: (before, after) => (before === undefined ? undefined : before !== after),
      },
    ],
  },
  aws_eks_pod_identity_association: {
    provider: 'aws',
    checked: 'schema',
    source: 'internal/service/eks/pod_identity_association.go',
    arguments: ['cluster_name', 'namespace', 'service_account'],
  },
  aws_flow_log: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/ec2/vpc_flow_log.go',
    arguments: [
      'deliver_cross_account_role',
      'destination_options',
      'eni_id',
      'iam_role_arn',
      'log_destination',
      'log_destination_type',
      'log_format',
      'max_aggregation_interval',
      'subnet_id',
      'traffic_type',
      'transit_gateway_attachment_id',
      'transit_gateway_id',
      'vpc_id',
    ],
  },
  aws_iam_openid_connect_provider: {
    provider: 'aws',
    checked: 'schema',
    global: true,
    source: 'internal/service/iam/openid_connect_provider.go',
    arguments: ['url'],
  },
  aws_iam_policy: {
    provider: 'aws',
    checked: 'docs',
    global: true,
    source: 'internal/service/iam/policy.go',
    arguments: ['name', 'name_prefix', 'path', 'description'],
  },
  aws_iam_role: {
    provider: 'aws',
    checked: 'docs',
    global: true,
    source: 'internal/service/iam/role.go',
    arguments: ['name', 'name_prefix', 'path'],
  },
  aws_iam_role_policy: {
    provider: 'aws',
    checked: 'docs',
    global: true,
    source: 'internal/service/iam/role_policy.go',
    arguments: ['name', 'name_prefix', 'role'],
  },
  aws_iam_role_policy_attachment: {
    provider: 'aws',
    checked: 'docs',
    global: true,
    source: 'internal/service/iam/role_policy_attachment.go',
    arguments: ['role', 'policy_arn'],
  },
  aws_internet_gateway: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/ec2/vpc_internet_gateway.go',
    arguments: [],
  },
  aws_kms_alias: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/kms/alias.go',
    arguments: ['name', 'name_prefix'],
  },
  aws_kms_key: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/kms/key.go',
    arguments: ['custom_key_store_id', 'customer_master_key_spec', 'key_usage', 'multi_region', 'xks_key_id'],
  },
  aws_launch_template: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/ec2/ec2_launch_template.go',
    // Every other change writes a new template version (the node group then rolls its nodes).
    arguments: ['name', 'name_prefix'],
  },
  aws_nat_gateway: {
    provider: 'aws',
    checked: 'schema',
    source: 'internal/service/ec2/vpc_nat_gateway.go',
    arguments: ['allocation_id', 'connectivity_type', 'private_ip', 'secondary_private_ip_address_count', 'subnet_id'],
  },
  aws_route: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/ec2/vpc_route.go',
    arguments: ['route_table_id', 'destination_cidr_block', 'destination_ipv6_cidr_block', 'destination_prefix_list_id'],
  },
  aws_route_table: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/ec2/vpc_route_table.go',
    arguments: ['vpc_id'],
  },
  aws_route_table_association: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/ec2/vpc_route_table_association.go',
    arguments: ['subnet_id', 'gateway_id'],
  },
  aws_s3_bucket: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/s3/bucket.go',
    arguments: ['bucket', 'bucket_prefix', 'object_lock_enabled'],
  },
  aws_s3_bucket_lifecycle_configuration: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/s3/bucket_lifecycle_configuration.go',
    arguments: ['bucket', 'expected_bucket_owner'],
  },
  aws_s3_bucket_ownership_controls: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/s3/bucket_ownership_controls.go',
    arguments: ['bucket'],
  },
  aws_s3_bucket_policy: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/s3/bucket_policy.go',
    arguments: ['bucket'],
  },
  aws_s3_bucket_logging: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/s3/bucket_logging.go',
    arguments: ['bucket', 'expected_bucket_owner'],
  },
  aws_s3_bucket_public_access_block: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/s3/bucket_public_access_block.go',
    arguments: ['bucket'],
  },
  aws_s3_bucket_server_side_encryption_configuration: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/s3/bucket_server_side_encryption_configuration.go',
    arguments: ['bucket', 'expected_bucket_owner'],
  },
  aws_s3_bucket_versioning: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/s3/bucket_versioning.go',
    arguments: ['bucket', 'expected_bucket_owner'],
  },
  aws_security_group: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/ec2/vpc_security_group.go',
    arguments: ['name', 'name_prefix', 'description', 'vpc_id'],
  },
  aws_sqs_queue: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/sqs/queue.go',
    arguments: ['name', 'name_prefix', 'fifo_queue'],
  },
  aws_sqs_queue_policy: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/sqs/queue_policy.go',
    arguments: ['queue_url'],
  },
  aws_subnet: {
    provider: 'aws',
    checked: 'schema',
    source: 'internal/service/ec2/vpc_subnet.go',
    arguments: [
      'availability_zone',
      'availability_zone_id',
      'cidr_block',
      // ipv4/ipv6_ipam_pool_id and *_netmask_length (ForceNew in later 6.x sources) do not exist at 6.25.0.
      'ipv6_native',
      'outpost_arn',
      'vpc_id',
    ],
    conditional: [
      {
        argument: 'ipv6_cidr_block',
        when: 'the subnet was created with assign_ipv6_address_on_creation = true (CustomizeDiff ForceNewIf)',
        replaces: (before, _after, config) => before !== undefined && isObject(config.before) && config.before.assign_ipv6_address_on_creation === true,
      },
    ],
  },
  aws_vpc: {
    provider: 'aws',
    checked: 'schema',
    source: 'internal/service/ec2/vpc_.go',
    arguments: ['cidr_block', 'ipv4_ipam_pool_id', 'ipv4_netmask_length'],
  },
  aws_vpc_endpoint: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/ec2/vpc_endpoint.go',
    arguments: ['service_name', 'vpc_endpoint_type', 'vpc_id'],
  },
  aws_vpc_security_group_ingress_rule: {
    provider: 'aws',
    checked: 'docs',
    source: 'internal/service/ec2/vpc_security_group_ingress_rule.go',
    arguments: ['security_group_id'],
  },
  helm_release: {
    provider: 'helm',
    checked: 'schema',
    source: 'helm/resource_helm_release.go (name, namespace: stringplanmodifier.RequiresReplace)',
    arguments: ['name', 'namespace'],
  },
  kubernetes_manifest: {
    provider: 'kubernetes',
    checked: 'schema',
    source: 'manifest/provider/plan.go (resp.RequiresReplace)',
    arguments: ['manifest.apiVersion', 'manifest.kind', 'manifest.metadata.name', 'manifest.metadata.namespace'],
  },
  kubernetes_secret_v1: {
    provider: 'kubernetes',
    checked: 'schema',
    source: 'kubernetes/resource_kubernetes_secret_v1.go, kubernetes/schema_metadata.go',
    arguments: ['metadata.name', 'metadata.namespace', 'metadata.generate_name', 'type'],
    conditional: ['data', 'binary_data', 'immutable'].map((argument) => ({
      argument,
      when: 'the secret is immutable (CustomizeDiff: ForceNew when immutable was true)',
      replaces: (_before: unknown, _after: unknown, config: { before: unknown }) => isObject(config.before) && config.before.immutable === true,
    })),
  },
};

/**
 * AWS provider 6.x gives every regional resource a `region` argument (default:
 * the provider's region); changing it re-creates the resource elsewhere.
 */
export const AWS_REGION_ARGUMENT = 'region';

/** The entry for a resource type (for regional AWS types with `region` added), or undefined when the table does not know it. */
export function forceNewOf(type: string): ForceNewEntry | undefined {
  if (!Object.prototype.hasOwnProperty.call(FORCE_NEW, type)) return undefined;
  const entry = FORCE_NEW[type];
  return entry.provider === 'aws' && !entry.global ? { ...entry, arguments: [...entry.arguments, AWS_REGION_ARGUMENT] } : entry;
}
