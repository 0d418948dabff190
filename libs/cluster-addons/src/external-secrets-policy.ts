/**
 * The IAM policy of the External Secrets Operator's Pod Identity role, as a
 * document object: pass it through `Fn.jsonencode(...)` (never
 * JSON.stringify: cdktf's HCL output breaks on it).
 */
import { throwIfIssues } from '@boomi-eks/primitives';

/** What the controller may do, and nothing else: read one secret and its metadata. */
export const EXTERNAL_SECRETS_ACTIONS = ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'] as const;

/**
 * Allows exactly {@link EXTERNAL_SECRETS_ACTIONS} on the given secret ARN
 * (or ARN pattern `…:secret:<name>-??????`, which matches that one name and
 * the 6-character suffix Secrets Manager appends). A wildcard anywhere else
 * is refused: the role would read other secrets.
 */
export function externalSecretsPolicy(secretArn: string): Record<string, unknown> {
  const m = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:(.+)$/.exec(secretArn);
  if (!m) {
    throwIfIssues('externalSecretsPolicy', [
      { path: 'secretArn', value: secretArn, message: 'must be a Secrets Manager secret ARN', fix: 'write arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-??????' },
    ]);
  }
  const name = m![1].replace(/-\?{6}$/, '');
  if (/[*?]/.test(name)) {
    throwIfIssues('externalSecretsPolicy', [
      { path: 'secretArn', value: secretArn, message: 'has a wildcard in the secret name', fix: "name the one secret (only the '-??????' suffix may be a pattern)" },
    ]);
  }
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'ReadTheMoleculeSecret', Effect: 'Allow', Action: [...EXTERNAL_SECRETS_ACTIONS], Resource: secretArn }],
  };
}
