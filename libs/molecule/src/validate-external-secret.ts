/**
 * The rules of the Molecule's ExternalSecret and SecretStore names, as a pure
 * validator returning `PropsIssue`s (paths relative to the input):
 * `moleculeExternalSecretObjects` throws them as one `InvalidPropsError`;
 * `@boomi-eks/config` runs it on `molecule.auth`. No cdktf imports here.
 */
import type { PropsIssue } from '@boomi-eks/primitives';

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const GO_DURATION = /^(\d+(ns|us|µs|ms|s|m|h))+$/;
const SECRETS_MANAGER_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;

/** What {@link validateMoleculeExternalSecret} reads (the defaults applied or not). */
export interface ExternalSecretRulesInput {
  readonly remoteSecretName: string;
  readonly secretName?: string;
  readonly storeName?: string;
  readonly refreshInterval?: string;
}

/** Every problem of the names and the refresh interval, all at once (paths `secretName`, `remoteSecretName`, …). */
export function validateMoleculeExternalSecret(input: ExternalSecretRulesInput): PropsIssue[] {
  const issues: PropsIssue[] = [];
  const { secretName, storeName, refreshInterval, remoteSecretName } = input;
  if (secretName !== undefined && !DNS_SUBDOMAIN.test(secretName)) {
    issues.push({ path: 'secretName', value: secretName, message: 'must be a DNS-1123 subdomain', fix: "use a name such as 'boomi-secret'" });
  }
  if (storeName !== undefined && !DNS_SUBDOMAIN.test(storeName)) {
    issues.push({ path: 'storeName', value: storeName, message: 'must be a DNS-1123 subdomain', fix: "use a name such as 'aws-secrets-manager'" });
  }
  if (refreshInterval !== undefined && !GO_DURATION.test(refreshInterval)) {
    issues.push({ path: 'refreshInterval', value: refreshInterval, message: 'must be a duration (Go syntax)', fix: "write it such as '1h', '15m' or '1h30m'" });
  }
  if (!SECRETS_MANAGER_NAME.test(remoteSecretName)) {
    issues.push({
      path: 'remoteSecretName',
      value: remoteSecretName,
      message: 'must be a Secrets Manager secret name',
      fix: 'use 1 to 512 letters, digits and / _ + = . @ -',
    });
  }
  return issues;
}
