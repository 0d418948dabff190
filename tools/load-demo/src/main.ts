/** `npm run load-demo -- --env NAME [--apply]`: see cli.ts. */
import { spawnSync } from 'node:child_process';
import { ConfigError } from '@boomi-eks/config';
// The app's own list of environment files (fs + require only: no stack code is loaded).
import { loadEnvironmentFiles } from '../../../apps/platform/src/environments/load';
import { findEnvironment, HELP, LoadDemoError, parseLoadDemoArgs, runLoadDemo } from './cli';

function main(): number {
  const args = parseLoadDemoArgs(process.argv.slice(2));
  if (!args) {
    process.stdout.write(HELP);
    return 0;
  }
  const inputs = loadEnvironmentFiles(process.env.BOOMI_ENVIRONMENTS_DIR || undefined);
  const env = findEnvironment(inputs, args.env);
  return runLoadDemo(env, args, {
    out: (text) => process.stdout.write(text),
    exec: (command, argv, input) => {
      const r = spawnSync(command, [...argv], { input, stdio: [input === undefined ? 'inherit' : 'pipe', 'inherit', 'pipe'], encoding: 'utf8' });
      if (r.error) return { status: 1, stderr: r.error.message };
      return { status: r.status, stderr: r.stderr };
    },
  });
}

try {
  process.exitCode = main();
} catch (err) {
  if (err instanceof LoadDemoError || err instanceof ConfigError) {
    process.stderr.write(`load-demo: ${err.message}\n`);
    process.exitCode = 1;
  } else {
    throw err;
  }
}
