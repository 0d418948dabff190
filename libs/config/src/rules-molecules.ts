/**
 * Rules of `additionalMolecules` (schema-molecules.ts): what must differ
 * between the Molecules of one cluster, the names derived from an additional
 * Molecule, and every rule of the first Molecule applied to each additional
 * one at its own paths (`additionalMolecules[1].resources.requests.memory`).
 * The node capacity of all Molecules together is capacity-molecules.ts's.
 */
import type { ConfigIssue } from './errors';
import type { Environment } from './environment-types';
import { IAM_ROLE_NAME_MAX } from './aws-facts';
import { wideOpenCidrs } from './aws-rules';
import { heapOptionsReadable } from './bypass-rules';
import { MOLECULE_PRODUCTION_RULES } from './rules-molecule';
import { ADDITIONAL_MOLECULE_NAMES, asFirstMolecule, isMoleculeIssue, issueFor, moleculesOf, type MoleculeEntry } from './molecules';

type Rule = (env: Environment) => ConfigIssue[];

const NAMESPACE_MAX = 63;

/** Two Molecules may not share these: each names a Kubernetes or AWS object of one Molecule. */
const DISTINCT: readonly { field: string; of: (e: MoleculeEntry) => string | undefined; why: string; fix: (e: MoleculeEntry) => string }[] = [
  {
    field: 'name',
    of: (e) => e.name,
    why: 'it names the Molecule\'s PersistentVolume, EFS access point, External Secrets Operator and its IAM role',
    fix: () => "give each Molecule its own name, e.g. the team's",
  },
  {
    field: 'namespace',
    of: (e) => e.molecule.namespace,
    why: "a namespace holds one Molecule: its Service (the load balancer), StatefulSet, claim, HPA, NetworkPolicies and Secret have fixed names, and the pods' label selects every Molecule pod there",
    fix: (e) => `give it a namespace of its own, e.g. '${e.name ?? 'boomi'}'`,
  },
  {
    field: 'atomName',
    of: (e) => e.molecule.atomName,
    why: 'two Molecules of one cluster with one name cannot be told apart in Runtime Management or in their logs',
    fix: (e) => `name it after its team, e.g. '${e.name ?? 'boomi'}-molecule'`,
  },
  {
    field: 'auth.secretName',
    of: (e) => e.molecule.auth.secretName,
    why: "each Molecule reads its own secret: its operator's IAM role may read that one secret only",
    fix: (e) => `create one secret per Molecule in Secrets Manager and name it here, e.g. 'boomi/${e.name ?? 'molecule'}'`,
  },
];

/** Names, namespaces, atom names and secrets: each Molecule its own. */
const distinctMolecules: Rule = (env) => {
  const out: ConfigIssue[] = [];
  const entries = moleculesOf(env);
  for (const d of DISTINCT) {
    const seen = new Map<string, MoleculeEntry>();
    for (const e of entries) {
      const value = d.of(e);
      if (value === undefined) continue;
      const first = seen.get(value);
      if (first) {
        out.push({
          path: `${e.path}.${d.field}`,
          value,
          message: `is also ${first.path}.${d.field}`,
          fix: `${d.why}; ${d.fix(e)}`,
        });
      } else seen.set(value, e);
    }
  }
  return out;
};

/** The names an additional Molecule derives: its operator's namespace and IAM role must be valid, and no Molecule may sit in an operator's namespace. */
const derivedNames: Rule = (env) => {
  const out: ConfigIssue[] = [];
  const entries = moleculesOf(env);
  const operatorNamespaces = new Map(env.additionalMolecules.map((m, i) => [ADDITIONAL_MOLECULE_NAMES.externalSecretsNamespace(m.name), i]));
  for (const e of entries) {
    const owner = operatorNamespaces.get(e.molecule.namespace);
    if (owner !== undefined) {
      out.push({
        path: `${e.path}.namespace`,
        value: e.molecule.namespace,
        message: `is the namespace of additionalMolecules[${owner}]'s External Secrets Operator`,
        fix: 'give the Molecule another namespace',
      });
    }
    if (e.name === undefined) continue;
    const ns = ADDITIONAL_MOLECULE_NAMES.externalSecretsNamespace(e.name);
    if (ns.length > NAMESPACE_MAX) {
      out.push({
        path: `${e.path}.name`,
        // The name with its length, as the line has always shown it.
        value: `'${e.name}', ${e.name.length} characters`,
        message: `makes the namespace '${ns}' (${ns.length} characters) of its External Secrets Operator, but Kubernetes allows ${NAMESPACE_MAX}`,
        fix: `shorten it to at most ${NAMESPACE_MAX - (ns.length - e.name.length)} characters`,
      });
    }
    const role = ADDITIONAL_MOLECULE_NAMES.externalSecretsRole(env.cluster.name, e.name);
    if (role.length > IAM_ROLE_NAME_MAX) {
      out.push({
        path: `${e.path}.name`,
        value: e.name,
        message: `makes the IAM role name '${role}' (${role.length} characters) of its External Secrets Operator, but IAM allows ${IAM_ROLE_NAME_MAX}`,
        fix: `shorten it to at most ${Math.max(1, IAM_ROLE_NAME_MAX - (role.length - e.name.length))} characters, or shorten cluster.name`,
      });
    }
  }
  return out;
};

/**
 * The first Molecule's rules (namespace, resources and heap, lifecycle and
 * HPA bounds, placement, open load balancer, readable heap options, platform
 * URL and pinned image), run for each additional Molecule at its own paths.
 * Issues about other fields (e.g. `autoscaler.resources`) are the first run's.
 */
export function checkAdditionalMolecules(env: Environment, firstMoleculeRules: readonly Rule[]): ConfigIssue[] {
  const rules = [...firstMoleculeRules, wideOpenCidrs, heapOptionsReadable, ...MOLECULE_PRODUCTION_RULES];
  const each = moleculesOf(env)
    .slice(1)
    .flatMap((entry) => {
      const view = asFirstMolecule(env, entry);
      return rules.flatMap((rule) => rule(view).filter(isMoleculeIssue).map((i) => issueFor(entry, i)));
    });
  return [...distinctMolecules(env), ...derivedNames(env), ...each];
}
