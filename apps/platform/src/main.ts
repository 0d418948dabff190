/**
 * The cdktf app: every environment file in ./environments becomes the stacks
 * `<env>-network`, `<env>-cluster` and `<env>-workloads`, plus the account's
 * `state` and `ci-access` stacks. Offline: needs no AWS credentials and no
 * Terraform. `npm run synth` runs it through tools/synth/synth.js (bundled by
 * esbuild, the environment files compiled when it runs: much faster than
 * tsx); `tsx apps/platform/src/main.ts` works too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { ConfigError, lifecycleWarning } from '@boomi-eks/config';
import { buildPlatform, validateAll } from './platform';
import { loadEnvironmentFiles, type BundledEnvironments } from './environments/load';
import { ciAccess } from './ci';
import { ciPlanRoutes } from './ci-plan-access';
import { pruneStaleStacks } from './prune-stale-stacks';

/**
 * Synthesizes every environment. `bundled`: the environment files as compiled
 * by tools/synth/synth.js (which calls this); without them (tsx) the folder's
 * files are required at run time.
 */
function main(bundled?: BundledEnvironments): void {
  // BOOMI_ENVIRONMENTS_DIR points at another folder of environment files (tests, forks).
  const dir = bundled?.dir ?? (process.env.BOOMI_ENVIRONMENTS_DIR || path.join(__dirname, 'environments'));
  // The day the Kubernetes lifecycle is judged against: now, or BOOMI_TODAY=YYYY-MM-DD (reviews, tests).
  const todayText = process.env.BOOMI_TODAY;
  const today = todayText ? new Date(`${todayText}T00:00:00Z`) : new Date();
  if (Number.isNaN(today.getTime())) throw new ConfigError('BOOMI_TODAY', [{ path: 'BOOMI_TODAY', value: todayText, message: 'is not a day', fix: 'use YYYY-MM-DD' }]);
  const environments = validateAll(loadEnvironmentFiles(dir, bundled?.modules), { today });
  // One line per environment near or past the end of EKS standard support (a warning, not an error).
  for (const env of environments) {
    const warning = lifecycleWarning(env, today);
    if (warning) process.stderr.write(`${warning}\n`);
  }
  // only now: a refused configuration leaves no output behind. No stack traces
  // in construct metadata: they are not in the output, and cost time.
  const app = new App({ stackTraces: false });
  buildPlatform(app, environments, ciAccess);
  app.synth();
  const stackIds = app.node.children.filter((c) => TerraformStack.isStack(c)).map((c) => c.node.id);
  // Where .github/workflows/plan.yml plans each stack (a GitHub-hosted runner,
  // a self-hosted one in the VPC, or nowhere: see ci.workloadsPlan).
  fs.writeFileSync(path.join(app.outdir, 'ci-plan-routes.json'), `${JSON.stringify(ciPlanRoutes(environments, stackIds), null, 2)}\n`);
  // cdktf.out matches the environments: a renamed or deleted environment's stack folders go.
  for (const dir of pruneStaleStacks(app.outdir, stackIds)) process.stdout.write(`removed ${dir}: its stack no longer exists\n`);
  // One summary line on success: `synthesized 8 stacks into cdktf.out/stacks (dev, prod)`.
  const stacks = path.resolve(app.outdir, 'stacks');
  const relative = path.relative(process.cwd(), stacks);
  const stacksDir = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : stacks;
  process.stdout.write(`synthesized ${stackIds.length} stacks into ${stacksDir} (${environments.map((e) => e.name).join(', ')})\n`);
}

/** Runs the app: a refused configuration is printed (no stack trace) and exits 1. */
export function run(bundled?: BundledEnvironments): void {
  try {
    main(bundled);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

// `tsx apps/platform/src/main.ts`; tools/synth/synth.js calls run() itself.
if (require.main === module) run();
