import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Every environment file in this folder (`<name>.ts` with a default export),
 * keyed by file name. Adding an environment is adding a file here.
 */
export function loadEnvironmentFiles(dir: string = __dirname): Record<string, unknown> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^[a-z][a-z0-9-]*\.(ts|js)$/.test(f) && !f.endsWith('.d.ts') && !/^(load|index)\./.test(f))
    .sort();
  const inputs: Record<string, unknown> = {};
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, file));
    if (mod.default === undefined) throw new Error(`${file} has no default export: export the environment as default`);
    inputs[file] = mod.default;
  }
  return inputs;
}
