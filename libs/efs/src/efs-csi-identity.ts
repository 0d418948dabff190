import { Construct } from 'constructs';
import { Fn } from 'cdktf';
import { PodIdentityRole } from '@boomi-eks/eks';

export const EFS_CSI_CONTROLLER_SERVICE_ACCOUNT = 'efs-csi-controller-sa';
export const EFS_CSI_NODE_SERVICE_ACCOUNT = 'efs-csi-node-sa';
export const EFS_CSI_DRIVER_POLICY_ARN = 'arn:aws:iam::aws:policy/service-role/AmazonEFSCSIDriverPolicy';

export interface EfsCsiIdentityProps {
  readonly clusterName: string;
  /** The file system the node daemonset mounts with the `iam` mount option. */
  readonly fileSystemArn: string;
  /** @default 'kube-system' */
  readonly namespace?: string;
}

/**
 * The EFS CSI driver's IAM through Pod Identity. The controller
 * (`efs-csi-controller-sa`) gets AmazonEFSCSIDriverPolicy; it provisions
 * nothing for a static PV, but the driver needs it for dynamic access points.
 * The node daemonset (`efs-csi-node-sa`) does the mounts: with the `iam` mount
 * option it authenticates as itself, so it gets ClientMount/ClientWrite on this
 * file system only (the driver supports EKS Pod Identity since v2.0.5, "Add Pod
 * Identity Support (#1254)" in its CHANGELOG-2.x.md; efs-utils ≥ 2.3 reads
 * those credentials).
 */
export class EfsCsiIdentity extends Construct {
  readonly controllerRoleArn: string;
  readonly nodeRoleArn: string;

  constructor(scope: Construct, id: string, props: EfsCsiIdentityProps) {
    super(scope, id);
    const namespace = props.namespace ?? 'kube-system';
    const controller = new PodIdentityRole(this, 'controller', {
      clusterName: props.clusterName,
      namespace,
      serviceAccount: EFS_CSI_CONTROLLER_SERVICE_ACCOUNT,
      roleName: `${props.clusterName}-efs-csi-controller`,
      managedPolicyArns: [EFS_CSI_DRIVER_POLICY_ARN],
    });
    const node = new PodIdentityRole(this, 'node', {
      clusterName: props.clusterName,
      namespace,
      serviceAccount: EFS_CSI_NODE_SERVICE_ACCOUNT,
      roleName: `${props.clusterName}-efs-csi-node`,
      inlinePolicy: Fn.jsonencode({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite', 'elasticfilesystem:DescribeMountTargets'],
            Resource: props.fileSystemArn,
          },
        ],
      }),
    });
    this.controllerRoleArn = controller.roleArn;
    this.nodeRoleArn = node.roleArn;
  }
}
