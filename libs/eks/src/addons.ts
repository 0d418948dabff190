import { Construct } from 'constructs';
import { ITerraformDependable, Token } from 'cdktf';
import { throwIfIssues } from '@boomi-eks/primitives';
import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import { validateClusterAddons } from './validate-addons';

export interface AddonSpec {
  /** EKS add-on name, e.g. 'vpc-cni'. */
  readonly name: string;
  /** Exact version, e.g. 'v1.20.1-eksbuild.3': never `most_recent`. */
  readonly version: string;
  /** IAM role for the add-on's service account (IRSA-style), when it needs one. @default - none */
  readonly serviceAccountRoleArn?: string;
  /** Pod Identity associations the add-on should create. @default - none */
  readonly podIdentity?: readonly { readonly serviceAccount: string; readonly roleArn: string }[];
  /** JSON configuration values. @default - the add-on's defaults */
  readonly configurationValues?: string;
}

export interface ClusterAddonsProps {
  readonly clusterName: string;
  readonly addons: readonly AddonSpec[];
  /** @default [] */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * EKS managed add-ons pinned to exact versions. Conflicts with what EKS
 * installed on its own are resolved by overwriting on create and update.
 */
export class ClusterAddons extends Construct {
  /** Add-on resources by add-on name. */
  readonly addons: Readonly<Record<string, EksAddon>>;

  constructor(scope: Construct, id: string, props: ClusterAddonsProps) {
    super(scope, id);
    throwIfIssues(`ClusterAddons for '${props.clusterName}'`, validateClusterAddons(props, { isUnresolved: Token.isUnresolved }));
    const addons: Record<string, EksAddon> = {};
    for (const spec of props.addons) {
      addons[spec.name] = new EksAddon(this, spec.name, {
        clusterName: props.clusterName,
        addonName: spec.name,
        addonVersion: spec.version,
        resolveConflictsOnCreate: 'OVERWRITE',
        resolveConflictsOnUpdate: 'OVERWRITE',
        serviceAccountRoleArn: spec.serviceAccountRoleArn,
        podIdentityAssociation: spec.podIdentity?.map((p) => ({ serviceAccount: p.serviceAccount, roleArn: p.roleArn })),
        configurationValues: spec.configurationValues,
        dependsOn: props.dependsOn,
      });
    }
    this.addons = addons;
  }
}

/**
 * Configuration values of the vpc-cni add-on (pass through `Fn.jsonencode`).
 * `enableNetworkPolicy`: the network policy agent (shipped with vpc-cni ≥ 1.14)
 * enforces NetworkPolicy objects; without it they are stored but not enforced.
 * The add-on's schema takes the flag as the string "true".
 */
export function vpcCniConfigurationValues(opts: { readonly networkPolicy: boolean }): Record<string, string> {
  return opts.networkPolicy ? { enableNetworkPolicy: 'true' } : {};
}
