/**
 * The cdktf app: every environment file in ./environments becomes the stacks
 * `<env>-network`, `<env>-cluster` and `<env>-workloads`, plus the account's
 * `state` and `ci-access` stacks. Offline: needs no AWS credentials and no
 * Terraform. `npm run synth` runs it through tools/synth/synth.js (bundled by
 * esbuild, much faster than tsx); `tsx apps/platform/src/main.ts` works too.
 */
import * as path from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { ConfigError } from '@boomi-eks/config';
import { buildPlatform, validateAll } from './platform';
import { loadEnvironmentFiles } from './environments/load';
import { ciAccess } from './ci';
import { pruneStaleStacks } from './prune-stale-stacks';

function main(): void {
  // BOOMI_ENVIRONMENTS_DIR points at another folder of environment files (tests, forks).
  const dir = process.env.BOOMI_ENVIRONMENTS_DIR || path.join(__dirname, 'environments');
  const environments = validateAll(loadEnvironmentFiles(dir));
  // only now: a refused configuration leaves no output behind. No stack traces
  // in construct metadata: they are not in the output, and cost time.
  const app = new App({ stackTraces: false });
  buildPlatform(app, environments, ciAccess);
  app.synth();
  // cdktf.out matches the environments: a renamed or deleted environment's stack folders go.
  const stackIds = app.node.children.filter((c) => c instanceof TerraformStack).map((c) => c.node.id);
  for (const dir of pruneStaleStacks(app.outdir, stackIds)) process.stdout.write(`removed ${dir}: its stack no longer exists\n`);
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
