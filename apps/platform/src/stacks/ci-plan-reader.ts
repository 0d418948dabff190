import { Construct } from 'constructs';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import type { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { CI_PLAN_CLUSTER_ROLE, CI_PLAN_GROUP } from '../ci-plan-access';

const READ = ['get', 'list', 'watch'];

/**
 * What a plan of the workloads stack reads that AmazonEKSViewPolicy does not
 * grant: kubernetes_manifest refreshes every object it manages with a GET, so
 * the plan role needs read of the cluster-scoped storage objects, of the
 * External Secrets custom resources (they hold names and keys, never values)
 * and of this role and its binding. Secrets are not here: the access entry's
 * AmazonEKSSecretReaderPolicy covers only the Helm release namespaces.
 */
export function ciPlanClusterRole(): Record<string, unknown> {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: CI_PLAN_CLUSTER_ROLE },
    rules: [
      { apiGroups: ['storage.k8s.io'], resources: ['storageclasses'], verbs: READ },
      { apiGroups: [''], resources: ['persistentvolumes'], verbs: READ },
      { apiGroups: ['external-secrets.io'], resources: ['secretstores', 'externalsecrets'], verbs: READ },
      { apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles', 'clusterrolebindings'], resourceNames: [CI_PLAN_CLUSTER_ROLE], verbs: ['get'] },
    ],
  };
}

/** Binds {@link ciPlanClusterRole} to the access entry's Kubernetes group. */
export function ciPlanClusterRoleBinding(): Record<string, unknown> {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: CI_PLAN_CLUSTER_ROLE },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: CI_PLAN_CLUSTER_ROLE },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: CI_PLAN_GROUP }],
  };
}

export interface CiPlanReaderProps {
  /** @default - the stack's default kubernetes provider */
  readonly provider?: KubernetesProvider;
}

/** The CI plan role's extra read-only RBAC (a ClusterRole and its binding to group `boomi:ci-plan`). */
export class CiPlanReader extends Construct {
  readonly clusterRole: Manifest;
  readonly clusterRoleBinding: Manifest;

  constructor(scope: Construct, id: string, props: CiPlanReaderProps = {}) {
    super(scope, id);
    this.clusterRole = new Manifest(this, 'cluster-role', { manifest: ciPlanClusterRole(), provider: props.provider });
    this.clusterRoleBinding = new Manifest(this, 'cluster-role-binding', {
      manifest: ciPlanClusterRoleBinding(),
      provider: props.provider,
      dependsOn: [this.clusterRole],
    });
  }
}
