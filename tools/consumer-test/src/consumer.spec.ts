/**
 * Proof from outside: the libraries work for a team that installs them from
 * npm, not only inside this monorepo.
 *
 * 1. `nx run-many -t build` for every lib, then `npm pack` each dist.
 * 2. A project in the OS temp dir (outside the workspace, so nothing resolves
 *    through its node_modules or tsconfig paths) that depends on the tarballs and
 *    on the peer dependencies at the versions the workspace pins.
 * 3. `npm install` there (from the npm cache when it can), then `npm ls` so a
 *    missing or unmet peer dependency fails.
 * 4. Its app (fixture/main.ts) and every lib README's example, compiled by tsc
 *    with `module: node16` (types come through each package's `exports` map) and
 *    run by plain node.
 * 5. Assertions on the Terraform JSON the app writes.
 *
 * It catches a missing export, a wrong `exports`/`types` path, a file left out of
 * the package, a dependency only the monorepo provides, and a README example
 * that no longer compiles.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LIBS, npm, readmeExample, root, rootPackage, run, stopwatch } from './consumer-helpers';

const PEERS = ['cdktf', 'constructs', '@cdktf/provider-aws', '@cdktf/provider-kubernetes', '@cdktf/provider-helm', 'cdk8s', 'cdk8s-plus-33'];

const { time: step, timings } = stopwatch();

interface PackResult {
  readonly name: string;
  readonly version: string;
  readonly filename: string;
  readonly files: readonly { path: string }[];
}

describe('the libraries, installed from their npm tarballs outside the workspace', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'boomi-eks-consumer-'));
  const tarballs = path.join(work, 'tarballs');
  const project = path.join(work, 'project');
  let packs: PackResult[] = [];
  let stack: any;
  let compiled: SpawnSyncReturns<string> | undefined;
  let synthesized: SpawnSyncReturns<string> | undefined;

  beforeAll(() => {
    expect(path.relative(root, work).startsWith('..')).toBe(true); // really outside

    step('build', () =>
      run(path.join(root, 'node_modules/.bin/nx'), ['run-many', '-t', 'build', '-p', LIBS.join(','), '--output-style=static'], {
        cwd: root,
        env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
      }),
    );

    fs.mkdirSync(tarballs);
    packs = step('npm pack', () =>
      JSON.parse(run(npm, ['pack', ...LIBS.map((l) => path.join(root, 'dist/libs', l)), '--pack-destination', tarballs, '--json'], { cwd: root })),
    );

    fs.mkdirSync(path.join(project, 'src', 'examples'), { recursive: true });
    const dependencies: Record<string, string> = Object.fromEntries(packs.map((p) => [p.name, `file:../tarballs/${p.filename}`]));
    for (const peer of PEERS) dependencies[peer] = rootPackage.dependencies[peer];
    dependencies['@types/node'] = rootPackage.devDependencies['@types/node']; // the README examples use node:assert and console
    fs.writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'acme-molecule', version: '1.0.0', private: true, dependencies }, null, 2),
    );
    step('npm install', () =>
      run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: project }),
    );

    fs.writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify(
        {
          compilerOptions: {
            target: 'ES2022',
            module: 'node16',
            moduleResolution: 'node16',
            strict: true,
            skipLibCheck: true,
            types: ['node'],
            outDir: 'dist',
            rootDir: 'src',
          },
          include: ['src/**/*.ts'],
        },
        null,
        2,
      ),
    );
    fs.copyFileSync(path.join(root, 'tools/consumer-test/fixture/main.ts'), path.join(project, 'src/main.ts'));
    for (const lib of LIBS) {
      fs.writeFileSync(path.join(project, 'src/examples', `${lib}.ts`), `${readmeExample(lib)}\nexport {};\n`);
    }
    // Compile and synthesize here, but report failures in their own tests below.
    compiled = step('tsc (node16 resolution)', () =>
      spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: project, encoding: 'utf8' }),
    );
    if (compiled.status !== 0) return;
    synthesized = step('synth', () =>
      spawnSync(process.execPath, ['dist/main.js'], {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, CDKTF_OUTDIR: path.join(project, 'cdktf.out') },
      }),
    );
    const file = path.join(project, 'cdktf.out/stacks/acme-molecule/cdk.tf.json');
    if (synthesized.status === 0 && fs.existsSync(file)) stack = JSON.parse(fs.readFileSync(file, 'utf8'));
  });

  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
    process.stdout.write(`consumer test timings: ${timings.map(([n, s]) => `${n} ${s.toFixed(1)}s`).join(', ')}\n`);
  });

  describe('the packages', () => {
    it("compile with the consumer's app and every lib README's example (tsc, node16 resolution)", () => {
      expect({ status: compiled?.status, errors: `${compiled?.stdout ?? ''}${compiled?.stderr ?? ''}`.trim() }).toEqual({ status: 0, errors: '' });
    });

    it('each holds its compiled code, declarations, README and API docs, and no test or TypeScript source', () => {
      expect(packs.map((p) => p.name).sort()).toEqual(LIBS.map((l) => `@boomi-eks/${l}`).sort());
      for (const p of packs) {
        const files = p.files.map((f) => f.path);
        expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'docs/api.md', 'src/index.js', 'src/index.d.ts']));
        expect(files.filter((f) => /\.spec\.|\.test\.|(?<!\.d)\.ts$|\.map$|tsbuildinfo/.test(f))).toEqual([]);
      }
    });

    it('point main, types and every exports target at a file the tarball holds', () => {
      // TypeScript would hide a wrong `types` path (it falls back to the .d.ts
      // beside the `default` target), so check the paths themselves.
      const targets = (value: unknown): string[] =>
        typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(targets) : [];
      for (const p of packs) {
        const manifest = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', p.name, 'package.json'), 'utf8'));
        const files = new Set(p.files.map((f) => f.path));
        const missing = [manifest.main, manifest.types, ...targets(manifest.exports)]
          .map((t: string) => t.replace(/^\.\//, ''))
          .filter((t) => !files.has(t));
        expect({ package: p.name, missing }).toEqual({ package: p.name, missing: [] });
      }
    });

    it('declare every package their code and declarations import (hoisting would hide a missing one)', () => {
      const builtins = new Set(require('node:module').builtinModules as string[]);
      for (const p of packs) {
        const dir = path.join(project, 'node_modules', p.name);
        const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
        const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
        const imported = new Set<string>();
        for (const file of p.files.map((f) => f.path).filter((f) => /\.(js|d\.ts)$/.test(f))) {
          const text = fs.readFileSync(path.join(dir, file), 'utf8');
          for (const [, spec] of text.matchAll(/(?:require\(|from\s+|import\()\s*['"]([^'"]+)['"]/g)) {
            if (spec.startsWith('.') || spec.startsWith('node:') || builtins.has(spec)) continue;
            imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
          }
        }
        expect({ package: p.name, undeclared: [...imported].filter((i) => !declared.has(i)).sort() }).toEqual({
          package: p.name,
          undeclared: [],
        });
      }
    });

    it('carry the versions and peer dependencies of their source package.json', () => {
      for (const p of packs) {
        const lib = p.name.replace('@boomi-eks/', '');
        const source = JSON.parse(fs.readFileSync(path.join(root, 'libs', lib, 'package.json'), 'utf8'));
        const installed = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', p.name, 'package.json'), 'utf8'));
        expect(installed.version).toBe(source.version);
        expect(installed.peerDependencies).toEqual(source.peerDependencies);
        expect(installed.dependencies).toEqual(source.dependencies);
      }
    });

    it('install with every peer dependency met (npm ls)', () => {
      step('npm ls', () => run(npm, ['ls', '--all', '--loglevel=error'], { cwd: project }));
    });

    it('expose only their entry point (the exports map), and it resolves', () => {
      for (const lib of LIBS) {
        const out = execFileSync(
          process.execPath,
          ['-e', `process.stdout.write('exports=' + Object.keys(require('@boomi-eks/${lib}')).length)`],
          { cwd: project, encoding: 'utf8' },
        );
        const count = Number(/exports=(\d+)/.exec(out)?.[1] ?? 0);
        expect({ lib, count: count > 0 ? 'some' : out }).toEqual({ lib, count: 'some' });
      }
      const deep = spawnSync(process.execPath, ['-e', "require('@boomi-eks/network/src/network')"], { cwd: project, encoding: 'utf8' });
      expect(deep.status).not.toBe(0);
      expect(deep.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
    });

    it("every README's example runs against the packages", () => {
      expect(compiled?.status).toBe(0);
      for (const lib of LIBS) {
        step(`example ${lib}`, () =>
          run(process.execPath, [`dist/examples/${lib}.js`], {
            cwd: project,
            // TMPDIR: cdktf's Testing.app() (the testing example) leaves a folder in the temp dir
            env: { ...process.env, CDKTF_OUTDIR: fs.mkdtempSync(path.join(work, `example-${lib}-`)), TMPDIR: work },
          }),
        );
      }
    });
  });

  describe("the consumer's stack", () => {
    it('synthesizes', () => {
      expect({ status: synthesized?.status, stderr: synthesized?.stderr?.trim() }).toMatchObject({ status: 0 });
      expect(stack).toBeDefined();
    });

    const resources = (type: string): Record<string, any>[] => Object.values(stack.resource?.[type] ?? {});

    it('has the network, cluster, nodes, file system, add-ons, Molecule, autoscaling and cluster add-on resources', () => {
      const counts = Object.fromEntries(Object.entries(stack.resource as Record<string, object>).map(([t, r]) => [t, Object.keys(r).length]));
      expect(counts).toMatchObject({
        aws_vpc: 1,
        aws_subnet: 4,
        aws_nat_gateway: 1,
        aws_eks_cluster: 1,
        aws_eks_node_group: 2,
        aws_launch_template: 2,
        aws_eks_addon: 5,
        aws_efs_file_system: 1,
        aws_efs_mount_target: 2,
        aws_efs_access_point: 1,
        aws_eks_pod_identity_association: 3,
        helm_release: 4,
      });
      expect(counts.kubernetes_manifest).toBeGreaterThanOrEqual(8);
      expect(Object.keys(stack.terraform.required_providers).sort()).toEqual(['aws', 'helm', 'kubernetes']);
    });

    it('uses its own configuration', () => {
      expect(resources('aws_vpc')[0].cidr_block).toBe('10.42.0.0/16');
      expect(resources('aws_eks_cluster')[0]).toMatchObject({ name: 'acme', version: '1.36' });
      for (const group of resources('aws_eks_node_group')) expect(group).toMatchObject({ version: '1.36', ami_type: 'AL2023_x86_64_STANDARD' });
      expect(resources('aws_eks_node_group').map((n) => n.node_group_name).sort()).toEqual(['eu-central-1a', 'eu-central-1b']);
      const statefulSet = resources('kubernetes_manifest').find((m) => m.manifest.kind === 'StatefulSet')!;
      expect(statefulSet.manifest.metadata.namespace).toBe('acme-molecule');
      expect(statefulSet.manifest.spec.template.spec.containers[0].image).toBe('boomi/molecule:5.0.2-rhel');
      expect(statefulSet.manifest.spec.replicas).toBeUndefined(); // the HPA owns it
    });

    it('wires the libraries together through references', () => {
      const cluster = resources('aws_eks_cluster')[0];
      expect(cluster.vpc_config.subnet_ids.every((id: string) => /^\$\{aws_subnet\.network_private-\d_[0-9A-F]+\.id\}$/.test(id))).toBe(true);
      const pv = resources('kubernetes_manifest').find((m) => m.manifest.kind === 'PersistentVolume')!;
      expect(pv.manifest.spec.csi.volumeHandle).toMatch(/^\$\{aws_efs_file_system\.[^}]+\.id\}::\$\{aws_efs_access_point\.[^}]+\.id\}$/);
      const ingress = resources('aws_vpc_security_group_ingress_rule')[0];
      expect(ingress.referenced_security_group_id).toMatch(/^\$\{aws_eks_cluster\.[^}]+\.vpc_config\[0\]\.cluster_security_group_id\}$/);
    });

    it('keeps the rules the libraries enforce (IMDSv2, encryption, pinned charts)', () => {
      for (const lt of resources('aws_launch_template')) {
        expect(lt.metadata_options).toMatchObject({ http_tokens: 'required', http_put_response_hop_limit: 1 });
        expect(lt.block_device_mappings[0].ebs).toMatchObject({ encrypted: 'true', volume_type: 'gp3', volume_size: 40 });
      }
      expect(resources('aws_efs_file_system')[0].encrypted).toBe(true);
      const charts = Object.fromEntries(resources('helm_release').map((r) => [r.chart, r.version]));
      expect(charts).toEqual({
        'cluster-autoscaler': '9.50.1',
        'metrics-server': '3.13.0',
        'node-problem-detector': '2.4.0',
        'node-local-dns': '2.3.0',
      });
      const autoscaler = resources('helm_release').find((r) => r.chart === 'cluster-autoscaler')!;
      expect(autoscaler.values[0]).toContain('clusterName: acme');
      expect(autoscaler.values[0]).toContain('max-nodes-total: 4');
    });

    it('installs the cluster add-ons (@boomi-eks/cluster-addons) from their pinned OCI charts, with its own DNS address', () => {
      const release = (name: string) => resources('helm_release').find((r) => r.name === name)!;
      const npd = release('node-problem-detector');
      expect(npd).toMatchObject({
        namespace: 'kube-system',
        repository: 'oci://ghcr.io/deliveryhero/helm-charts',
        chart: 'node-problem-detector',
        atomic: true,
        max_history: 10,
      });
      expect(npd.values[0]).toContain('priorityClassName: system-node-critical');
      expect(npd.values[0]).toContain('prometheus.io/scrape: "true"');
      expect(npd.depends_on.every((d: string) => d.startsWith('aws_eks_node_group.'))).toBe(true);

      const dns = release('node-local-dns');
      expect(dns).toMatchObject({ namespace: 'kube-system', repository: 'oci://ghcr.io/deliveryhero/helm-charts', chart: 'node-local-dns' });
      // kubeDnsIp from @boomi-eks/config, for the service CIDR the cluster was given
      expect(resources('aws_eks_cluster')[0].kubernetes_network_config.service_ipv4_cidr).toBe('10.100.0.0/16');
      expect(dns.values[0]).toContain('dnsServer: 10.100.0.10');
      expect(dns.values[0]).toContain('localDns: 169.254.20.10');
      expect(dns.depends_on).toEqual([expect.stringMatching(/^aws_eks_addon\.[^.]+coredns[^.]*$/)]);
    });
  });
});
