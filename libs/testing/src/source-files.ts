import * as fs from 'node:fs';
import * as path from 'node:path';

/** Every .ts file under the given folders, skipping node_modules and build output. */
export function typescriptFiles(...roots: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (['node_modules', 'dist', 'cdktf.out', '.nx'].includes(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) out.push(full);
    }
  };
  roots.filter((r) => fs.existsSync(r)).forEach(walk);
  return out.sort();
}

/** The workspace root (the folder holding nx.json), found from this file. */
export function workspaceRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('nx.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}
