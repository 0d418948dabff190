import { Construct } from 'constructs';
import { PodIdentityRole } from './pod-identity-role';

export const EBS_CSI_CONTROLLER_SERVICE_ACCOUNT = 'ebs-csi-controller-sa';
export const EBS_CSI_DRIVER_POLICY_ARN = 'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy';

export interface EbsCsiIdentityProps {
  readonly clusterName: string;
  /** @default 'kube-system' */
  readonly namespace?: string;
}

/**
 * The EBS CSI driver's IAM through Pod Identity: the controller
 * (`ebs-csi-controller-sa`) creates, attaches and deletes the volumes, with
 * AWS's AmazonEBSCSIDriverPolicy (which scopes deletes to volumes the driver
 * tagged). The node daemonset only mounts attached devices and needs no AWS
 * credentials.
 */
export class EbsCsiIdentity extends Construct {
  readonly controllerRoleArn: string;

  constructor(scope: Construct, id: string, props: EbsCsiIdentityProps) {
    super(scope, id);
    const role = new PodIdentityRole(this, 'controller', {
      clusterName: props.clusterName,
      namespace: props.namespace ?? 'kube-system',
      serviceAccount: EBS_CSI_CONTROLLER_SERVICE_ACCOUNT,
      roleName: `${props.clusterName}-ebs-csi-controller`,
      managedPolicyArns: [EBS_CSI_DRIVER_POLICY_ARN],
    });
    this.controllerRoleArn = role.roleArn;
  }
}
