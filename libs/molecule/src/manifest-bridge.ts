import { Chart } from 'cdk8s';
import { ITerraformDependable, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Manifest, ManifestFieldManager } from '@cdktf/provider-kubernetes/lib/manifest';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { withoutHpaManagedReplicas } from './hpa-replicas';
import { escapeTerraformTemplates } from '@boomi-eks/primitives';
import { applyTier, CLUSTER_SCOPED_KINDS, KubernetesObject, manifestId } from './manifest-order';

/** The fields kubernetes_manifest treats as computed when `computed_fields` is not set. */
export const PROVIDER_DEFAULT_COMPUTED_FIELDS = ['metadata.annotations', 'metadata.labels'] as const;

/** Props of {@link ChartManifests}. Give exactly one of `chart` and `objects`. */
export interface ChartManifestsProps {
  /** A cdk8s chart; its `toJson()` objects become the manifests. @default - use `objects` */
  readonly chart?: Chart;
  /** Already rendered objects (a chart's `toJson()`). @default - use `chart` */
  readonly objects?: readonly KubernetesObject[];
  /** The provider of every manifest. @default - the stack's default kubernetes provider */
  readonly provider?: KubernetesProvider;
  /** Server-side apply field manager of every manifest. @default - provider default (name 'Terraform', no force) */
  readonly fieldManager?: ManifestFieldManager;
  /**
   * Extra fields the API server may change, added to the provider's own
   * defaults (metadata.annotations, metadata.labels), which are kept.
   * @default - the provider's defaults only
   */
  readonly computedFields?: readonly string[];
  /**
   * Leave `spec.replicas` out of every workload that an HPA among the objects
   * scales, so an apply never resets (or conflicts with) the HPA's count.
   * @default true
   */
  readonly hpaOwnsReplicas?: boolean;
  /** What every manifest waits for (an add-on, a Secret resource). @default [] */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * One kubernetes_manifest per object of a cdk8s chart, with the kubernetes
 * provider's `Manifest` (deep import; not the provider barrel, not cdktf-cdk8s).
 *
 * - Ids are `<kind>-<name>` in lower case: they are Terraform addresses, keep them stable.
 * - Every `${` in a string becomes `$${` (and `%{` → `%%{`), so Terraform does not read it as a template.
 * - Apply order by tier (see {@link applyTier}): Namespace, then StorageClass, then
 *   PersistentVolume, then PVC/Service/…, then the StatefulSet, then HPA/PDB. Each
 *   manifest depends directly on every manifest of a lower tier, so destroy runs
 *   in reverse (the workload goes before its claim, the namespace last).
 */
export class ChartManifests extends Construct {
  /** The manifests by construct id (`<kind>-<name>`). */
  readonly manifests: Record<string, Manifest>;
  /** The construct ids in apply order. */
  readonly manifestIds: string[];

  constructor(scope: Construct, id: string, props: ChartManifestsProps) {
    super(scope, id);
    if ((props.chart === undefined) === (props.objects === undefined)) {
      throw new Error(`ChartManifests '${id}': give exactly one of 'chart' and 'objects'`);
    }
    const rendered: KubernetesObject[] = props.chart ? props.chart.toJson() : [...(props.objects ?? [])];
    const objects = props.hpaOwnsReplicas ?? true ? withoutHpaManagedReplicas(rendered) : rendered;
    checkObjects(id, objects);
    claimClusterScopedNames(this, objects);

    const computedFields = props.computedFields
      ? [...new Set([...PROVIDER_DEFAULT_COMPUTED_FIELDS, ...props.computedFields])]
      : undefined;
    const ordered = objects
      .map((object, index) => ({ object, index, tier: applyTier(object.kind) }))
      .sort((a, b) => a.tier - b.tier || a.index - b.index);

    this.manifests = {};
    this.manifestIds = [];
    const byTier: Manifest[][] = [];
    for (const { object, tier } of ordered) {
      const mid = manifestId(object);
      const dependsOn = [...(props.dependsOn ?? []), ...byTier.slice(0, tier).flat()];
      const manifest = new Manifest(this, mid, {
        manifest: escapeTerraformTemplates(object),
        provider: props.provider,
        fieldManager: props.fieldManager,
        computedFields,
        dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
      });
      (byTier[tier] ??= []).push(manifest);
      this.manifests[mid] = manifest;
      this.manifestIds.push(mid);
    }
  }
}

/** Cluster-scoped objects already claimed in a stack, by `<kind>/<name>` → the ChartManifests path. */
const CLUSTER_SCOPED_CLAIMS = new WeakMap<TerraformStack, Map<string, string>>();

/**
 * Two charts in one stack (two Molecules on one cluster) that emit the same
 * cluster-scoped object would overwrite each other on apply: refuse at synth.
 */
function claimClusterScopedNames(self: Construct, objects: readonly KubernetesObject[]): void {
  let stack: TerraformStack;
  try {
    stack = TerraformStack.of(self);
  } catch {
    return; // Not in a stack (a bare test scope): nothing to share.
  }
  const claims = CLUSTER_SCOPED_CLAIMS.get(stack) ?? new Map<string, string>();
  CLUSTER_SCOPED_CLAIMS.set(stack, claims);
  for (const o of objects) {
    if (!CLUSTER_SCOPED_KINDS.has(o.kind)) continue;
    const ref = `${o.kind}/${o.metadata.name}`;
    const owner = claims.get(ref);
    if (owner !== undefined) {
      throw new Error(
        `ChartManifests '${self.node.path}': cluster-scoped '${ref}' is already made by '${owner}': ` +
          "two charts on one cluster need their own names: give each MoleculeChart its own 'name' (or storage names and namespace), " +
          'and share one StorageClass with storage.createStorageClass: false on all but one',
      );
    }
    claims.set(ref, self.node.path);
  }
}

function checkObjects(id: string, objects: readonly KubernetesObject[]): void {
  const seen = new Map<string, string>();
  for (const o of objects) {
    if (!o?.kind || !o.apiVersion || !o.metadata?.name) {
      throw new Error(`ChartManifests '${id}': every object needs apiVersion, kind and metadata.name (got ${JSON.stringify(o)?.slice(0, 120)})`);
    }
    const ref = `${o.kind}/${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;
    if (CLUSTER_SCOPED_KINDS.has(o.kind) && o.metadata.namespace !== undefined) {
      throw new Error(
        `ChartManifests '${id}': '${ref}' is cluster-scoped but has metadata.namespace '${o.metadata.namespace}': ` +
          'kubernetes_manifest rejects it; set the namespace per namespaced object, not on the Chart',
      );
    }
    const mid = manifestId(o);
    const previous = seen.get(mid);
    if (previous) throw new Error(`ChartManifests '${id}': '${ref}' and '${previous}' both map to manifest id '${mid}': rename one`);
    seen.set(mid, ref);
  }
}
