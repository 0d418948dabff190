/**
 * The cdktf app: every environment file in ./environments becomes the stacks
 * `<env>-network`, `<env>-cluster` and `<env>-workloads`, plus the account's `state` stack.
 * Offline: needs no AWS credentials and no Terraform.
 */
import { App } from 'cdktf';
import { ConfigError } from '@boomi-eks/config';
import { buildPlatform, validateAll } from './platform';
import { loadEnvironmentFiles } from './environments/load';
import { ciAccess } from './ci';

function main(): void {
  // BOOMI_ENVIRONMENTS_DIR points at another folder of environment files (tests, forks).
  const environments = validateAll(loadEnvironmentFiles(process.env.BOOMI_ENVIRONMENTS_DIR || undefined));
  const app = new App(); // only now: a refused configuration leaves no output behind
  buildPlatform(app, environments, ciAccess);
  app.synth();
}

try {
  main();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
