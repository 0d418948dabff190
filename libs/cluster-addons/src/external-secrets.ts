import type { Construct } from 'constructs';
import { containerResourcesValues, mergeValues, throwIfIssues, type ContainerResources } from '@boomi-eks/primitives';
import { PinnedHelmRelease, type HelmReleaseOptions } from '@boomi-eks/primitives/helm';
import { EXTERNAL_SECRETS_CHART } from './chart-versions';
import { EXTERNAL_SECRETS_DEFAULTS } from './cluster-addons-defaults';

/** The API version of ExternalSecret and SecretStore that the pinned chart serves. */
export const EXTERNAL_SECRETS_API_VERSION = 'external-secrets.io/v1';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export interface ExternalSecretsValuesInput {
  /**
   * The one namespace whose SecretStores and ExternalSecrets the operator
   * reconciles (the Molecule's). The chart then gives the controller a Role
   * there, not a ClusterRole: it can read and write Secrets in that namespace
   * only, and cluster-wide stores are off.
   */
  readonly watchNamespace: string;
  /** The controller's service account: the Pod Identity association names it. @default 'external-secrets' */
  readonly serviceAccountName?: string;
  /** Controller container requests and limits. @default requests 20m/64Mi, limits 200m/256Mi */
  readonly resources?: ContainerResources;
  /** Escape hatch: any chart values, deep-merged last. @default {} */
  readonly valuesOverride?: Readonly<Record<string, unknown>>;
}


/**
 * Helm values of the external-secrets chart (values.yaml at helm-chart-2.9.0):
 * - CRDs installed and upgraded with the release (`installCRDs`);
 * - the controller scoped to `watchNamespace` (`scopedNamespace` +
 *   `scopedRBAC`: a namespaced Role, `--namespace=<ns>`, cluster stores and
 *   cluster external secrets off), and the push/generator reconcilers off:
 *   it only copies Secrets Manager into that namespace;
 * - no admission webhook and no cert controller: they only validate specs the
 *   CRD schemas already check, and each is one more pod and one more TLS
 *   Secret (with `webhook.create: false` the chart's own note asks for
 *   `crds.conversion.enabled: false`, its default);
 * - a fixed service account name, which the EKS Pod Identity association
 *   (cluster stack) names; the controller uses the SDK's default credential
 *   chain, so a SecretStore with no `auth` gets that role.
 * `valuesOverride` is merged last.
 */
export function externalSecretsValues(input: ExternalSecretsValuesInput): Record<string, unknown> {
  if (!DNS_LABEL.test(input.watchNamespace)) {
    throwIfIssues('ExternalSecretsOperator', [
      { path: 'watchNamespace', value: input.watchNamespace, message: 'must be a Kubernetes namespace name (DNS-1123 label)', fix: "use one such as 'boomi'" },
    ]);
  }
  const d = EXTERNAL_SECRETS_DEFAULTS;
  const r = input.resources ?? d.resources;
  const values: Record<string, unknown> = {
    installCRDs: true,
    scopedNamespace: input.watchNamespace,
    scopedRBAC: true,
    processClusterStore: false,
    processClusterExternalSecret: false,
    processClusterPushSecret: false,
    processPushSecret: false,
    processClusterGenerator: false,
    serviceAccount: { create: true, name: input.serviceAccountName ?? d.serviceAccountName },
    webhook: { create: false },
    certController: { create: false },
    resources: containerResourcesValues(r),
  };
  return mergeValues(values, input.valuesOverride as Record<string, unknown> | undefined);
}

export interface ExternalSecretsOperatorProps extends ExternalSecretsValuesInput, HelmReleaseOptions {
  /** Namespace of the operator (created by the release). @default 'external-secrets' */
  readonly namespace?: string;
  /**
   * Resources to create first: the watched namespace must exist before the
   * release, because the chart puts the controller's Role in it. @default []
   */
  readonly dependsOn?: HelmReleaseOptions['dependsOn'];
}

/**
 * External Secrets Operator (pinned chart): copies secrets from AWS Secrets
 * Manager into Kubernetes Secrets of one namespace, with the AWS identity of
 * its controller pod (EKS Pod Identity; the role lives in the cluster stack).
 * Terraform never reads a secret value: it only declares which secret to copy
 * (an ExternalSecret, see `MoleculeExternalSecret` in @boomi-eks/molecule).
 *
 * The release installs the CRDs, so any `kubernetes_manifest` of an
 * ExternalSecret or SecretStore must depend on {@link release}; and because
 * kubernetes_manifest reads a custom resource's schema from the cluster at
 * plan time, a stack whose CRDs are not installed yet plans in two steps
 * (docs/ci-and-secrets.md, "First apply").
 */
export class ExternalSecretsOperator extends PinnedHelmRelease {
  /** Service account of the controller (the Pod Identity association's). */
  readonly serviceAccountName: string;

  constructor(scope: Construct, id: string, props: ExternalSecretsOperatorProps) {
    const { provider, dependsOn, timeoutSeconds, namespace = EXTERNAL_SECRETS_DEFAULTS.namespace, ...valuesInput } = props;
    if (!DNS_LABEL.test(namespace)) {
      throwIfIssues('ExternalSecretsOperator', [
        { path: 'namespace', value: namespace, message: 'must be a DNS-1123 label', fix: "use one such as 'external-secrets'" },
      ]);
    }
    super(scope, id, {
      releaseName: EXTERNAL_SECRETS_DEFAULTS.releaseName,
      namespace,
      createNamespace: true,
      chart: EXTERNAL_SECRETS_CHART,
      values: externalSecretsValues(valuesInput),
      timeoutSeconds,
      provider,
      dependsOn,
    });
    this.serviceAccountName = props.serviceAccountName ?? EXTERNAL_SECRETS_DEFAULTS.serviceAccountName;
  }
}
