/**
 * Kubernetes resource quantities, parsed into plain numbers so rules can compare
 * them. Only the suffixes that make sense for cpu and memory are accepted.
 */

const MEMORY_FACTORS: Record<string, number> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
};

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
  return (Number(m[1]) * MEMORY_FACTORS[m[2] ?? '']) / 1024 ** 2;
}

/** `500m` → 500, `2` → 2000: cpu in millicores. */
export function cpuToMillicores(value: string): number {
  const m = CPU_RE.exec(value);
  if (!m) throw new Error(`'${value}' is not a cpu quantity (examples: 500m, 2)`);
  return m[2] === 'm' ? Number(m[1]) : Number(m[1]) * 1000;
}
