import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import type { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import type { MoleculeAuthKind } from './molecule-props';
import type { KubernetesObject } from './manifest-order';
import { throwIfIssues } from '@boomi-eks/primitives';
import { MOLECULE_EXTERNAL_SECRET_DEFAULTS } from './molecule-defaults';
import { validateMoleculeExternalSecret } from './validate-external-secret';

/**
 * Keys of the Secret the Molecule's env reads (`secretKeyRef`), per auth kind
 * (seed 000's Secret): the same keys as the Secrets Manager secret's JSON.
 */
export const MOLECULE_SECRET_KEYS: Readonly<Record<MoleculeAuthKind, readonly string[]>> = {
  password: ['account', 'username', 'password'],
  installerToken: ['account', 'token'],
};

/** API version of ExternalSecret and SecretStore served by the pinned External Secrets Operator chart (2.9.0). */
export const EXTERNAL_SECRET_API_VERSION = 'external-secrets.io/v1';

export interface MoleculeExternalSecretObjectsInput {
  /** Namespace of the Molecule (and of the store and the Secret). */
  readonly namespace: string;
  /** AWS Secrets Manager secret name (the JSON with the keys of {@link MOLECULE_SECRET_KEYS}). */
  readonly remoteSecretName: string;
  /** Region of the Secrets Manager secret. */
  readonly region: string;
  /** Which keys the Secret holds. @default 'password' */
  readonly authKind?: MoleculeAuthKind;
  /** Name of the Kubernetes Secret the operator writes (the one the pods read). @default 'boomi-secret' */
  readonly secretName?: string;
  /** Name of the SecretStore. @default 'aws-secrets-manager' */
  readonly storeName?: string;
  /**
   * How often the operator re-reads Secrets Manager and updates the Secret
   * (Go duration). Running pods keep the values they started with: see
   * docs/ci-and-secrets.md on rotation. @default '1h'
   */
  readonly refreshInterval?: string;
}


/**
 * The SecretStore and ExternalSecret (external-secrets.io/v1) that make the
 * operator copy the Molecule's credentials from Secrets Manager into the
 * Secret the pods read. Field names as in the chart's CRDs at 2.9.0:
 * - SecretStore `spec.provider.aws.{service, region}` and no `auth`: the
 *   controller's own credentials (EKS Pod Identity);
 * - ExternalSecret `spec.{refreshInterval, secretStoreRef.{name,kind},
 *   target.{name, creationPolicy, deletionPolicy}, data[].{secretKey,
 *   remoteRef.{key, property}}}`: one entry per key, each a property of the
 *   secret's JSON. `creationPolicy: Owner`: the Secret belongs to the
 *   ExternalSecret (deleted with it); `deletionPolicy: Retain`: a secret
 *   deleted in AWS leaves the Kubernetes Secret as it was.
 * No value is here: only the secret's name and the keys.
 */
export function moleculeExternalSecretObjects(input: MoleculeExternalSecretObjectsInput): {
  secretStore: KubernetesObject;
  externalSecret: KubernetesObject;
} {
  const d = MOLECULE_EXTERNAL_SECRET_DEFAULTS;
  const secretName = input.secretName ?? d.secretName;
  const storeName = input.storeName ?? d.storeName;
  const refreshInterval = input.refreshInterval ?? d.refreshInterval;
  throwIfIssues('MoleculeExternalSecret', validateMoleculeExternalSecret({ ...input, secretName, storeName, refreshInterval }));
  const keys = MOLECULE_SECRET_KEYS[input.authKind ?? d.authKind];
  const secretStore: KubernetesObject = {
    apiVersion: EXTERNAL_SECRET_API_VERSION,
    kind: 'SecretStore',
    metadata: { name: storeName, namespace: input.namespace },
    spec: { provider: { aws: { service: 'SecretsManager', region: input.region } } },
  };
  const externalSecret: KubernetesObject = {
    apiVersion: EXTERNAL_SECRET_API_VERSION,
    kind: 'ExternalSecret',
    metadata: { name: secretName, namespace: input.namespace },
    spec: {
      refreshInterval,
      secretStoreRef: { name: storeName, kind: 'SecretStore' },
      target: { name: secretName, creationPolicy: 'Owner', deletionPolicy: 'Retain' },
      data: keys.map((key) => ({ secretKey: key, remoteRef: { key: input.remoteSecretName, property: key } })),
    },
  };
  return { secretStore, externalSecret };
}

export interface MoleculeExternalSecretProps extends MoleculeExternalSecretObjectsInput {
  /** The provider of both manifests. @default - the stack's default kubernetes provider */
  readonly provider?: KubernetesProvider;
  /**
   * What to create first: the operator's Helm release (it installs the CRDs)
   * and the namespace. @default []
   */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * The Molecule's credentials through the External Secrets Operator: a
 * SecretStore and an ExternalSecret as `kubernetes_manifest`s. The apply
 * waits until the ExternalSecret is `Ready` (the Secret exists with every
 * key), so whatever depends on {@link externalSecret} (the StatefulSet) starts
 * with its credentials; a missing or unreadable secret fails the apply there,
 * with the operator's reason in the ExternalSecret's status.
 */
export class MoleculeExternalSecret extends Construct {
  /** Name of the Kubernetes Secret the operator writes. */
  readonly secretName: string;
  readonly secretStore: Manifest;
  readonly externalSecret: Manifest;

  constructor(scope: Construct, id: string, props: MoleculeExternalSecretProps) {
    super(scope, id);
    const { provider, dependsOn, ...input } = props;
    const objects = moleculeExternalSecretObjects(input);
    this.secretName = input.secretName ?? MOLECULE_EXTERNAL_SECRET_DEFAULTS.secretName;
    this.secretStore = new Manifest(this, 'secret-store', {
      manifest: objects.secretStore,
      provider,
      dependsOn: dependsOn && dependsOn.length > 0 ? dependsOn : undefined,
    });
    this.externalSecret = new Manifest(this, 'external-secret', {
      manifest: objects.externalSecret,
      provider,
      dependsOn: [...(dependsOn ?? []), this.secretStore],
      wait: { condition: [{ type: 'Ready', status: 'True' }] },
    });
  }
}
