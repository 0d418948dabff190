/**
 * Field schemas shared by the environment schema (schema.ts) and the extras'
 * sections (schema-extras.ts). Internal to the lib: not exported from index.ts.
 */
import { z } from 'zod';
import { isCpuQuantity, isMemoryQuantity } from '@boomi-eks/primitives';
import { parseCidr } from '@boomi-eks/primitives';

export const cidr = z.string().refine((v) => parseCidr(v) !== undefined, {
  message: 'must be an IPv4 CIDR block with its host bits zero, e.g. 10.100.0.0/16',
});
export const cpu = z.string().refine(isCpuQuantity, { message: 'must be a cpu quantity, e.g. 500m or 2' });
export const memory = z
  .string()
  .refine(isMemoryQuantity, { message: 'must be a memory quantity, e.g. 1024Mi or 2Gi' });
export const duration = z
  .string()
  .regex(/^\d+(ms|s|m|h)$/, { message: 'must be a duration such as 5s, 1m or 1h' });
export const k8sName = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, {
    message: 'must be a DNS-1123 label: lower-case letters, digits and -, at most 63',
  });

/** Container requests and limits (cpu and memory quantities). */
export const resources = z.strictObject({
  requests: z.strictObject({ cpu, memory }),
  limits: z.strictObject({ cpu, memory }),
});

/**
 * A lib's numeric range as JSON-schema bounds, shown in the field reference
 * (docs/environment.md). Documentation only: the lib's validator enforces it
 * after parsing (rules-libs.ts), with the lib's message.
 */
export function libBounds(bounds: { readonly min?: number; readonly max?: number }): { minimum?: number; maximum?: number } {
  return { ...(bounds.min !== undefined ? { minimum: bounds.min } : {}), ...(bounds.max !== undefined ? { maximum: bounds.max } : {}) };
}
