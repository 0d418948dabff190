/**
 * IAM trust policies (a role's `assume_role_policy`) as plain objects. Pass
 * them through `Fn.jsonencode(...)` in the construct that creates the role:
 * a `JSON.stringify`-ed policy breaks cdktf's HCL output (TRAPS 28), and this
 * module stays free of cdktf.
 */

/** The IAM policy language version every document here uses. */
export const IAM_POLICY_VERSION = '2012-10-17';

/** The service principal of EKS Pod Identity (the eks-pod-identity-agent add-on). */
export const POD_IDENTITY_SERVICE_PRINCIPAL = 'pods.eks.amazonaws.com';

/** One `Allow` statement of a trust policy that names an AWS service. */
export interface ServiceTrustStatement {
  readonly Effect: 'Allow';
  readonly Principal: { readonly Service: string };
  readonly Action: string | readonly string[];
}

/** A trust policy document (an IAM role's `assume_role_policy`). */
export interface TrustPolicyDocument {
  readonly Version: typeof IAM_POLICY_VERSION;
  readonly Statement: readonly ServiceTrustStatement[];
}

export interface ServiceTrustPolicyOptions {
  /**
   * Also allow `sts:TagSession`: the service passes session tags (EKS for the
   * cluster role, EKS Pod Identity for its roles). `Action` is then the list
   * `['sts:AssumeRole', 'sts:TagSession']`, otherwise the string `'sts:AssumeRole'`.
   * @default false
   */
  readonly tagSession?: boolean;
}

/**
 * The trust policy of a role that one AWS service assumes, e.g.
 * `serviceTrustPolicy('ec2.amazonaws.com')` for a node role or
 * `serviceTrustPolicy('eks.amazonaws.com', { tagSession: true })` for an EKS
 * cluster role.
 */
export function serviceTrustPolicy(service: string, options: ServiceTrustPolicyOptions = {}): TrustPolicyDocument {
  // A cdktf token (`logs.${region}.amazonaws.com` with a region reference) is checked by IAM at apply.
  if (!service.includes('${TfToken[') && !/^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/.test(service)) {
    throw new Error(`serviceTrustPolicy service (${service}) must be an AWS service principal such as 'ec2.amazonaws.com'`);
  }
  return {
    Version: IAM_POLICY_VERSION,
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: service },
        Action: options.tagSession ? ['sts:AssumeRole', 'sts:TagSession'] : 'sts:AssumeRole',
      },
    ],
  };
}

/**
 * The trust policy of an EKS Pod Identity role: `pods.eks.amazonaws.com` may
 * assume it and tag the session (the agent passes the cluster, namespace and
 * service account as session tags).
 */
export function podIdentityTrustPolicy(): TrustPolicyDocument {
  return serviceTrustPolicy(POD_IDENTITY_SERVICE_PRINCIPAL, { tagSession: true });
}
