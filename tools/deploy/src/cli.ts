/**
 * `npm run deploy -- <stack>...` / `npm run destroy -- <stack>...`: synthesizes,
 * then runs `cdktf deploy` (or `destroy`) one stack at a time in dependency
 * order: deploy takes what the named stacks depend on first, destroy takes
 * what depends on them first. Arguments after `--` go to cdktf
 * (e.g. `--auto-approve`). `--dry-run` prints the order only.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { deployOrder, destroyOrder, readDependencies } from './stack-order';

const root = path.resolve(__dirname, '../../..');

function main(argv: readonly string[]): number {
  const [action, ...rest] = argv;
  if (action !== 'deploy' && action !== 'destroy') {
    process.stderr.write('usage: npm run deploy -- <stack>... [--dry-run] [-- cdktf flags]\n       npm run destroy -- <stack>... [--dry-run] [-- cdktf flags]\n');
    return 2;
  }
  const sep = rest.indexOf('--');
  const own = sep >= 0 ? rest.slice(0, sep) : rest;
  const passThrough = sep >= 0 ? rest.slice(sep + 1) : [];
  const dryRun = own.includes('--dry-run');
  const targets = own.filter((a) => !a.startsWith('--'));
  const env = { ...process.env, CI: process.env.CI ?? 'true', CHECKPOINT_DISABLE: '1' };

  if (!dryRun) {
    const synth = spawnSync('npm', ['run', 'synth'], { cwd: root, env, stdio: 'inherit' });
    if (synth.status !== 0) return synth.status ?? 1;
  }
  const deps = readDependencies(path.join(root, 'cdktf.out', 'manifest.json'));
  const order = action === 'deploy' ? deployOrder(deps, targets) : destroyOrder(deps, targets);
  process.stdout.write(`${action}: ${order.join(' → ')}\n`);
  if (dryRun) return 0;
  for (const stack of order) {
    process.stdout.write(`\n=== cdktf ${action} ${stack}\n`);
    const r = spawnSync(
      path.join(root, 'node_modules/.bin/cdktf'),
      [action, stack, '--skip-synth', '--ignore-missing-stack-dependencies', ...passThrough],
      { cwd: root, env, stdio: 'inherit' },
    );
    if (r.status !== 0) {
      process.stderr.write(`${action} of ${stack} failed; not continuing (${order.slice(order.indexOf(stack) + 1).join(', ') || 'nothing'} left)\n`);
      return r.status ?? 1;
    }
  }
  return 0;
}

try {
  process.exit(main(process.argv.slice(2)));
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
}
