/**
 * Resource types the emulator (moto 5.1.1 with provider 5.100.0) cannot
 * create. They are validated and planned, never applied; everything that
 * references one is left out of the apply as well (it could not be created
 * without it). Each reason is moto's fidelity, not our configuration.
 */
export const MOTO_GAPS: Readonly<Record<string, string>> = {
  aws_eks_cluster:
    "moto 5.1.1's CreateCluster reply does not deserialize in provider 5.100.0 (\"expected Timestamp to be a JSON Number, got string\")",
  aws_eks_node_group: 'sits on the EKS cluster (not creatable in moto)',
  aws_eks_addon: 'sits on the EKS cluster; moto has no EKS add-on API',
  aws_eks_access_entry: 'sits on the EKS cluster; moto has no access entry API',
  aws_eks_access_policy_association: 'sits on the EKS cluster; moto has no access policy association API',
  aws_eks_pod_identity_association: 'sits on the EKS cluster; moto has no Pod Identity API',
  aws_efs_backup_policy: 'moto has no EFS PutBackupPolicy (the provider retries for minutes)',
  aws_s3_bucket_policy:
    "moto evaluates bucket policies without their Condition: the TLS-only Deny (aws:SecureTransport = false) would deny every request, even over HTTPS, and lock the state out",
  aws_s3_bucket_lifecycle_configuration: 'moto reads the lifecycle back differently: the provider waits 3 min for it, then times out',
};

/**
 * Types moto creates, but reads back differently from AWS, so the plan right
 * after the apply shows a diff that is the emulator's, not ours. They are
 * applied and destroyed; the re-plan leaves them out (said per stack).
 */
export const MOTO_REPLAN_GAPS: Readonly<Record<string, string>> = {
  aws_launch_template:
    "moto copies CreateLaunchTemplate's own TagSpecifications (type launch-template) into the version's data, so the provider reads back a tag_specifications block the configuration does not have (AWS keeps them apart)",
};

/**
 * Types moto creates but cannot delete. They are applied and re-planned; before
 * the destroy they are dropped from the state (`terraform state rm`, said per
 * resource), and what owns them is destroyed as usual.
 */
export const MOTO_DESTROY_GAPS: Readonly<Record<string, string>> = {
  aws_efs_file_system_policy:
    'moto has no DeleteFileSystemPolicy (the provider retries for minutes); deleting the file system deletes its policy, in moto as on AWS',
};

type Json = Record<string, any>;

/** Every resource address of a stack (`type.name`). */
export function resourceAddresses(stack: Json): string[] {
  return Object.entries<Json>(stack.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`));
}

/** The resources a resource refers to (attribute references and depends_on). */
export function referencesOf(stack: Json, address: string): string[] {
  const [type, name] = address.split('.');
  const text = JSON.stringify(stack.resource[type][name]);
  const all = new Set(resourceAddresses(stack));
  const found = new Set<string>();
  for (const m of text.matchAll(/\b(aws_[a-z0-9_]+)\.([A-Za-z0-9_-]+)/g)) {
    const ref = `${m[1]}.${m[2]}`;
    if (ref !== address && all.has(ref)) found.add(ref);
  }
  return [...found];
}

/** Why a resource is not applied: its own type's gap, or the excluded resource it needs. */
export function exclusions(stack: Json, gaps: Readonly<Record<string, string>> = MOTO_GAPS): Map<string, string> {
  const excluded = new Map<string, string>();
  const addresses = resourceAddresses(stack);
  for (const a of addresses) {
    const type = a.split('.')[0];
    if (gaps[type]) excluded.set(a, gaps[type]);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const a of addresses) {
      if (excluded.has(a)) continue;
      const needs = referencesOf(stack, a).find((r) => excluded.has(r));
      if (needs) {
        excluded.set(a, `needs ${needs} (excluded)`);
        changed = true;
      }
    }
  }
  return excluded;
}

/**
 * For the apply only: a reference to a configured literal of a resource moto
 * cannot create (`aws_eks_cluster.x.name`, set to 'dev-boomi-molecule' in the
 * configuration) is replaced by that literal, which is exactly what Terraform
 * would resolve it to after creating the resource. So the IAM roles and launch
 * templates named after the cluster are applied for real. Computed attributes
 * (`arn`, `endpoint`, the cluster security group) are left alone: what needs
 * them stays excluded. Changes the stack in place; lists each replacement.
 */
export function inlineExcludedLiterals(stack: Json, gaps: Readonly<Record<string, string>> = MOTO_GAPS): string[] {
  const literals = new Map<string, string>();
  for (const [type, byName] of Object.entries<Json>(stack.resource ?? {})) {
    if (!gaps[type]) continue;
    for (const [name, body] of Object.entries<Json>(byName)) {
      for (const [attr, value] of Object.entries(body)) {
        if (typeof value === 'string' && !value.includes('${')) literals.set(`${type}.${name}.${attr}`, value);
      }
    }
  }
  const done = new Set<string>();
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rewrite = (value: unknown): unknown => {
    if (typeof value === 'string') {
      let out = value;
      for (const [ref, literal] of literals) {
        if (!out.includes(ref)) continue;
        // "${ref}" inside a string: the literal text; a bare ref inside a longer expression: a quoted literal
        const next = out
          .replace(new RegExp(`\\$\\{${escape(ref)}\\}`, 'g'), literal.replace(/\$\{/g, '$${'))
          .replace(new RegExp(`(?<![\\w.-])${escape(ref)}(?![\\w.\\[-])`, 'g'), JSON.stringify(literal));
        if (next !== out) done.add(`${ref} → ${JSON.stringify(literal)}`);
        out = next;
      }
      return out;
    }
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
    return value;
  };
  for (const [type, byName] of Object.entries<Json>(stack.resource ?? {})) {
    if (gaps[type]) continue;
    for (const name of Object.keys(byName)) byName[name] = rewrite(byName[name]);
  }
  return [...done].sort();
}
