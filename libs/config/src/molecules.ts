/**
 * Every Molecule of an environment (the first, `molecule` with the top-level
 * `hpa`, then each of `additionalMolecules`) as one shape, with where its
 * fields are in the environment file, and the names derived for an
 * additional Molecule. Pure functions: the rules (rules-molecules.ts,
 * capacity-molecules.ts) and apps/platform use them, so they cannot disagree.
 */
import type { ConfigIssue } from './errors';
import type { Environment } from './environment-types';

/** One Molecule of an environment. */
export interface MoleculeEntry {
  /** Where its section is: `molecule`, or `additionalMolecules[<i>]`. */
  readonly path: string;
  /** Where its HPA is: `hpa`, or `additionalMolecules[<i>].hpa`. */
  readonly hpaPath: string;
  /** The additional Molecule's `name`; undefined for the first (seed 000's object names). */
  readonly name?: string;
  readonly molecule: Environment['molecule'];
  readonly hpa: Environment['hpa'];
}

/** The first Molecule, then each additional one, in the order of the file. */
export function moleculesOf(env: Environment): MoleculeEntry[] {
  return [
    { path: 'molecule', hpaPath: 'hpa', molecule: env.molecule, hpa: env.hpa },
    ...env.additionalMolecules.map(({ hpa, ...molecule }, i) => ({
      path: `additionalMolecules[${i}]`,
      hpaPath: `additionalMolecules[${i}].hpa`,
      name: molecule.name,
      molecule,
      hpa,
    })),
  ];
}

/**
 * The environment as the first Molecule's rules see it, with this Molecule as
 * `molecule` and its HPA as `hpa`: those rules then judge any Molecule, and
 * {@link issueFor} moves their issues to its paths.
 */
export function asFirstMolecule(env: Environment, entry: MoleculeEntry): Environment {
  return { ...env, molecule: entry.molecule, hpa: entry.hpa, additionalMolecules: [] };
}

/** `molecule.x` and `hpa.x` (field paths, also inside a message) → this Molecule's paths. */
export function pathFor(entry: MoleculeEntry, text: string): string {
  if (entry.path === 'molecule') return text;
  return text
    .replace(/(?<![\w/.[\]-])molecule\.(?=[a-zA-Z])/g, `${entry.path}.`)
    .replace(/(?<![\w/.[\]-])molecule(?=$)/g, entry.path)
    .replace(/(?<![\w/.[\]-])hpa\.(?=[a-zA-Z])/g, `${entry.hpaPath}.`);
}

/** A first-Molecule issue, moved to this Molecule's paths (its path, and the paths its message and fix name). */
export function issueFor(entry: MoleculeEntry, issue: ConfigIssue): ConfigIssue {
  return { ...issue, path: pathFor(entry, issue.path), message: pathFor(entry, issue.message), fix: pathFor(entry, issue.fix) };
}

/** Whether an issue is about the Molecule's own fields (`molecule.*`, `hpa.*`), not the cluster's. */
export function isMoleculeIssue(issue: ConfigIssue): boolean {
  return /^(molecule|hpa)(\.|\[|$)/.test(issue.path);
}

/**
 * What each additional Molecule gets besides its chart: its own External
 * Secrets Operator (the chart scopes an operator to one namespace), in its
 * own namespace, with a Pod Identity role that reads that Molecule's secret
 * only. The first Molecule keeps `external-secrets` and `<cluster>-external-secrets`.
 */
export const ADDITIONAL_MOLECULE_NAMES = {
  /** Namespace of the Molecule's External Secrets Operator. */
  externalSecretsNamespace: (name: string) => `external-secrets-${name}`,
  /** Its operator's Pod Identity role. */
  externalSecretsRole: (clusterName: string, name: string) => `${clusterName}-external-secrets-${name}`,
  /** Its directory on the cluster's EFS (access point root). */
  efsPath: (name: string) => `/boomi-${name}`,
} as const;
