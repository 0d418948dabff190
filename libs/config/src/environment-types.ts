/**
 * The validated `Environment` type and its resolved node groups. A file of its
 * own so the rule modules can name the type without importing environment.ts,
 * which imports them (no import cycle; environment.ts re-exports both).
 */
import type { ParsedEnvironment } from './schema';
import type { EffectiveHeap } from './jvm';
import type { AmiType } from './schema-upgrades';

/** A node group with every field resolved. */
export interface NodeGroup {
  readonly name: string;
  readonly availabilityZone: string;
  readonly instanceTypes: readonly string[];
  readonly capacityType: 'ON_DEMAND' | 'SPOT';
  readonly minSize: number;
  readonly maxSize: number;
  readonly desiredSize: number;
  readonly diskSizeGiB: number;
  /** With `node.boomi.io/capacity: spot` on SPOT groups (spot.ts). */
  readonly labels: Readonly<Record<string, string>>;
  /** With `spot=true:PREFER_NO_SCHEDULE` on SPOT groups (spot.ts). */
  readonly taints: ParsedEnvironment['nodeGroupDefaults']['taints'];
  /** Where this group's values come from, for error messages. */
  readonly configPath: string;
  /** Node AMI type: as given, else that of the instance types' architecture (x86_64 unless all are Graviton). */
  readonly amiType: AmiType;
  /** AMI release pin (`1.36.0-20260715`). @default - the latest for the cluster's minor */
  readonly releaseVersion?: string;
}

/** What validation derives for each Molecule (the first and every additional one). */
export interface MoleculeDerived {
  /** Max heap in MiB as the JVM computes it (`effectiveHeap` in jvm.ts): -Xmx, -XX:MaxRAMPercentage/-XX:MaxRAM, else heapMiB. */
  readonly effectiveHeapMiB: number;
  /** effectiveHeapMiB with where it comes from, for messages and fixes. */
  readonly effectiveHeap: EffectiveHeap;
  /**
   * com.boomi.container.elasticity.forceRestartOverride (ms) in effect: the
   * explicit value in containerPropertiesOverrides (NaN when unreadable), else
   * the default (75 % of the grace), which is then appended to
   * containerPropertiesOverrides so the Molecule gets it too.
   */
  readonly forceRestartOverrideMs: number;
  /** True when forceRestartOverrideMs is the default, not a value of the environment file. */
  readonly forceRestartOverrideIsDefault: boolean;
}

/** One entry of `additionalMolecules`, resolved (schema-molecules.ts). */
export type AdditionalMolecule = ParsedEnvironment['additionalMolecules'][number] &
  MoleculeDerived & {
    /** As given, else the atomName. */
    readonly containerName: string;
  };

/** A validated environment: the schema's output with derived values resolved. */
export type Environment = Omit<ParsedEnvironment, 'cluster' | 'state' | 'nodeGroups' | 'molecule' | 'additionalMolecules'> & {
  readonly cluster: ParsedEnvironment['cluster'] & { readonly name: string };
  readonly state: ParsedEnvironment['state'] & { readonly region: string };
  /** One entry per node group, defaults applied (seed 000: one per AZ). */
  readonly nodeGroups: readonly NodeGroup[];
  readonly molecule: ParsedEnvironment['molecule'] & MoleculeDerived;
  /** Further Molecules on the cluster (docs/several-molecules.md). @default [] */
  readonly additionalMolecules: readonly AdditionalMolecule[];
};
