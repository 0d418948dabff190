/**
 * Generated inputs of the benchmark, made in temporary folders and never
 * committed: N copies of an environment file, the floor script, and a copy of
 * the workspace sources whose provider imports go through the package barrels.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Every module specifier the app and libs import (not specs), for the floor. */
export function importedModules(root: string): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!['node_modules', 'test', 'dist'].includes(e.name)) walk(p);
      } else if (e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts')) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/from '([^.'][^']*)'/g)) {
          if (!m[1].startsWith('@boomi-eks/') && !m[1].startsWith('node:')) found.add(m[1]);
        }
      }
    }
  };
  walk(path.join(root, 'apps/platform/src'));
  for (const lib of fs.readdirSync(path.join(root, 'libs'))) {
    if (lib !== 'testing') walk(path.join(root, 'libs', lib, 'src'));
  }
  return [...found].sort();
}

/** A script that only loads those modules and exits: the floor of any synth. */
export function floorScript(root: string, dir: string): string {
  const file = path.join(dir, 'floor.js');
  const requires = importedModules(root).map((m) => `require(${JSON.stringify(require.resolve(m, { paths: [root] }))});`);
  fs.writeFileSync(file, requires.join('\n') + '\n');
  return file;
}

/** A folder of `count` environments, copies of dev named env1…envN with their own VPC ranges. */
export function generatedEnvironments(root: string, count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-envs-${count}-`));
  const dev = fs
    .readFileSync(path.join(root, 'apps/platform/src/environments/dev.ts'), 'utf8')
    .replace(/^import type .*\n/m, '')
    .replace(' satisfies EnvironmentInput', '');
  for (let i = 1; i <= count; i++) {
    fs.writeFileSync(
      path.join(dir, `env${i}.ts`),
      dev.replace("name: 'dev'", `name: 'env${i}'`).replace("vpcCidr: '10.110.0.0/16'", `vpcCidr: '10.${110 + i}.0.0/16'`),
    );
  }
  return dir;
}

/**
 * A copy of apps/ and libs/ whose deep provider imports
 * (`import { Vpc } from '@cdktf/provider-aws/lib/vpc'`) are rewritten to the
 * package barrel: the `vpc` namespace of the package root, then `const { Vpc } = vpc`.
 */
export function barrelVariant(root: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-barrel-'));
  fs.cpSync(path.join(root, 'apps'), path.join(dir, 'apps'), { recursive: true });
  fs.cpSync(path.join(root, 'libs'), path.join(dir, 'libs'), { recursive: true });
  fs.copyFileSync(path.join(root, 'tsconfig.base.json'), path.join(dir, 'tsconfig.base.json'));
  fs.cpSync(path.join(root, 'tools/synth'), path.join(dir, 'tools/synth'), { recursive: true });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  const camel = (s: string) => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const rewrite = (file: string) => {
    const text = fs.readFileSync(file, 'utf8');
    const out = text.replace(
      /import \{([^}]+)\} from '(@cdktf\/provider-(?:aws|kubernetes|helm))\/lib\/([a-z0-9-]+)';/g,
      (_all, names: string, pkg: string, mod: string) => {
        const ns = `__${pkg.split('-').pop()}_${camel(mod)}`;
        const bound = names
          .split(',')
          .map((n) => n.trim().replace(/^type\s+/, ''))
          .filter(Boolean)
          .join(', ');
        return `import { ${camel(mod)} as ${ns} } from '${pkg}';\nconst { ${bound} } = ${ns};`;
      },
    );
    if (out !== text) fs.writeFileSync(file, out);
  };
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) rewrite(p);
    }
  };
  walk(path.join(dir, 'apps'));
  walk(path.join(dir, 'libs'));
  return dir;
}
