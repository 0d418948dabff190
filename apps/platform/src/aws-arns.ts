import type { Environment } from '@boomi-eks/config';

/** `aws`, `aws-cn` or `aws-us-gov`, from a region code. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * The ARN of an environment's Molecule secret (default: the first Molecule's), as an IAM pattern: Secrets
 * Manager appends `-` and 6 random characters to the name, so
 * `…:secret:<name>-??????` matches that one secret (a longer name such as
 * `<name>-old` does not: its ARN has 6 more characters after it).
 */
export function secretArnPattern(env: Environment, secretName: string = env.molecule.auth.secretName): string {
  return `arn:${partitionOf(env.region)}:secretsmanager:${env.region}:${env.accountId}:secret:${secretName}-??????`;
}
