/**
 * Each library on its own: for every lib, a project in the OS temp dir that
 * installs only that package plus the peers its README's install line names
 * (nothing else from @boomi-eks/* but what npm pulls in as its dependencies),
 * compiles the README's example (a small stack) with tsc, runs it, and checks
 * the stack it synthesizes. The README line is checked against the package.json
 * files first (install-line.ts), so it is exactly what this test installs.
 *
 * Offline-fast: `--prefer-offline --no-audit --no-fund --ignore-scripts` from
 * the shared npm cache; peers at the versions the workspace pins (within the
 * README's ranges). `--legacy-peer-deps`, so npm does not add a missing peer on
 * its own: a line that forgets one fails `npm ls` or tsc here. @boomi-eks
 * packages the lib depends on come from their tarballs through `overrides`,
 * standing in for the registry.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LIBS, npm, readmeExample, root, rootPackage, run, stopwatch } from './consumer-helpers';
import { SCOPE, expectedInstallLine, peersToInstall, readmeInstallLine, scopedClosure } from './install-line';

const pinned = (name: string): string => rootPackage.dependencies[name] ?? rootPackage.devDependencies[name];
const { time: timed, timings } = stopwatch();

/** docs/using-a-library.md's code block marked `<!-- consumer-test: <lib> -->`, if any. */
function guideExample(lib: string): string | undefined {
  const guide = fs.readFileSync(path.join(root, 'docs/using-a-library.md'), 'utf8');
  return new RegExp(`<!-- consumer-test: ${lib} -->\\n\`\`\`ts\\n([\\s\\S]*?)\`\`\``).exec(guide)?.[1];
}
const GUIDE_LIBS = ['network', 'molecule'];

describe('each README install line is what its package.json files need', () => {
  it.each(LIBS)('%s', (lib) => {
    expect(readmeInstallLine(root, lib)).toBe(expectedInstallLine(root, lib));
  });

  it.each(GUIDE_LIBS)('docs/using-a-library.md has a tested example and the same install line for %s', (lib) => {
    expect(guideExample(lib)).toContain(`@boomi-eks/${lib}`);
    expect(fs.readFileSync(path.join(root, 'docs/using-a-library.md'), 'utf8')).toContain(`\n${expectedInstallLine(root, lib)}\n`);
  });
});

describe('each library installed alone from its tarball, compiled and synthesized', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'boomi-eks-per-lib-'));
  const tarballs = path.join(work, 'tarballs');
  const files: Record<string, string> = {};

  beforeAll(() => {
    timed('build', () =>
      run(path.join(root, 'node_modules/.bin/nx'), ['run-many', '-t', 'build', '-p', LIBS.join(','), '--output-style=static'], {
        cwd: root,
        env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
      }),
    );
    fs.mkdirSync(tarballs);
    const packs: { name: string; filename: string }[] = timed('npm pack', () =>
      JSON.parse(run(npm, ['pack', ...LIBS.map((l) => path.join(root, 'dist/libs', l)), '--pack-destination', tarballs, '--json'], { cwd: root })),
    );
    for (const p of packs) files[p.name] = path.join(tarballs, p.filename);
  });

  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
    const total = timings.reduce((s, [, t]) => s + t, 0);
    process.stdout.write(`per-library consumer test timings: ${timings.map(([n, s]) => `${n} ${s.toFixed(1)}s`).join(', ')}; total ${total.toFixed(1)}s\n`);
  });

  it.each(LIBS)('%s', (lib) => {
    const project = path.join(work, lib);
    fs.mkdirSync(path.join(project, 'src'), { recursive: true });
    const name = `${SCOPE}${lib}`;
    // Exactly the README line: the lib and its peers (peer ranges resolved to the workspace's pins).
    const direct: Record<string, string> = { [name]: `file:${files[name]}` };
    for (const [peer] of peersToInstall(root, lib)) direct[peer] = peer.startsWith(SCOPE) ? `file:${files[peer]}` : pinned(peer);
    // The registry's stand-in for the @boomi-eks packages npm resolves as dependencies.
    const overrides = Object.fromEntries(scopedClosure(root, lib).filter((n) => !(n in direct)).map((n) => [n, `file:${files[n]}`]));
    const dev = lib === 'testing';
    fs.writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify(
        {
          name: `acme-${lib}`,
          version: '1.0.0',
          private: true,
          [dev ? 'devDependencies' : 'dependencies']: direct,
          // The README examples use console and node:assert: types only, for tsc.
          ...(dev ? {} : { devDependencies: { '@types/node': pinned('@types/node') } }),
          ...(dev ? { dependencies: { '@types/node': pinned('@types/node') } } : {}),
          overrides,
        },
        null,
        2,
      ),
    );
    timed(`${lib}: npm install`, () =>
      run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--legacy-peer-deps', '--loglevel=error'], {
        cwd: project,
      }),
    );
    // Nothing from @boomi-eks beyond the lib's own closure, and every peer met.
    const installed = fs.readdirSync(path.join(project, 'node_modules', '@boomi-eks')).map((n) => `${SCOPE}${n}`).sort();
    expect(installed).toEqual(scopedClosure(root, lib));
    run(npm, ['ls', '--all', '--loglevel=error'], { cwd: project });

    fs.writeFileSync(path.join(project, 'src/main.ts'), `${readmeExample(lib)}\nexport {};\n`);
    const guide = guideExample(lib);
    if (guide !== undefined) fs.writeFileSync(path.join(project, 'src/guide.ts'), `${guide}\nexport {};\n`);
    fs.writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'node16', moduleResolution: 'node16', strict: true, skipLibCheck: true, types: ['node'], outDir: 'dist', rootDir: 'src' },
        include: ['src/**/*.ts'],
      }),
    );
    const tsc = timed(`${lib}: tsc`, () =>
      spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: project, encoding: 'utf8' }),
    );
    expect({ lib, status: tsc.status, errors: `${tsc.stdout}${tsc.stderr}`.trim() }).toEqual({ lib, status: 0, errors: '' });

    const outdir = path.join(project, 'cdktf.out');
    timed(`${lib}: run`, () => run(process.execPath, ['dist/main.js'], { cwd: project, env: { ...process.env, CDKTF_OUTDIR: outdir, TMPDIR: work } }));
    // Every example but config's, primitives' and testing's synthesizes a stack with resources.
    if (lib !== 'config' && lib !== 'testing' && lib !== 'primitives') {
      const stacks = fs.readdirSync(path.join(outdir, 'stacks'));
      expect(stacks.length).toBeGreaterThan(0);
      for (const s of stacks) {
        const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', s, 'cdk.tf.json'), 'utf8'));
        expect({ lib, stack: s, resources: Object.keys(json.resource ?? {}).length > 0 }).toEqual({ lib, stack: s, resources: true });
      }
    }
    if (guide !== undefined) {
      const guideOut = path.join(project, 'guide.out');
      timed(`${lib}: guide`, () => run(process.execPath, ['dist/guide.js'], { cwd: project, env: { ...process.env, CDKTF_OUTDIR: guideOut, TMPDIR: work } }));
      checkGuideStack(lib, guideOut);
    }
  });
});

/** The guide's stacks: what docs/using-a-library.md says they hold. */
function checkGuideStack(lib: string, outdir: string): void {
  const stack = (id: string) => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', id, 'cdk.tf.json'), 'utf8'));
  if (lib === 'network') {
    const json = stack('acme-network');
    expect(Object.values(json.resource.aws_vpc)).toEqual([expect.objectContaining({ cidr_block: '10.30.0.0/16' })]);
    expect(Object.keys(json.resource.aws_nat_gateway)).toHaveLength(3);
    expect(Object.keys(json.output).sort()).toEqual(['private_subnet_ids', 'vpc_id']);
    expect(json.terraform.backend.s3).toMatchObject({ bucket: 'acme-tfstate-123456789012', key: 'acme-network.tfstate' });
  }
  if (lib === 'molecule') {
    const manifests = Object.values(stack('acme-molecules').resource.kubernetes_manifest).map((r: any) => r.manifest);
    const names = (kind: string) => manifests.filter((m: any) => m.kind === kind).map((m: any) => `${m.metadata.namespace ?? ''}/${m.metadata.name}`).sort();
    expect(names('StorageClass')).toEqual(['/team-a-efs-sc']);
    expect(names('PersistentVolume')).toEqual(['/team-a-efs-pv', '/team-b-efs-pv']);
    expect(names('StatefulSet')).toEqual(['team-a/molecule', 'team-b/molecule']);
    expect(names('ExternalSecret')).toHaveLength(2);
    const hpa = (ns: string) => manifests.find((m: any) => m.kind === 'HorizontalPodAutoscaler' && m.metadata.namespace === ns).spec;
    expect([hpa('team-a').maxReplicas, hpa('team-b').maxReplicas]).toEqual([10, 4]);
  }
}
