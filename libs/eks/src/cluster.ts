import { Construct } from 'constructs';
import { Fn, Token } from 'cdktf';
import { throwIfIssues } from '@boomi-eks/primitives';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry';
import { EksAccessPolicyAssociation } from '@cdktf/provider-aws/lib/eks-access-policy-association';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { serviceTrustPolicy } from '@boomi-eks/primitives';
import { kmsKeyPolicy } from './encryption-key';
import { CLUSTER_DEFAULTS, type SupportType } from './cluster-defaults';
import { validateCluster } from './validate-cluster';

/** Every control-plane log type EKS has (seed 000: `enableTypes: ["all"]`). */
export const CONTROL_PLANE_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'] as const;

export const CLUSTER_ADMIN_POLICY_ARN = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy';

export interface ClusterProps {
  readonly clusterName: string;
  /** Kubernetes minor, pinned (e.g. '1.36'); change it one minor at a time. */
  readonly kubernetesVersion: string;
  /** Subnets for the control plane's network interfaces (private ones). */
  readonly subnetIds: readonly string[];
  /** @default true */
  readonly endpointPublicAccess?: boolean;
  /** Required when the public endpoint is on (validate-cluster.ts). @default [] */
  readonly publicAccessCidrs?: readonly string[];
  /** @default true */
  readonly endpointPrivateAccess?: boolean;
  /** A /12 to /24 inside an RFC 1918 block (an EKS rule). @default '172.20.0.0/16' */
  readonly serviceIpv4Cidr?: string;
  /** IAM principals given AmazonEKSClusterAdminPolicy through access entries (at least one). */
  readonly adminPrincipalArns: readonly string[];
  /** @default 90 */
  readonly logRetentionDays?: number;
  /**
   * Account and region: with both, the secrets key gets an explicit key policy
   * ({@link kmsKeyPolicy}) instead of AWS's implicit default.
   * @default - none (the implicit default key policy)
   */
  readonly keyPolicyScope?: { readonly accountId: string; readonly region: string };
  /** Customer-managed KMS key of the control-plane log group. @default - none (CloudWatch's own encryption) */
  readonly logKmsKeyArn?: string;
  /**
   * EKS upgrade policy (`upgrade_policy.support_type`). STANDARD: EKS upgrades
   * the control plane to the next minor on its own at the end of standard
   * support. EXTENDED: the cluster keeps its minor 12 more months, at a higher
   * cost per cluster-hour. @default 'STANDARD'
   */
  readonly supportType?: SupportType;
}

/**
 * An EKS control plane: its IAM role, a KMS key for secrets encryption, the
 * log group (made first, with retention) and all five log types, API
 * authentication mode with access entries for the admins (no aws-auth
 * ConfigMap).
 */
export class Cluster extends Construct {
  readonly clusterName: string;
  readonly clusterArn: string;
  readonly clusterEndpoint: string;
  /** Base64 CA data, as EKS returns it. */
  readonly clusterCertificateAuthorityData: string;
  /** The security group EKS creates and puts on the control plane and managed nodes. */
  readonly clusterSecurityGroupId: string;
  readonly kmsKeyArn: string;
  readonly logGroupName: string;
  /** The control plane's Kubernetes minor, as configured (e.g. '1.36'). */
  readonly kubernetesVersion: string;
  readonly cluster: EksCluster;

  constructor(scope: Construct, id: string, props: ClusterProps) {
    super(scope, id);
    // Every problem at once (validate-cluster.ts); deploy-time tokens are left to Terraform.
    throwIfIssues(`Cluster '${props.clusterName}'`, validateCluster(props, { isUnresolved: Token.isUnresolved }));
    const d = CLUSTER_DEFAULTS;
    const publicAccess = props.endpointPublicAccess ?? d.endpointPublicAccess;
    const publicAccessCidrs = props.publicAccessCidrs ?? d.publicAccessCidrs;

    const role = new IamRole(this, 'role', {
      name: `${props.clusterName}-cluster`,
      assumeRolePolicy: Fn.jsonencode(serviceTrustPolicy('eks.amazonaws.com', { tagSession: true })),
    });
    const policy = new IamRolePolicyAttachment(this, 'role-policy', {
      role: role.name,
      policyArn: 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy',
    });

    const key = new KmsKey(this, 'secrets-key', {
      description: `EKS secrets encryption for ${props.clusterName}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: props.keyPolicyScope ? Fn.jsonencode(kmsKeyPolicy(props.keyPolicyScope)) : undefined,
    });
    new KmsAlias(this, 'secrets-key-alias', { name: `alias/eks/${props.clusterName}`, targetKeyId: key.keyId });

    // EKS would create this group itself, without retention; made first, it is ours.
    const logGroup = new CloudwatchLogGroup(this, 'log-group', {
      name: `/aws/eks/${props.clusterName}/cluster`,
      retentionInDays: props.logRetentionDays ?? d.logRetentionDays,
      kmsKeyId: props.logKmsKeyArn,
    });

    this.cluster = new EksCluster(this, 'cluster', {
      name: props.clusterName,
      version: props.kubernetesVersion,
      roleArn: role.arn,
      vpcConfig: {
        subnetIds: [...props.subnetIds],
        endpointPublicAccess: publicAccess,
        endpointPrivateAccess: props.endpointPrivateAccess ?? d.endpointPrivateAccess,
        publicAccessCidrs: publicAccess ? [...publicAccessCidrs] : undefined,
      },
      kubernetesNetworkConfig: { serviceIpv4Cidr: props.serviceIpv4Cidr ?? d.serviceIpv4Cidr, ipFamily: 'ipv4' },
      accessConfig: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: false },
      encryptionConfig: { resources: ['secrets'], provider: { keyArn: key.arn } },
      enabledClusterLogTypes: [...CONTROL_PLANE_LOG_TYPES],
      upgradePolicy: { supportType: props.supportType ?? d.supportType },
      dependsOn: [logGroup, policy],
    });

    props.adminPrincipalArns.forEach((principalArn, i) => {
      const entry = new EksAccessEntry(this, `admin-${i}`, {
        clusterName: this.cluster.name,
        principalArn,
        type: 'STANDARD',
      });
      new EksAccessPolicyAssociation(this, `admin-${i}-policy`, {
        clusterName: this.cluster.name,
        principalArn,
        policyArn: CLUSTER_ADMIN_POLICY_ARN,
        accessScope: { type: 'cluster' },
        dependsOn: [entry],
      });
    });

    this.clusterName = this.cluster.name;
    this.clusterArn = this.cluster.arn;
    this.clusterEndpoint = this.cluster.endpoint;
    this.clusterCertificateAuthorityData = this.cluster.certificateAuthority.get(0).data;
    this.clusterSecurityGroupId = this.cluster.vpcConfig.clusterSecurityGroupId;
    this.kmsKeyArn = key.arn;
    this.logGroupName = logGroup.name;
    this.kubernetesVersion = props.kubernetesVersion;
  }
}
