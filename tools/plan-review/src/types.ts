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
}

/** The value that replaces a sensitive one everywhere in the output. */
export const SENSITIVE = '(sensitive)';
