import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Removes the folders under `<outdir>/stacks` of stacks the app no longer has
 * (an environment renamed or deleted), so `cdktf.out` always matches the
 * environments. Called only after a successful synth: a failed one changes
 * nothing. Only folders that hold a `cdk.tf.json` (written by cdktf) are
 * removed. Returns the removed folders.
 */
export function pruneStaleStacks(outdir: string, stackIds: readonly string[]): string[] {
  const stacksDir = path.join(outdir, 'stacks');
  if (!fs.existsSync(stacksDir)) return [];
  const keep = new Set(stackIds);
  const removed: string[] = [];
  for (const entry of fs.readdirSync(stacksDir, { withFileTypes: true })) {
    const dir = path.join(stacksDir, entry.name);
    if (!entry.isDirectory() || keep.has(entry.name) || !fs.existsSync(path.join(dir, 'cdk.tf.json'))) continue;
    fs.rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}
