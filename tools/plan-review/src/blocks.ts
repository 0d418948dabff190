/**
 * Splits one stack's Terraform JSON into addressable blocks (resources, data
 * sources, outputs, providers, backend, ...) with cdktf's `//` metadata removed.
 */
import type { Block, BlockKind, StackJson } from './types';

const METADATA_KEY = '//';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A copy of a value with every `//` key (cdktf metadata) removed, at any depth. */
export function stripMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripMetadata);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== METADATA_KEY) out[k] = stripMetadata(v);
  return out;
}

/** The construct path below the stack (`network/vpc`) from a block's `//` metadata. */
function constructPathOf(config: unknown, stackId: string): string | undefined {
  if (!isObject(config)) return undefined;
  const meta = config[METADATA_KEY];
  const p = isObject(meta) && isObject(meta.metadata) ? meta.metadata.path : undefined;
  if (typeof p !== 'string') return undefined;
  return p.startsWith(`${stackId}/`) ? p.slice(stackId.length + 1) : p;
}

/**
 * Every block of a stack, keyed by address. Addresses follow Terraform's own:
 * `type.name` for resources, `data.type.name`, `output.name`, `provider.aws`
 * (`provider.aws.<alias>` for an aliased one), `terraform.backend`,
 * `terraform.required_providers`, `local.name`, `module.name`, `variable.name`.
 */
export function blocksOf(stack: StackJson, stackId = ''): Map<string, Block> {
  const blocks = new Map<string, Block>();
  const add = (kind: BlockKind, address: string, type: string, raw: unknown) => {
    blocks.set(address, { kind, address, type, constructPath: constructPathOf(raw, stackId), config: stripMetadata(raw) });
  };
  for (const [top, section] of Object.entries(stack)) {
    if (top === METADATA_KEY) continue;
    switch (top) {
      case 'resource':
      case 'data':
        if (!isObject(section)) break;
        for (const [type, byName] of Object.entries(section)) {
          if (!isObject(byName)) continue;
          for (const [name, config] of Object.entries(byName)) {
            add(top, top === 'data' ? `data.${type}.${name}` : `${type}.${name}`, type, config);
          }
        }
        break;
      case 'provider':
        if (!isObject(section)) break;
        for (const [name, configs] of Object.entries(section)) {
          const list = Array.isArray(configs) ? configs : [configs];
          list.forEach((config, i) => {
            const alias = isObject(config) && typeof config.alias === 'string' ? config.alias : undefined;
            const address = alias ? `provider.${name}.${alias}` : list.length > 1 && i > 0 ? `provider.${name}[${i}]` : `provider.${name}`;
            add('provider', address, name, config);
          });
        }
        break;
      case 'terraform':
        if (!isObject(section)) break;
        for (const [key, config] of Object.entries(section)) add('terraform', `terraform.${key}`, '', config);
        break;
      case 'output':
      case 'locals':
      case 'module':
      case 'variable': {
        if (!isObject(section)) break;
        const kind: BlockKind = top === 'locals' ? 'local' : top;
        for (const [name, config] of Object.entries(section)) add(kind, `${kind}.${name}`, '', config);
        break;
      }
      default:
        add('other', top, '', section);
    }
  }
  return blocks;
}
