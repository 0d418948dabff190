/**
 * The shapes plan-review works on: synthesized Terraform JSON (cdk.tf.json),
 * cdktf's manifest.json, and the typed diff between two synths.
 */

/** One synthesized stack (`cdktf.out/stacks/<id>/cdk.tf.json`), as parsed JSON. */
export type StackJson = Record<string, unknown>;

/** cdktf's `cdktf.out/manifest.json`: the stacks and what each depends on. */
export interface Manifest {
  readonly stacks: Record<string, { readonly dependencies?: readonly string[] }>;
}

/** Everything one synth produced. */
export interface Synth {
  /** stack id → parsed cdk.tf.json */
  readonly stacks: ReadonlyMap<string, StackJson>;
  readonly manifest: Manifest;
}

/** What a synth was made from, for the report's heading. */
export interface Revision {
  /** What the user asked for: a ref (`main`, `HEAD~1`), `working tree`, or a folder. */
  readonly label: string;
  /** The commit, when there is one. */
  readonly sha?: string;
  /** True when the working tree has uncommitted changes on top of `sha`. */
  readonly dirty?: boolean;
}

/**
 * The kind of a top-level Terraform block. Besides resources, plan-review
 * reports data sources (`data.x.y`), outputs (`output.x`), providers
 * (`provider.x`), the backend and required providers (`terraform.backend`,
 * `terraform.required_providers`), locals, modules and variables.
 */
export type BlockKind = 'resource' | 'data' | 'output' | 'provider' | 'terraform' | 'local' | 'module' | 'variable' | 'other';

/** One addressable block of a stack's Terraform JSON. */
export interface Block {
  readonly kind: BlockKind;
  /** Terraform-style address: `aws_vpc.network_vpc_4E8F0223`, `data.aws_iam_policy.x`, `output.y`, `provider.aws`. */
  readonly address: string;
  /** Resource or data source type (`aws_vpc`), provider name, or '' for the rest. */
  readonly type: string;
  /** The construct path below the stack (`network/vpc`), from cdktf's `//` metadata. */
  readonly constructPath?: string;
  /** The block's configuration, without cdktf's `//` metadata. */
  readonly config: unknown;
}

/** One segment of an attribute path: an object key, a list index, or "the string holds JSON/YAML". */
export type PathSegment = string | number | { readonly embedded: 'json' | 'yaml' };

/** A changed attribute. `before`/`after` are absent when the attribute was added/removed. */
export interface AttributeChange {
  /** Rendered path: `tags.Owner`, `ingress[0].cidr_blocks`, `policy<json>.Statement[0].Action`. */
  readonly path: string;
  readonly segments: readonly PathSegment[];
  readonly action: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
  /** True when the values were replaced by `(sensitive)`. */
  readonly sensitive: boolean;
}

/** A block as reported: where it is, not its whole configuration. */
export interface BlockRef {
  readonly address: string;
  readonly kind: BlockKind;
  readonly type: string;
  readonly constructPath?: string;
}

export interface ChangedBlock extends BlockRef {
  readonly attributes: readonly AttributeChange[];
}

export type StackStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export interface StackDiff {
  readonly stack: string;
  readonly status: StackStatus;
  readonly added: readonly BlockRef[];
  readonly removed: readonly BlockRef[];
  readonly changed: readonly ChangedBlock[];
}

/** Why a resource is replaced: an argument that forces a new resource changed. */
export interface ReplacementReason {
  /** Argument path as in force-new.ts: `instance_types`, `kubernetes_network_config.service_ipv4_cidr`. */
  readonly argument: string;
  readonly before?: unknown;
  readonly after?: unknown;
  /** For an argument that replaces only under a condition: the condition, in words. */
  readonly when?: string;
  /** Knock-on: the replaced resource whose computed attribute this argument reads. */
  readonly cause?: string;
}

/** A resource Terraform will destroy and re-create. */
export interface Replacement {
  readonly stack: string;
  readonly address: string;
  readonly type: string;
  readonly constructPath?: string;
  /** False when every reason is conditional and the configuration alone cannot decide it ("may replace"). */
  readonly certain: boolean;
  readonly reasons: readonly ReplacementReason[];
}

/** A resource removed from the code of a stack that still exists: Terraform destroys it. */
export interface Destroy {
  readonly stack: string;
  readonly address: string;
  readonly type: string;
  readonly constructPath?: string;
  /** An added resource of the same type in the same stack: most likely a renamed construct. */
  readonly likelyRenamedTo?: string;
  /** How to keep the resource when it is a rename. */
  readonly fix?: string;
  /** Force-new arguments that differ between the pair: a move alone would still replace the resource. */
  readonly replacedEvenIfMoved?: readonly string[];
}

/** One priced item of an environment's monthly bill. */
export interface CostLine {
  readonly stack: string;
  /** The resource (or manifest) it prices. */
  readonly address: string;
  /** What it is, with the quantities: `node group us-east-1a: 1–100 × m5.large + 20 GB gp3`. */
  readonly item: string;
  /** USD per month at the minimum scale (node groups at min_size). */
  readonly min: number;
  /** USD per month at the maximum scale (node groups at max_size, extended support where allowed). */
  readonly max: number;
}

/** The estimated monthly cost of one environment (its stacks `<env>-*`). */
export interface EnvironmentCost {
  readonly environment: string;
  readonly region: string;
  readonly min: number;
  readonly max: number;
  readonly lines: readonly CostLine[];
  /** Items the price table has no price for (left out of the totals): `m9.large in us-east-1`. */
  readonly unpriced: readonly string[];
  /** Usage-based items, with their unit price, not in the totals. */
  readonly leftOut: readonly string[];
}

export interface EnvironmentCostChange {
  readonly environment: string;
  readonly before?: EnvironmentCost;
  readonly after?: EnvironmentCost;
  /** after − before at the minimum scale, USD per month. */
  readonly deltaMin: number;
  /** after − before at the maximum scale, USD per month. */
  readonly deltaMax: number;
}

/** The cost side of the review: per environment before and after, and per resource what changed. */
export interface CostReview {
  readonly currency: 'USD';
  /** The price table's date. */
  readonly asOf: string;
  readonly environments: readonly EnvironmentCostChange[];
  /** `stack/address` → the change in that resource's monthly cost, for resources whose cost changed. */
  readonly resourceDeltas: Readonly<Record<string, { readonly min: number; readonly max: number }>>;
}

/** The whole review: every stack of either side, in dependency order. */
export interface Review {
  readonly base: Revision;
  readonly head: Revision;
  /** Stacks in dependency order (head's stacks, then the removed ones). */
  readonly stacks: readonly StackDiff[];
  readonly stacksAdded: readonly string[];
  readonly stacksRemoved: readonly string[];
  /** Stacks to plan or deploy, in dependency order (added or changed). */
  readonly affected: readonly string[];
  /** True when any stack differs. */
  readonly changed: boolean;
  /** Resources replaced (destroyed and re-created), in stack order. */
  readonly replacements: readonly Replacement[];
  /** Resources removed from stacks that remain, in stack order. */
  readonly destroys: readonly Destroy[];
  /** Changed or added resource types the force-new table does not know: their replacements cannot be told. */
  readonly unknownTypes: readonly string[];
  /** Monthly cost of each environment before and after, when the review computed it. */
  readonly cost?: CostReview;
}

/** The value that replaces a sensitive one everywhere in the output. */
export const SENSITIVE = '(sensitive)';
