/**
 * Kubernetes resource quantities, parsed into plain numbers so rules can compare
 * them. `parseQuantity` reads any quantity Kubernetes accepts (every suffix,
 * exponents, signs); `memoryToMiB` and `cpuToMillicores` accept only the forms
 * that make sense for a cpu or memory field.
 */

const BINARY_SUFFIXES: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL_SUFFIXES: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
/** Kubernetes' quantity grammar: a signed decimal, then a binary or decimal suffix or a decimal exponent (`1e3`). */
const QUANTITY_RE = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/**
 * The value of any Kubernetes quantity in base units (cores for cpu, bytes for
 * memory and storage): `'500m'` → 0.5, `'1Gi'` → 2^30, `'1G'` → 1e9, `'1e3'` →
 * 1000, `' 2Gi '` → 2^31 (surrounding blanks ignored). Undefined when the text
 * is not a quantity (`'5 GB'`, `'1Gb'`, `'Mi'`, `''`). Negative quantities
 * parse (Kubernetes' grammar allows a sign); callers check the range.
 */
export function parseQuantity(quantity: string): number | undefined {
  const m = QUANTITY_RE.exec(quantity.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const suffix = m[2] ?? '';
  if (suffix in BINARY_SUFFIXES) return n * BINARY_SUFFIXES[suffix];
  if (suffix in DECIMAL_SUFFIXES) return n * DECIMAL_SUFFIXES[suffix];
  return n * 10 ** Number(suffix.slice(1));
}

/** The memory forms a cpu/memory field accepts: unsigned, no exponent, byte-sized suffixes up to T/Ti. */
const MEMORY_RE = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/;
const CPU_RE = /^(\d+(?:\.\d+)?)(m)?$/;

/** True when `value` is a memory quantity such as `1536Mi` or `2Gi`. */
export function isMemoryQuantity(value: string): boolean {
  return MEMORY_RE.test(value);
}

/** True when `value` is a cpu quantity such as `500m` or `2`. */
export function isCpuQuantity(value: string): boolean {
  return CPU_RE.test(value);
}

/** `1536Mi` → 1536, `2Gi` → 2048, `1G` → 953.67…: memory in MiB. */
export function memoryToMiB(value: string): number {
  const m = MEMORY_RE.exec(value);
  if (!m) throw new Error(`'${value}' is not a memory quantity (examples: 1024Mi, 2Gi)`);
  const suffix = m[2] ?? '';
  return (Number(m[1]) * (BINARY_SUFFIXES[suffix] ?? DECIMAL_SUFFIXES[suffix])) / 2 ** 20;
}

/** `500m` → 500, `2` → 2000: cpu in millicores. */
export function cpuToMillicores(value: string): number {
  const m = CPU_RE.exec(value);
  if (!m) throw new Error(`'${value}' is not a cpu quantity (examples: 500m, 2)`);
  return m[2] === 'm' ? Number(m[1]) : Number(m[1]) * 1000;
}
