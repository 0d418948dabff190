import { Construct } from 'constructs';
import { Fn, TerraformOutput } from 'cdktf';
import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry';
import { EksAccessPolicyAssociation } from '@cdktf/provider-aws/lib/eks-access-policy-association';
import { ADDITIONAL_MOLECULE_NAMES, KUBERNETES_RELEASES, STORAGE_AND_LOGGING_ADDONS, moleculesOf, type Environment } from '@boomi-eks/config';
import {
  Cluster,
  ClusterAddons,
  ContainerLogs,
  EbsCsiIdentity,
  EncryptionKey,
  NodeGroups,
  PodIdentityRole,
  cloudwatchObservabilityConfigurationValues,
  vpcCniConfigurationValues,
} from '@boomi-eks/eks';
import { EXTERNAL_SECRETS_DEFAULTS, externalSecretsPolicy } from '@boomi-eks/cluster-addons';
import type { Network } from '@boomi-eks/network';
import { MoleculeFileSystem } from '@boomi-eks/efs';
import { ClusterAutoscalerIdentity, KarpenterIdentity } from '@boomi-eks/autoscaling';
import { EnvironmentStack, environmentTags } from './base-stack';
import { CI_PLAN_ACCESS_POLICIES, CI_PLAN_GROUP, ciPlansWorkloads, helmReleaseNamespaces } from '../ci-plan-access';
import { partitionOf, secretArnPattern } from '../aws-arns';

export interface ClusterStackProps {
  /** The network stack's construct: its ids reach this stack as remote state. */
  readonly network: Network;
  /**
   * The CI plan role (ci-access stack). When given and the environment's
   * `ci.workloadsPlan.runner` is not `none`, it gets a view-only access entry
   * (docs/ci-and-secrets.md). The role must exist first: apply ci-access
   * before this stack. @default - no CI access to the cluster
   */
  readonly ciPlanRoleArn?: string;
}

/**
 * `<env>-cluster`: EKS control plane, access entries, pinned add-ons and one
 * managed node group per AZ, the Molecule's EFS file system with the CSI
 * driver's IAM, wired to the network stack's VPC and subnets. With
 * `nodeHealth` on: node auto repair on every group and the
 * eks-node-monitoring-agent add-on.
 */
export class ClusterStack extends EnvironmentStack {
  readonly cluster: Cluster;
  readonly nodeGroups: NodeGroups;
  readonly fileSystem: MoleculeFileSystem;
  readonly autoscalerIdentity?: ClusterAutoscalerIdentity;
  /** The CloudWatch observability add-on's role and log groups (`containerLogs.enabled`). */
  readonly containerLogs?: ContainerLogs;
  /** The EBS CSI controller's Pod Identity role (with durable monitoring). */
  readonly ebsCsiIdentity?: EbsCsiIdentity;
  /** The key of the cluster's log groups and the Molecule's EFS (`encryption.customerManagedKeys`). */
  readonly dataKey?: EncryptionKey;
  /** Karpenter's role, node role and interruption queue, with `autoscaler.kind: 'karpenter'` (issue 20). */
  readonly karpenterIdentity?: KarpenterIdentity;
  /** The External Secrets Operator's role: read the Molecule's one secret, nothing else. */
  readonly externalSecretsIdentity: PodIdentityRole;
  /** The CI plan role's access entry, when CI plans the workloads stack. */
  readonly ciPlanAccessEntry?: EksAccessEntry;
  /**
   * Each additional Molecule's EFS access point and its External Secrets
   * Operator's role (reads that Molecule's secret only), by the Molecule's
   * name (`additionalMolecules`; empty with one Molecule).
   */
  readonly additionalMolecules: ReadonlyMap<string, { readonly accessPointId: string; readonly externalSecretsIdentity: PodIdentityRole }>;

  constructor(scope: Construct, env: Environment, props: ClusterStackProps) {
    super(scope, env, 'cluster');
    const release = KUBERNETES_RELEASES[env.cluster.kubernetesVersion];
    const c = env.cluster;
    if (env.encryption.customerManagedKeys) {
      this.dataKey = new EncryptionKey(this, 'data-key', {
        description: `Log groups and the Molecule's EFS of ${c.name}`,
        alias: `${c.name}/data`,
        accountId: env.accountId,
        region: env.region,
        allowCloudWatchLogs: true,
        deletionWindowInDays: env.encryption.keyDeletionWindowDays,
      });
    }

    this.cluster = new Cluster(this, 'eks', {
      clusterName: c.name,
      kubernetesVersion: c.kubernetesVersion,
      subnetIds: props.network.privateSubnetIds,
      endpointPublicAccess: c.endpoint.publicAccess,
      publicAccessCidrs: c.endpoint.publicAccessCidrs,
      endpointPrivateAccess: c.endpoint.privateAccess,
      serviceIpv4Cidr: c.serviceIpv4Cidr,
      adminPrincipalArns: c.adminPrincipalArns,
      logRetentionDays: c.logRetentionDays,
      keyPolicyScope: { accountId: env.accountId, region: env.region },
      logKmsKeyArn: this.dataKey?.keyArn,
      supportType: c.supportType,
    });

    // Apply order, on create and on every minor upgrade: control plane → the
    // add-ons nodes need (networking, Pod Identity) → node groups (same minor
    // as the control plane) → the rest (CoreDNS needs nodes to schedule on).
    const beforeNodes = new ClusterAddons(this, 'addons-before-nodes', {
      clusterName: this.cluster.clusterName,
      addons: (['vpc-cni', 'kube-proxy', 'eks-pod-identity-agent'] as const).map((name) => ({
        name,
        version: release.addons[name],
        // Enforces the Molecules' NetworkPolicies (networkPolicy.enabled of any Molecule).
        configurationValues:
          name === 'vpc-cni' && moleculesOf(env).some((e) => e.molecule.networkPolicy.enabled)
            ? Fn.jsonencode(vpcCniConfigurationValues({ networkPolicy: true }))
            : undefined,
      })),
    });

    const privateSubnetByAz = new Map(props.network.subnetsByAz.map((s) => [s.availabilityZone, s.privateSubnetId]));
    this.nodeGroups = new NodeGroups(this, 'node-groups', {
      clusterName: this.cluster.clusterName,
      kubernetesVersion: c.kubernetesVersion,
      groups: env.nodeGroups.map((g) => ({
        name: g.name,
        subnetId: privateSubnetByAz.get(g.availabilityZone)!,
        instanceTypes: g.instanceTypes,
        capacityType: g.capacityType,
        minSize: g.minSize,
        maxSize: g.maxSize,
        desiredSize: g.desiredSize,
        diskSizeGiB: g.diskSizeGiB,
        labels: g.labels,
        taints: g.taints,
        amiType: g.amiType,
        releaseVersion: g.releaseVersion,
      })),
      dependsOn: Object.values(beforeNodes.addons),
      tags: environmentTags(env),
      // Node health: EKS replaces (or reboots) a node whose Ready or monitoring-agent conditions stay bad.
      nodeRepair:
        env.nodeHealth.enabled && env.nodeHealth.autoRepair
          ? { enabled: true, maxParallelNodesRepairedCount: env.nodeHealth.maxParallelRepairs }
          : undefined,
    });

    if (env.autoscaler.enabled && env.autoscaler.kind === 'cluster-autoscaler') {
      // The role lives here, with the cluster; the chart in <env>-workloads
      // creates the service account the association names.
      this.autoscalerIdentity = new ClusterAutoscalerIdentity(this, 'cluster-autoscaler', {
        clusterName: this.cluster.clusterName,
      });
    }

    // --- Karpenter (issue 20): the AWS side; the chart and NodePools are in <env>-workloads ---
    if (env.autoscaler.enabled && env.autoscaler.kind === 'karpenter') {
      this.karpenterIdentity = new KarpenterIdentity(this, 'karpenter', {
        clusterName: c.name,
        clusterNameRef: this.cluster.clusterName,
        region: env.region,
        accountId: env.accountId,
        partition: partitionOf(env.region),
        nodeSecurityGroupId: this.cluster.clusterSecurityGroupId,
        tags: environmentTags(env),
      });
    }
    // --- end Karpenter ---

    // The operator in <env>-workloads reads the Molecule's credentials with this
    // role; Terraform itself never reads them (docs/ci-and-secrets.md).
    this.externalSecretsIdentity = new PodIdentityRole(this, 'external-secrets', {
      clusterName: this.cluster.clusterName,
      namespace: EXTERNAL_SECRETS_DEFAULTS.namespace,
      serviceAccount: EXTERNAL_SECRETS_DEFAULTS.serviceAccountName,
      roleName: `${c.name}-external-secrets`,
      inlinePolicy: Fn.jsonencode(externalSecretsPolicy(secretArnPattern(env))),
    });

    if (props.ciPlanRoleArn && ciPlansWorkloads(env)) {
      this.ciPlanAccessEntry = ciPlanAccess(this, env, this.cluster.clusterName, props.ciPlanRoleArn);
    }

    this.fileSystem = new MoleculeFileSystem(this, 'efs', {
      name: c.name,
      clusterName: this.cluster.clusterName,
      vpcId: props.network.vpcId,
      subnetIds: props.network.privateSubnetIds,
      clusterSecurityGroupId: this.cluster.clusterSecurityGroupId,
      posixUser: env.molecule.fileSystemUser,
      // Mounts must not hang on the node component's Pod Identity (aws-efs-csi-driver#1759).
      nodeInstanceRole: { arn: this.nodeGroups.nodeRoleArn, name: this.nodeGroups.nodeRoleName },
      kmsKeyArn: this.dataKey?.keyArn,
    });

    // For people and tools (`terraform output`, the manifest export); the
    // workloads stack reads these values through cdktf cross-stack references.
    new TerraformOutput(this, 'cluster_name', { value: this.cluster.clusterName });
    new TerraformOutput(this, 'cluster_endpoint', { value: this.cluster.clusterEndpoint });
    new TerraformOutput(this, 'efs_file_system_id', { value: this.fileSystem.fileSystemId });
    new TerraformOutput(this, 'efs_access_point_id', { value: this.fileSystem.accessPointId });

    // Several Molecules (issue 21): each additional one gets its own directory
    // on the file system and its own operator role, which reads its secret only.
    const additional = new Map<string, { accessPointId: string; externalSecretsIdentity: PodIdentityRole }>();
    for (const m of env.additionalMolecules) {
      const accessPoint = this.fileSystem.addMoleculeAccessPoint(m.name, { path: ADDITIONAL_MOLECULE_NAMES.efsPath(m.name), posixUser: m.fileSystemUser });
      const externalSecretsIdentity = new PodIdentityRole(this, `external-secrets-${m.name}`, {
        clusterName: this.cluster.clusterName,
        namespace: ADDITIONAL_MOLECULE_NAMES.externalSecretsNamespace(m.name),
        serviceAccount: EXTERNAL_SECRETS_DEFAULTS.serviceAccountName,
        roleName: ADDITIONAL_MOLECULE_NAMES.externalSecretsRole(c.name, m.name),
        inlinePolicy: Fn.jsonencode(externalSecretsPolicy(secretArnPattern(env, m.auth.secretName))),
      });
      additional.set(m.name, { accessPointId: accessPoint.id, externalSecretsIdentity });
      new TerraformOutput(this, `efs_access_point_id_${m.name.replace(/-/g, '_')}`, { value: accessPoint.id });
    }
    this.additionalMolecules = additional;

    // Durable monitoring: Prometheus and Alertmanager claim EBS volumes (gp3, encrypted).
    const storageAndLogging = STORAGE_AND_LOGGING_ADDONS[c.kubernetesVersion];
    const durableMonitoring = env.monitoring.enabled && env.monitoring.storage.enabled;
    if (durableMonitoring) {
      this.ebsCsiIdentity = new EbsCsiIdentity(this, 'ebs-csi', { clusterName: this.cluster.clusterName });
    }

    // Container and node logs leave the nodes: CloudWatch, with retention and the cluster's key.
    if (env.containerLogs.enabled) {
      this.containerLogs = new ContainerLogs(this, 'container-logs', {
        clusterName: this.cluster.clusterName,
        retentionDays: env.containerLogs.retentionDays ?? c.logRetentionDays,
        kmsKeyArn: this.dataKey?.keyArn,
      });
    }

    new ClusterAddons(this, 'addons-after-nodes', {
      clusterName: this.cluster.clusterName,
      addons: [
        { name: 'coredns', version: release.addons.coredns },
        { name: 'aws-efs-csi-driver', version: release.addons['aws-efs-csi-driver'] },
        // Sets KernelReady, NetworkingReady, StorageReady, ContainerRuntimeReady: what auto repair acts on besides Ready.
        ...(env.nodeHealth.enabled
          ? [{ name: 'eks-node-monitoring-agent', version: release.optionalAddons['eks-node-monitoring-agent'] }]
          : []),
        ...(durableMonitoring ? [{ name: 'aws-ebs-csi-driver', version: storageAndLogging['aws-ebs-csi-driver'] }] : []),
        ...(this.containerLogs
          ? [
              {
                name: 'amazon-cloudwatch-observability',
                version: storageAndLogging['amazon-cloudwatch-observability'],
                configurationValues: Fn.jsonencode(cloudwatchObservabilityConfigurationValues()),
              },
            ]
          : []),
      ],
      // The add-on writes to existing log groups only when they exist first.
      dependsOn: [...this.nodeGroups.nodeGroups, ...(this.containerLogs?.logGroups ?? [])],
    });
  }
}

/**
 * The CI plan role's access entry: AmazonEKSViewPolicy on the cluster, and
 * AmazonEKSSecretReaderPolicy only in the Helm release namespaces (the helm
 * provider reads each release from a Secret there), never in the Molecule's.
 * Its Kubernetes group gets, through the workloads stack's ClusterRole, read
 * of the kinds the view policy lacks (storage classes, PVs, RBAC, the
 * External Secrets custom resources).
 */
function ciPlanAccess(scope: Construct, env: Environment, clusterName: string, principalArn: string): EksAccessEntry {
  const policy = (name: string) => `arn:${partitionOf(env.region)}:eks::aws:cluster-access-policy/${name}`;
  const entry = new EksAccessEntry(scope, 'ci-plan', { clusterName, principalArn, type: 'STANDARD', kubernetesGroups: [CI_PLAN_GROUP] });
  new EksAccessPolicyAssociation(scope, 'ci-plan-view', {
    clusterName,
    principalArn,
    policyArn: policy(CI_PLAN_ACCESS_POLICIES.view),
    accessScope: { type: 'cluster' },
    dependsOn: [entry],
  });
  new EksAccessPolicyAssociation(scope, 'ci-plan-helm-release-secrets', {
    clusterName,
    principalArn,
    policyArn: policy(CI_PLAN_ACCESS_POLICIES.secretReader),
    accessScope: { type: 'namespace', namespaces: helmReleaseNamespaces(env) },
    dependsOn: [entry],
  });
  return entry;
}
