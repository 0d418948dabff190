import { Construct } from 'constructs';
import { PodIdentityRole } from '@boomi-eks/eks';
import { clusterAutoscalerPolicyJson } from './autoscaler-iam';
import { CLUSTER_AUTOSCALER_NAMESPACE, CLUSTER_AUTOSCALER_SERVICE_ACCOUNT } from './autoscaler-values';

export interface ClusterAutoscalerIdentityProps {
  /** EKS cluster name (a literal or a reference to the cluster resource). */
  readonly clusterName: string;
  /** IAM role name (≤ 64 characters). @default `<clusterName>-cluster-autoscaler` */
  readonly roleName?: string;
}

/**
 * The AWS side of the cluster-autoscaler, for the cluster stack: an IAM role
 * with the autoscaler's policy (describe anywhere, scale only this cluster's
 * ASGs), associated through EKS Pod Identity with the service account
 * `kube-system/cluster-autoscaler` that the Helm release creates.
 */
export class ClusterAutoscalerIdentity extends Construct {
  /** ARN of the autoscaler's IAM role. */
  readonly roleArn: string;
  /** Name of the autoscaler's IAM role. */
  readonly roleName: string;
  /** Namespace the association binds. */
  readonly namespace = CLUSTER_AUTOSCALER_NAMESPACE;
  /** Service account the association binds. */
  readonly serviceAccount = CLUSTER_AUTOSCALER_SERVICE_ACCOUNT;
  /** The underlying role + association, as the escape hatch. */
  readonly podIdentityRole: PodIdentityRole;

  constructor(scope: Construct, id: string, props: ClusterAutoscalerIdentityProps) {
    super(scope, id);
    this.podIdentityRole = new PodIdentityRole(this, 'role', {
      clusterName: props.clusterName,
      namespace: CLUSTER_AUTOSCALER_NAMESPACE,
      serviceAccount: CLUSTER_AUTOSCALER_SERVICE_ACCOUNT,
      roleName: props.roleName ?? `${props.clusterName}-cluster-autoscaler`,
      inlinePolicy: clusterAutoscalerPolicyJson(props.clusterName),
    });
    this.roleArn = this.podIdentityRole.roleArn;
    this.roleName = this.podIdentityRole.roleName;
  }
}
