/**
 * Reads the Molecule's JVM heap and the elasticity force-restart override out of
 * the pipe-separated override strings that the boomi/molecule image takes
 * (ATOM_VMOPTIONS_OVERRIDES and CONTAINER_PROPERTIES_OVERRIDES).
 */

/** The Molecule's default max heap when no -Xmx is given (seed 000). */
export const DEFAULT_HEAP_MIB = 512;

/** The container property that bounds how long a node may take to stop. */
export const FORCE_RESTART_PROPERTY = 'com.boomi.container.elasticity.forceRestartOverride';

const XMX_RE = /(?:^|\|)\s*-Xmx(\d+)([kKmMgG]?)\s*(?=\||$)/g;

/**
 * Max heap in MiB from `-Xmx…` in the VM options (the last one wins, as in the
 * JVM), or undefined when there is none that parses.
 */
export function heapFromVmOptions(vmOptions: string): number | undefined {
  const matches = [...vmOptions.matchAll(XMX_RE)];
  const m = matches[matches.length - 1];
  if (!m) return undefined;
  const n = Number(m[1]);
  switch (m[2].toLowerCase()) {
    case 'g':
      return n * 1024;
    case 'm':
      return n;
    case 'k':
      return n / 1024;
    default:
      return n / 1024 ** 2;
  }
}

/**
 * The force-restart override from the container properties, in milliseconds
 * (the unit Boomi documents for this property), or undefined when absent.
 */
export function forceRestartMsFromProperties(properties: string): number | undefined {
  for (const entry of properties.split('|')) {
    const eq = entry.indexOf('=');
    if (eq < 0) continue;
    if (entry.slice(0, eq).trim() === FORCE_RESTART_PROPERTY) {
      const text = entry.slice(eq + 1).trim();
      const value = text === '' ? NaN : Number(text);
      return Number.isFinite(value) ? value : NaN;
    }
  }
  return undefined;
}

/** The JVM's default MaxRAMPercentage (share of MaxRAM used as max heap). */
export const JVM_DEFAULT_MAX_RAM_PERCENTAGE = 25;

const lastOption = (vmOptions: string, re: RegExp): RegExpMatchArray | undefined => {
  const all = [...vmOptions.matchAll(re)];
  return all[all.length - 1];
};
const MAX_RAM_PERCENTAGE_RE = /(?:^|\|)\s*-XX:MaxRAMPercentage=(\d+(?:\.\d+)?)\s*(?=\||$)/g;
const MAX_RAM_RE = /(?:^|\|)\s*-XX:MaxRAM=(\d+)([kKmMgGtT]?)\s*(?=\||$)/g;
const SIZE_TO_MIB: Readonly<Record<string, number>> = { '': 1 / 1024 ** 2, k: 1 / 1024, m: 1, g: 1024, t: 1024 ** 2 };

/** `-XX:MaxRAMPercentage=<n>` (last one wins), or undefined when absent, unreadable or outside (0, 100]. */
export function maxRamPercentageFromVmOptions(vmOptions: string): number | undefined {
  const m = lastOption(vmOptions, MAX_RAM_PERCENTAGE_RE);
  const pct = m ? Number(m[1]) : undefined;
  // The JVM refuses a share outside (0, 100]: not a heap (bypass-rules.ts reports the option).
  return pct !== undefined && pct > 0 && pct <= 100 ? pct : undefined;
}

/** `-XX:MaxRAM=<size>` in MiB (last one wins), or undefined when absent or unreadable. */
export function maxRamFromVmOptions(vmOptions: string): number | undefined {
  const m = lastOption(vmOptions, MAX_RAM_RE);
  return m ? Number(m[1]) * SIZE_TO_MIB[m[2].toLowerCase()] : undefined;
}

/** The max heap the JVM will use, and the setting it comes from (for messages). */
export interface EffectiveHeap {
  readonly mib: number;
  /** The setting it comes from, in words, e.g. `-Xmx in molecule.vmOptionsOverrides`. */
  readonly source: string;
  /** True when the heap is a share of the memory limit (MaxRAMPercentage without MaxRAM or -Xmx): raising the limit raises it. */
  readonly followsMemoryLimit: boolean;
}

/**
 * The Molecule's max heap as the JVM computes it: `-Xmx` when given; else, when
 * `-XX:MaxRAMPercentage` or `-XX:MaxRAM` is given, MaxRAM (default: the
 * container's memory limit, which the JVM reads from the cgroup) ×
 * MaxRAMPercentage (default 25 %); else `heapMiB` (the image's -Xmx).
 */
export function effectiveHeap(vmOptions: string, heapMiB: number, memoryLimitMiB: number): EffectiveHeap {
  const xmx = heapFromVmOptions(vmOptions);
  if (xmx !== undefined) return { mib: xmx, source: '-Xmx in molecule.vmOptionsOverrides', followsMemoryLimit: false };
  const pct = maxRamPercentageFromVmOptions(vmOptions);
  const maxRam = maxRamFromVmOptions(vmOptions);
  if (pct === undefined && maxRam === undefined) return { mib: heapMiB, source: 'molecule.heapMiB', followsMemoryLimit: false };
  const base = maxRam ?? memoryLimitMiB;
  const share = pct ?? JVM_DEFAULT_MAX_RAM_PERCENTAGE;
  const ram = maxRam !== undefined ? '-XX:MaxRAM' : 'the memory limit';
  return {
    mib: Math.floor((base * share) / 100),
    source: `${share}% of ${ram} (${Math.round(base)}Mi) from ${pct !== undefined ? '-XX:MaxRAMPercentage' : 'the default MaxRAMPercentage'} in molecule.vmOptionsOverrides`,
    followsMemoryLimit: maxRam === undefined,
  };
}

/**
 * Share of the termination grace that the default force-restart override
 * takes: Boomi's own default (10 min) exceeds the seed's 60 s grace, so
 * without an explicit value Kubernetes kills a node mid-stop. The remaining
 * quarter lets the node stop after the override has ended its processes.
 */
export const FORCE_RESTART_SHARE_OF_GRACE = 0.75;

/** The default override for a grace period, in ms: 75 % of it, whole seconds (60 s → 45000). */
export function defaultForceRestartMs(terminationGracePeriodSeconds: number): number {
  return Math.floor(terminationGracePeriodSeconds * FORCE_RESTART_SHARE_OF_GRACE) * 1000;
}

/** The properties with `<FORCE_RESTART_PROPERTY>=<ms>` appended (pipe-separated). */
export function withForceRestartOverride(properties: string, ms: number): string {
  const entry = `${FORCE_RESTART_PROPERTY}=${ms}`;
  return properties.trim() === '' ? entry : `${properties}|${entry}`;
}
