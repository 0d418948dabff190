import { Construct } from 'constructs';
import { Fn, Token } from 'cdktf';
import { EksPodIdentityAssociation } from '@cdktf/provider-aws/lib/eks-pod-identity-association';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { podIdentityTrustPolicy, throwIfIssues } from '@boomi-eks/primitives';
import { validatePodIdentityRole } from './validate-addons';

export interface PodIdentityRoleProps {
  readonly clusterName: string;
  /** Namespace of the service account. */
  readonly namespace: string;
  /** Service account whose pods get the role. */
  readonly serviceAccount: string;
  /** IAM role name (≤ 64 characters). */
  readonly roleName: string;
  /** AWS managed or customer policies to attach. @default [] */
  readonly managedPolicyArns?: readonly string[];
  /** An inline policy document, built with `Fn.jsonencode(...)` (a JSON string breaks the HCL output), when the role needs one. @default - none */
  readonly inlinePolicy?: string;
}

/**
 * An IAM role trusted by EKS Pod Identity (`pods.eks.amazonaws.com`) and its
 * association with one service account. Needs the eks-pod-identity-agent add-on.
 */
export class PodIdentityRole extends Construct {
  readonly roleArn: string;
  readonly roleName: string;
  readonly associationId: string;
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: PodIdentityRoleProps) {
    super(scope, id);
    // A name built from a token (another resource's attribute) is checked by IAM at apply.
    throwIfIssues(`PodIdentityRole '${id}'`, validatePodIdentityRole(props, { isUnresolved: Token.isUnresolved }));
    this.role = new IamRole(this, 'role', {
      name: props.roleName,
      assumeRolePolicy: Fn.jsonencode(podIdentityTrustPolicy()),
    });
    (props.managedPolicyArns ?? []).forEach(
      (policyArn, i) => new IamRolePolicyAttachment(this, `policy-${i}`, { role: this.role.name, policyArn }),
    );
    if (props.inlinePolicy) {
      new IamRolePolicy(this, 'inline-policy', { role: this.role.name, name: 'inline', policy: props.inlinePolicy });
    }
    const association = new EksPodIdentityAssociation(this, 'association', {
      clusterName: props.clusterName,
      namespace: props.namespace,
      serviceAccount: props.serviceAccount,
      roleArn: this.role.arn,
    });
    this.roleArn = this.role.arn;
    this.roleName = this.role.name;
    this.associationId = association.associationId;
  }
}
