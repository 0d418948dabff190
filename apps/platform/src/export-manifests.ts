/**
 * Writes every environment's Molecule chart as YAML, for GitOps and for a
 * server-side dry run: dist/manifests/<env>/molecule.yaml.
 *
 *   npm run export:manifests [-- --outdir DIR] [--ids ENV=FS_ID:FSAP_ID ...]
 *
 * The EFS ids exist only once `<env>-cluster` is deployed (`terraform output`
 * efs_file_system_id / efs_access_point_id); without --ids the files carry
 * placeholder ids and say so in their first line. The Secret is not exported:
 * its values live in AWS Secrets Manager (create it with the workloads stack or
 * an external-secrets controller).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { App } from 'cdk8s';
import { ConfigError } from '@boomi-eks/config';
import { MoleculeChart, chartToYaml } from '@boomi-eks/molecule';
import { validateAll } from './platform';
import { loadEnvironmentFiles } from './environments/load';
import { moleculeChartProps } from './molecule-chart-props';

export const PLACEHOLDER_FILE_SYSTEM_ID = 'fs-0000000000000000';
export const PLACEHOLDER_ACCESS_POINT_ID = 'fsap-0000000000000000';

/** Parses `ENV=fs-…:fsap-…` pairs. */
export function parseIds(pairs: readonly string[]): Map<string, { fileSystemId: string; accessPointId: string }> {
  const ids = new Map<string, { fileSystemId: string; accessPointId: string }>();
  for (const pair of pairs) {
    const m = /^([a-z][a-z0-9-]*)=(fs-[0-9a-f]+):(fsap-[0-9a-f]+)$/.exec(pair);
    if (!m) throw new Error(`--ids ${pair}: expected ENV=fs-<hex>:fsap-<hex>, e.g. prod=fs-0123abcd:fsap-0456ef01`);
    ids.set(m[1], { fileSystemId: m[2], accessPointId: m[3] });
  }
  return ids;
}

/** Writes one YAML file per environment; returns the files written. */
export function exportManifests(outdir: string, ids = new Map<string, { fileSystemId: string; accessPointId: string }>(), envDir?: string): string[] {
  const written: string[] = [];
  const envs = validateAll(loadEnvironmentFiles(envDir));
  const unknown = [...ids.keys()].filter((name) => !envs.some((e) => e.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `--ids ${unknown.map((n) => `${n}=…`).join(', ')}: no environment is named ${unknown.map((n) => `'${n}'`).join(', ')}: use one of ${envs.map((e) => e.name).join(', ')}`,
    );
  }
  for (const env of envs) {
    const known = ids.get(env.name);
    const chart = new MoleculeChart(
      new App(),
      'molecule',
      moleculeChartProps(env, known?.fileSystemId ?? PLACEHOLDER_FILE_SYSTEM_ID, known?.accessPointId ?? PLACEHOLDER_ACCESS_POINT_ID),
    );
    const header = known
      ? `# Molecule of environment '${env.name}' (EFS ${known.fileSystemId}::${known.accessPointId})\n`
      : `# Molecule of environment '${env.name}' with PLACEHOLDER EFS ids: pass --ids ${env.name}=<fs-id>:<fsap-id> from the cluster stack's outputs\n`;
    const file = path.join(outdir, env.name, 'molecule.yaml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, header + chartToYaml(chart));
    written.push(file);
  }
  return written;
}

if (require.main === module) {
  try {
    const { values } = parseArgs({
      options: { outdir: { type: 'string', default: 'dist/manifests' }, ids: { type: 'string', multiple: true, default: [] } },
    });
    for (const file of exportManifests(values.outdir!, parseIds(values.ids!), process.env.BOOMI_ENVIRONMENTS_DIR || undefined)) {
      console.log(file);
    }
  } catch (err) {
    process.stderr.write(`${err instanceof Error && (err instanceof ConfigError || err.message.startsWith('--ids')) ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
