// The force-new table against the code: every resource type the app
// synthesizes has an entry (so a new type cannot slip through the review
// unnoticed), and every argument it names exists in the pinned provider's schema.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { AWS_REGION_ARGUMENT, FORCE_NEW, forceNewOf, PROVIDER_SOURCES } from './force-new';
import { synthApp, synthOf, WORKSPACE } from '../test/synth-app';

jest.setTimeout(60_000);

/** Resource types of the app as shipped: every environment file. */
function synthesizedTypes(): Map<string, string[]> {
  const dir = path.join(WORKSPACE, 'apps/platform/src/environments');
  const files = Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((f) => /^[a-z][a-z0-9-]*\.ts$/.test(f) && !/^(load|index)\./.test(f) && !f.endsWith('.spec.ts'))
      .map((f) => [f.replace(/\.ts$/, ''), fs.readFileSync(path.join(dir, f), 'utf8').replace(/^import type .*$/m, '').replace(' satisfies EnvironmentInput', '')]),
  );
  const types = new Map<string, string[]>();
  for (const [stack, json] of synthOf(synthApp(files)).stacks) {
    const resources = (json.resource ?? {}) as Record<string, unknown>;
    for (const type of Object.keys(resources)) types.set(type, [...(types.get(type) ?? []), stack]);
  }
  return types;
}

/** The top-level argument names of a resource type, from its cdktf class (generated from the provider schema). */
function schemaArguments(type: string): Set<string> {
  const [pkg, prefix] = type.startsWith('aws_') ? ['aws', 'aws_'] : type.startsWith('kubernetes_') ? ['kubernetes', 'kubernetes_'] : ['helm', 'helm_'];
  const module = require(`@cdktf/provider-${pkg}/lib/${type.slice(prefix.length).replace(/_/g, '-')}`) as Record<string, unknown>;
  const Resource = Object.values(module).find((c) => typeof c === 'function' && (c as { tfResourceType?: string }).tfResourceType === type) as
    | (new (scope: TerraformStack, id: string, config: object) => { synthesizeAttributes(): Record<string, unknown> })
    | undefined;
  if (!Resource) throw new Error(`${type}: no class in @cdktf/provider-${pkg}`);
  const stack = new TerraformStack(new App(), 's');
  return new Set(Object.keys(new Resource(stack, 'r', {}).synthesizeAttributes()));
}

/** Resource types the code can create, feature flags included: every deep provider import in libs/ and apps/. */
function importedTypes(): Map<string, string> {
  const types = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== 'node_modules') walk(full);
      else if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts')) {
        for (const m of fs.readFileSync(full, 'utf8').matchAll(/@cdktf\/provider-(?:aws|kubernetes|helm)\/lib\/([a-z0-9-]+)/g)) {
          if (m[1] === 'provider' || m[1].startsWith('data-')) continue;
          const module = require(m[0]) as Record<string, unknown>;
          for (const c of Object.values(module)) {
            const type = typeof c === 'function' ? (c as { tfResourceType?: string }).tfResourceType : undefined;
            if (type) types.set(type, path.relative(WORKSPACE, full));
          }
        }
      }
    }
  };
  for (const root of ['libs', 'apps']) walk(path.join(WORKSPACE, root));
  return types;
}

describe('FORCE_NEW', () => {
  it('has an entry for every resource type the code imports (also those behind feature flags)', () => {
    const types = importedTypes();
    expect(types.size).toBeGreaterThan(30);
    expect([...types].filter(([type]) => !forceNewOf(type)).map(([type, file]) => `${type} (${file})`)).toEqual([]);
  });

  it('has an entry for every resource type the app synthesizes', () => {
    const missing = [...synthesizedTypes()].filter(([type]) => !forceNewOf(type)).map(([type, stacks]) => `${type} (in ${stacks.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(FORCE_NEW))('%s: every argument exists in the pinned provider schema', (type) => {
    const known = schemaArguments(type);
    const entry = forceNewOf(type)!;
    const named = [...entry.arguments, ...(entry.conditional ?? []).map((c) => c.argument)].map((a) => a.split('.')[0]);
    expect(named.filter((a) => !known.has(a))).toEqual([]);
    expect(entry.source).toMatch(/\.go\b/);
  });

  it('names the provider versions package.json pins', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(WORKSPACE, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const source of Object.values(PROVIDER_SOURCES)) {
      const [name, version] = source.cdktfPackage.split(' ');
      expect([name, pkg.dependencies[name]]).toEqual([name, version]);
    }
    // The cdktf packages pin these Terraform provider versions in required_providers.
    const versions = JSON.parse(fs.readFileSync(path.join(WORKSPACE, 'node_modules/@cdktf/provider-aws/package.json'), 'utf8')).cdktf.provider;
    expect(versions).toEqual(expect.objectContaining({ version: PROVIDER_SOURCES.aws.version }));
  });

  it('adds region to AWS types only (provider 6.x: changing it re-creates the resource)', () => {
    expect(forceNewOf('aws_vpc')!.arguments).toContain(AWS_REGION_ARGUMENT);
    expect(forceNewOf('helm_release')!.arguments).not.toContain(AWS_REGION_ARGUMENT);
    expect(forceNewOf('aws_nonexistent')).toBeUndefined();
  });
});
