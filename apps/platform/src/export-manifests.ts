/**
 * Writes every environment's Molecule charts as YAML, for GitOps and for a
 * server-side dry run: dist/manifests/<env>/molecule.yaml, and
 * dist/manifests/<env>/molecule-<name>.yaml per additional Molecule.
 *
 *   npm run export:manifests [-- --outdir DIR] [--ids ENV=FS_ID:FSAP_ID ...] [--ids ENV/NAME=FS_ID:FSAP_ID ...]
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
import { ConfigError, moleculesOf, type Environment } from '@boomi-eks/config';
import { MoleculeChart, chartToYaml } from '@boomi-eks/molecule';
import { validateAll } from './platform';
import { loadEnvironmentFiles } from './environments/load';
import { additionalMoleculeChartProps, moleculeChartProps } from './molecule-chart-props';

export const PLACEHOLDER_FILE_SYSTEM_ID = 'fs-0000000000000000';
export const PLACEHOLDER_ACCESS_POINT_ID = 'fsap-0000000000000000';

/** EFS ids of a Molecule: its file system and its access point. */
export interface EfsIds {
  readonly fileSystemId: string;
  readonly accessPointId: string;
}

/**
 * Parses `ENV=fs-…:fsap-…` pairs (the first Molecule of ENV) and
 * `ENV/NAME=fs-…:fsap-…` (its additional Molecule NAME), keyed `ENV` and `ENV/NAME`.
 */
export function parseIds(pairs: readonly string[]): Map<string, EfsIds> {
  const ids = new Map<string, EfsIds>();
  for (const pair of pairs) {
    const m = /^([a-z][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*)?)=(fs-[0-9a-f]+):(fsap-[0-9a-f]+)$/.exec(pair);
    if (!m) throw new Error(`--ids ${pair}: expected ENV=fs-<hex>:fsap-<hex> (or ENV/MOLECULE=… for an additional Molecule), e.g. prod=fs-0123abcd:fsap-0456ef01`);
    ids.set(m[1], { fileSystemId: m[2], accessPointId: m[3] });
  }
  return ids;
}

/** Writes one YAML file per environment; returns the files written. */
export function exportManifests(outdir: string, ids = new Map<string, EfsIds>(), envDir?: string): string[] {
  return exportEnvironments(outdir, validateAll(loadEnvironmentFiles(envDir)), ids);
}

/**
 * Writes each environment's Molecules: `<env>/molecule.yaml` (the first) and
 * `<env>/molecule-<name>.yaml` per additional Molecule (sharing the first's
 * StorageClass, as the workloads stack does). Unknown `--ids` keys are refused
 * before anything is written.
 */
export function exportEnvironments(outdir: string, envs: readonly Environment[], ids = new Map<string, EfsIds>()): string[] {
  const known = envs.flatMap((e) => [e.name, ...e.additionalMolecules.map((m) => `${e.name}/${m.name}`)]);
  const unknown = [...ids.keys()].filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw new Error(
      `--ids ${unknown.map((n) => `${n}=…`).join(', ')}: no environment or Molecule is named ${unknown.map((n) => `'${n}'`).join(', ')}: use one of ${known.join(', ')}`,
    );
  }
  const written: string[] = [];
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    written.push(file);
  };
  for (const env of envs) {
    const given = ids.get(env.name);
    const first = new MoleculeChart(
      new App(),
      'molecule',
      moleculeChartProps(env, given?.fileSystemId ?? PLACEHOLDER_FILE_SYSTEM_ID, given?.accessPointId ?? PLACEHOLDER_ACCESS_POINT_ID),
    );
    const header = given
      ? `# Molecule of environment '${env.name}' (EFS ${given.fileSystemId}::${given.accessPointId})\n`
      : `# Molecule of environment '${env.name}' with PLACEHOLDER EFS ids: pass --ids ${env.name}=<fs-id>:<fsap-id> from the cluster stack's outputs\n`;
    write(path.join(outdir, env.name, 'molecule.yaml'), header + chartToYaml(first));
    for (const entry of moleculesOf(env).slice(1)) {
      const name = entry.name!;
      const own = ids.get(`${env.name}/${name}`);
      const chart = new MoleculeChart(
        new App(),
        `molecule-${name}`,
        additionalMoleculeChartProps(
          env,
          { ...entry, name },
          own?.fileSystemId ?? given?.fileSystemId ?? PLACEHOLDER_FILE_SYSTEM_ID,
          own?.accessPointId ?? PLACEHOLDER_ACCESS_POINT_ID,
          first.storageClassName,
        ),
      );
      const ownHeader = own
        ? `# Molecule '${name}' of environment '${env.name}' (EFS ${own.fileSystemId}::${own.accessPointId}; StorageClass ${first.storageClassName} is in molecule.yaml)\n`
        : `# Molecule '${name}' of environment '${env.name}' with PLACEHOLDER EFS ids: pass --ids ${env.name}/${name}=<fs-id>:<fsap-id> (efs_access_point_id_${name.replace(/-/g, '_')}); StorageClass ${first.storageClassName} is in molecule.yaml\n`;
      write(path.join(outdir, env.name, `molecule-${name}.yaml`), ownHeader + chartToYaml(chart));
    }
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
