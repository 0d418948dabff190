import { KubernetesObject } from './manifest-order';

/**
 * Copies of the objects where every workload that an HPA among them scales has
 * no `spec.replicas`. Kubernetes' advice when migrating to an HPA: a manifest
 * that keeps `replicas` resets the HPA's count on every apply (Terraform's
 * server-side apply even fails with a field-manager conflict, since the HPA now
 * owns that field). The workload then starts at 1 and the HPA raises it to
 * `minReplicas` at once (it does so even before metrics are available).
 */
export function withoutHpaManagedReplicas(objects: readonly KubernetesObject[]): KubernetesObject[] {
  const scaled = new Set(
    objects
      .filter((o) => o.kind === 'HorizontalPodAutoscaler')
      .map((hpa) => {
        const ref = (hpa.spec as { scaleTargetRef?: { kind?: string; name?: string } } | undefined)?.scaleTargetRef;
        return targetKey(ref?.kind, ref?.name, hpa.metadata.namespace);
      }),
  );
  return objects.map((o) => {
    const spec = o.spec as Record<string, unknown> | undefined;
    if (!spec || !('replicas' in spec) || !scaled.has(targetKey(o.kind, o.metadata.name, o.metadata.namespace))) return o;
    const { replicas: _dropped, ...rest } = spec;
    return { ...o, spec: rest };
  });
}

function targetKey(kind: string | undefined, name: string | undefined, namespace: string | undefined): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}
