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
