import { Construct } from 'constructs';
import { Fn, Token } from 'cdktf';
import { throwIfIssues } from '@boomi-eks/primitives';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { EfsAccessPoint } from '@cdktf/provider-aws/lib/efs-access-point';
import { EfsBackupPolicy } from '@cdktf/provider-aws/lib/efs-backup-policy';
import { EfsFileSystem } from '@cdktf/provider-aws/lib/efs-file-system';
import { EfsFileSystemPolicy } from '@cdktf/provider-aws/lib/efs-file-system-policy';
import { EfsMountTarget } from '@cdktf/provider-aws/lib/efs-mount-target';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { EfsCsiIdentity } from './efs-csi-identity';
import { EFS_DEFAULTS } from './efs-defaults';
import { validateMoleculeAccessPoint, validateMoleculeFileSystemProps } from './validate-file-system';

export const NFS_PORT = 2049;

export interface MoleculeFileSystemProps {
  /** Prefix of names and `Name` tags, e.g. the cluster name. */
  readonly name: string;
  readonly clusterName: string;
  readonly vpcId: string;
  /** One mount target per subnet (the private subnet of each AZ). */
  readonly subnetIds: readonly string[];
  /** The only source allowed to NFS: the EKS cluster security group (on every managed node). */
  readonly clusterSecurityGroupId: string;
  /** Directory of the Molecule on the file system. @default '/boomi' */
  readonly path?: string;
  /** Owner of that directory: the Molecule image's user. @default { uid: 1000, gid: 1000 } */
  readonly posixUser?: { readonly uid: number; readonly gid: number };
  /**
   * The EKS node instance role, admitted to mount next to the CSI node's Pod
   * Identity role, and granted ClientMount/ClientWrite on this file system.
   * Mounts then work whether or not the efs-csi-node daemonset gets Pod Identity
   * credentials (the managed add-on does not wire them for the node component:
   * aws-efs-csi-driver#1759, open; efs-utils reads them only from 2.3.0), since
   * efs-utils falls back to the instance profile (the daemonset is on the host
   * network, so IMDSv2 with hop limit 1 reaches it).
   * @default - none: only the CSI node's Pod Identity role may mount
   */
  readonly nodeInstanceRole?: { readonly arn: string; readonly name: string };
  /**
   * Customer-managed KMS key of the file system. Changing it replaces the file
   * system (EFS cannot re-key): set it before the first apply.
   * @default - none (the AWS-managed aws/elasticfilesystem key)
   */
  readonly kmsKeyArn?: string;
}

/** Options of {@link MoleculeFileSystem.addMoleculeAccessPoint}. */
export interface MoleculeAccessPointOptions {
  /** Directory of this Molecule on the file system. @default '/boomi-<name>' */
  readonly path?: string;
  /** Owner of that directory: the user its pods run as. @default - the file system's posixUser ({ uid: 1000, gid: 1000 }) */
  readonly posixUser?: { readonly uid: number; readonly gid: number };
}

/**
 * The NFS the Molecule requires (seed 000), on EFS: encrypted, elastic
 * throughput, backups on, TLS-only file system policy, a mount target per
 * subnet behind a security group open on 2049 to the cluster security group
 * only, an access point for the Molecule's directory, and the CSI driver's IAM.
 */
export class MoleculeFileSystem extends Construct {
  readonly fileSystemId: string;
  readonly fileSystemArn: string;
  readonly accessPointId: string;
  readonly securityGroupId: string;
  readonly csiIdentity: EfsCsiIdentity;
  readonly fileSystem: EfsFileSystem;
  /** The first Molecule's access point (`accessPointId`). */
  readonly accessPoint: EfsAccessPoint;
  private readonly props: MoleculeFileSystemProps;
  private readonly accessPointNames = new Set<string>();

  constructor(scope: Construct, id: string, props: MoleculeFileSystemProps) {
    super(scope, id);
    this.props = props;
    throwIfIssues(`MoleculeFileSystem '${id}'`, validateMoleculeFileSystemProps(props, { isUnresolved: (v) => Token.isUnresolved(v) }));
    const posixUser = props.posixUser ?? EFS_DEFAULTS.posixUser;
    const dir = props.path ?? EFS_DEFAULTS.path;

    this.fileSystem = new EfsFileSystem(this, 'file-system', {
      creationToken: `${props.name}-molecule`,
      encrypted: true,
      kmsKeyId: props.kmsKeyArn,
      performanceMode: 'generalPurpose',
      throughputMode: 'elastic',
      lifecyclePolicy: [{ transitionToIa: 'AFTER_30_DAYS' }, { transitionToPrimaryStorageClass: 'AFTER_1_ACCESS' }],
      tags: { Name: `${props.name}-molecule` },
    });
    new EfsBackupPolicy(this, 'backup', {
      fileSystemId: this.fileSystem.id,
      backupPolicy: { status: 'ENABLED' },
    });

    const sg = new SecurityGroup(this, 'nfs-sg', {
      name: `${props.name}-efs-nfs`,
      description: 'NFS to the Molecule file system from the EKS cluster security group only',
      vpcId: props.vpcId,
      tags: { Name: `${props.name}-efs-nfs` },
    });
    new VpcSecurityGroupIngressRule(this, 'nfs-from-cluster', {
      securityGroupId: sg.id,
      description: 'NFS from EKS nodes',
      ipProtocol: 'tcp',
      fromPort: NFS_PORT,
      toPort: NFS_PORT,
      referencedSecurityGroupId: props.clusterSecurityGroupId,
    });

    props.subnetIds.forEach(
      (subnetId, i) =>
        new EfsMountTarget(this, `mount-target-${i}`, {
          fileSystemId: this.fileSystem.id,
          subnetId,
          securityGroups: [sg.id],
        }),
    );

    this.accessPoint = moleculeAccessPoint(this, 'access-point', this.fileSystem.id, dir, posixUser, `${props.name}-molecule`);

    this.csiIdentity = new EfsCsiIdentity(this, 'csi', {
      clusterName: props.clusterName,
      fileSystemArn: this.fileSystem.arn,
    });

    // Who may mount with the `iam` option: the CSI node's Pod Identity role, and the node role when given.
    const mountPrincipals = props.nodeInstanceRole ? [this.csiIdentity.nodeRoleArn, props.nodeInstanceRole.arn] : this.csiIdentity.nodeRoleArn;
    if (props.nodeInstanceRole) {
      new IamRolePolicy(this, 'node-role-mount', {
        role: props.nodeInstanceRole.name,
        name: `${props.name}-efs-molecule-mount`,
        policy: Fn.jsonencode({
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'MountMoleculeFileSystem',
              Effect: 'Allow',
              Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite', 'elasticfilesystem:DescribeMountTargets'],
              Resource: this.fileSystem.arn,
            },
          ],
        }),
      });
    }

    new EfsFileSystemPolicy(this, 'policy', {
      fileSystemId: this.fileSystem.id,
      policy: Fn.jsonencode({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'DenyNonTls',
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: '*',
            Resource: this.fileSystem.arn,
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
          {
            Sid: 'AllowCsiNodeMounts',
            Effect: 'Allow',
            Principal: { AWS: mountPrincipals },
            Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
            Resource: this.fileSystem.arn,
            Condition: { Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' } },
          },
        ],
      }),
    });

    this.fileSystemId = this.fileSystem.id;
    this.fileSystemArn = this.fileSystem.arn;
    this.accessPointId = this.accessPoint.id;
    this.securityGroupId = sg.id;
  }

  /**
   * An access point for one more Molecule on this file system (several
   * Molecules per cluster): its own directory, owned by the user its pods run
   * as, so Molecules never see each other's files. Pass its id as that
   * MoleculeChart's `accessPointId`. Construct id `access-point-<name>`,
   * `Name` tag `<fs name>-molecule-<name>`.
   */
  addMoleculeAccessPoint(name: string, options: MoleculeAccessPointOptions = {}): EfsAccessPoint {
    const path = options.path ?? `${EFS_DEFAULTS.accessPointPathPrefix}${name}`;
    throwIfIssues(
      `MoleculeFileSystem.addMoleculeAccessPoint('${name}')`,
      validateMoleculeAccessPoint(name, { path, posixUser: options.posixUser }, { usedNames: this.accessPointNames, firstPath: this.props.path ?? EFS_DEFAULTS.path }),
    );
    this.accessPointNames.add(name);
    const posixUser = options.posixUser ?? this.props.posixUser ?? EFS_DEFAULTS.posixUser;
    return moleculeAccessPoint(this, `access-point-${name}`, this.fileSystem.id, path, posixUser, `${this.props.name}-molecule-${name}`);
  }
}

function moleculeAccessPoint(
  scope: Construct,
  id: string,
  fileSystemId: string,
  path: string,
  posixUser: { readonly uid: number; readonly gid: number },
  nameTag: string,
): EfsAccessPoint {
  return new EfsAccessPoint(scope, id, {
    fileSystemId,
    posixUser: { uid: posixUser.uid, gid: posixUser.gid },
    rootDirectory: {
      path,
      creationInfo: { ownerUid: posixUser.uid, ownerGid: posixUser.gid, permissions: EFS_DEFAULTS.directoryPermissions },
    },
    tags: { Name: nameTag },
  });
}
