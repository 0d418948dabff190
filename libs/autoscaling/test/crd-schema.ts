/**
 * Validation of custom resources against the OpenAPI schema of their CRD,
 * for kinds the kube-apiserver dry run cannot serve (Karpenter's CRDs use CEL
 * `x-kubernetes-validations`, which need Kubernetes 1.25+; the dry-run server
 * is 1.20). Two checks, both what the API server does first:
 * - the structural schema (types, enums, patterns, min/max, required), with ajv;
 * - no pruned field: a field the schema does not declare would be silently
 *   dropped by the API server (structural pruning), so a misspelt field name is
 *   an error here.
 * The CEL rules themselves are not evaluated.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';

type Schema = Record<string, any>;

/** The v1 (served, storage) schema of a CRD file under test/crds. */
export function crdSchema(file: string): Schema {
  const text = fs.readFileSync(path.join(__dirname, 'crds', file), 'utf8');
  const crd = parseAllDocuments(text).map((d) => d.toJS()).find((d) => d?.kind === 'CustomResourceDefinition');
  const version = crd.spec.versions.find((v: { name: string; storage: boolean }) => v.storage);
  return version.schema.openAPIV3Schema;
}

/** ajv errors as `instancePath message`, empty when valid. */
export function schemaErrors(schema: Schema, object: unknown): string[] {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(schema);
  return validate(object) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

/** Paths of fields the schema does not declare (the API server would prune them). */
export function prunedFields(schema: Schema, value: unknown, at = ''): string[] {
  if (schema['x-kubernetes-preserve-unknown-fields']) return [];
  if (Array.isArray(value)) return schema.items ? value.flatMap((v, i) => prunedFields(schema.items, v, `${at}[${i}]`)) : [];
  if (typeof value !== 'object' || value === null) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    // metadata is the ObjectMeta schema, which a CRD does not spell out.
    if (at === '' && (k === 'metadata' || k === 'apiVersion' || k === 'kind')) continue;
    const sub = schema.properties?.[k] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (!sub) out.push(`${at}.${k}`);
    else out.push(...prunedFields(sub, v, `${at}.${k}`));
  }
  return out;
}

/**
 * The CRDs' CEL rules (`x-kubernetes-validations`, v1.14.1) on the fields this
 * platform sets, transcribed: neither ajv nor the 1.20 dry-run server
 * evaluates CEL. Each entry quotes the rule it stands for.
 */
const RESTRICTED_TAG = (k: string) =>
  k === '' || k === 'eks:eks-cluster-name' || k.startsWith('kubernetes.io/cluster') || ['karpenter.sh/nodepool', 'karpenter.sh/nodeclaim', 'karpenter.k8s.aws/ec2nodeclass'].includes(k);
const domain = (k: string) => /^([^/]+)/.exec(k)?.[1] ?? '';
const RESTRICTED_LABEL = (k: string) =>
  (!['karpenter.sh/capacity-type', 'karpenter.sh/nodepool'].includes(k) && domain(k).endsWith('karpenter.sh')) ||
  k === 'karpenter.sh/nodepool' ||
  k === 'kubernetes.io/hostname' ||
  (domain(k).endsWith('karpenter.k8s.aws') && !k.startsWith('karpenter.k8s.aws/instance-') && k !== 'karpenter.k8s.aws/ec2nodeclass');

export function celViolations(o: Record<string, any>): string[] {
  const out: string[] = [];
  const s = o.spec ?? {};
  if (o.kind === 'EC2NodeClass') {
    const terms: Record<string, unknown>[] = s.amiSelectorTerms ?? [];
    // '!(self.exists(x, has(x.alias)) && self.size() != 1)'
    if (terms.some((t) => 'alias' in t) && terms.length !== 1) out.push('amiSelectorTerms: an alias must be the only term');
    // self.matches('^[a-zA-Z0-9]+@.+$') and the family list
    for (const t of terms) if (typeof t.alias === 'string' && !/^(al2|al2023|bottlerocket)@.+$/.test(t.alias)) out.push(`alias ${t.alias}`);
    // (has(self.role) && !has(self.instanceProfile)) || (!has(self.role) && has(self.instanceProfile))
    if (('role' in s) === ('instanceProfile' in s)) out.push('exactly one of role and instanceProfile');
    // self.size() != 0 and self.all(x, has(x.tags) || has(x.id)) for subnet and security group terms
    for (const f of ['subnetSelectorTerms', 'securityGroupSelectorTerms']) {
      const t: Record<string, any>[] = s[f] ?? [];
      if (t.length === 0 || t.some((x) => !x.tags && !x.id)) out.push(`${f}: needs terms with tags or id`);
      for (const x of t) for (const [k, v] of Object.entries(x.tags ?? {})) if (k === '' || v === '') out.push(`${f}: empty tag key or value`);
    }
    // tags: the keys Karpenter sets itself are refused
    for (const k of Object.keys(s.tags ?? {})) if (RESTRICTED_TAG(k)) out.push(`tags.${k} is restricted`);
    // self.filter(x, has(x.rootVolume)?x.rootVolume==true:false).size() <= 1
    if ((s.blockDeviceMappings ?? []).filter((b: { rootVolume?: boolean }) => b.rootVolume === true).length > 1) out.push('one root volume');
  }
  if (o.kind === 'NodePool') {
    const t = s.template ?? {};
    for (const k of Object.keys(t.metadata?.labels ?? {})) if (RESTRICTED_LABEL(k)) out.push(`label ${k} is restricted`);
    for (const r of t.spec?.requirements ?? []) {
      if (RESTRICTED_LABEL(r.key)) out.push(`requirement ${r.key} is restricted`);
      // 'self.all(x, x.operator == ''In'' ? x.values.size() != 0 : true)'
      if (r.operator === 'In' && !(r.values?.length > 0)) out.push(`requirement ${r.key}: In needs values`);
    }
    // self.all(x, has(x.schedule) == has(x.duration))
    for (const b of s.disruption?.budgets ?? []) if (('schedule' in b) !== ('duration' in b)) out.push('budget: schedule and duration together');
  }
  return out;
}
