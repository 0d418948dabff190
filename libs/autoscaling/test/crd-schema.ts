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
