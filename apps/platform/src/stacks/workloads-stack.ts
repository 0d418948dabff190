import { Construct } from 'constructs';
import { Fn, dependable } from 'cdktf';
import { App as Cdk8sApp } from 'cdk8s';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { ADDITIONAL_MOLECULE_NAMES, KUBERNETES_RELEASES, moleculesOf, type Environment } from '@boomi-eks/config';
import { kubeDnsIp } from '@boomi-eks/primitives';
import { ClusterAutoscaler, Karpenter, KarpenterNodePoolsChart, MetricsServer } from '@boomi-eks/autoscaling';
import { ExternalSecretsOperator, Monitoring, NodeLocalDns, NodeProblemDetector } from '@boomi-eks/cluster-addons';
import { ChartManifests, MOLECULE_SECRET_KEYS, MoleculeChart, MoleculeExternalSecret } from '@boomi-eks/molecule';
import { EnvironmentStack, environmentTags } from './base-stack';
import type { ClusterStack } from './cluster-stack';
import { MOLECULE_SECRET_NAME, additionalMoleculeChartProps, moleculeChartProps } from '../molecule-chart-props';
import { CiPlanReader } from './ci-plan-reader';
import { ciPlansWorkloads } from '../ci-plan-access';

export interface WorkloadsStackProps {
  /** The cluster stack: endpoint, CA and EFS ids reach this stack as remote state. */
  readonly cluster: ClusterStack;
  /**
   * Whether the CI plan role has an access entry on this cluster (the cluster
   * stack's `ciPlanRoleArn`); then this stack binds its Kubernetes group to a
   * read-only ClusterRole for what the EKS view policy lacks. @default false
   */
  readonly ciPlanAccess?: boolean;
}

/** Keys of the Secrets Manager secret's JSON, per auth kind (seed 000's Secret). */
export const SECRET_KEYS = MOLECULE_SECRET_KEYS;

/**
 * `<env>-workloads`: what runs in the cluster. metrics-server and the
 * cluster-autoscaler (Helm), the extras an environment turns on (monitoring,
 * node-problem-detector, node-local-dns; Helm), and the Molecule (cdk8s chart → kubernetes_manifest).
 * Its credentials reach the cluster through the External Secrets Operator
 * (Helm), which copies them from AWS Secrets Manager into `boomi-secret` with
 * its own Pod Identity role: Terraform never reads them, so no value is in
 * code, cdktf.out, a plan or the state.
 * The kubernetes and helm providers authenticate with `aws eks get-token`.
 */
export class WorkloadsStack extends EnvironmentStack {
  readonly chart: MoleculeChart;
  readonly manifests: ChartManifests;
  /** External Secrets Operator (installs the CRDs of {@link credentials}). */
  readonly externalSecrets: ExternalSecretsOperator;
  /** The SecretStore and ExternalSecret that make `boomi-secret`. */
  readonly credentials: MoleculeExternalSecret;
  /** Read-only RBAC for the CI plan role's group, when CI plans this stack. */
  readonly ciPlanReader?: CiPlanReader;
  /** kube-prometheus-stack, when `monitoring.enabled`. */
  readonly monitoring?: Monitoring;
  /** node-problem-detector, when `nodeHealth.enabled`. */
  readonly nodeProblemDetector?: NodeProblemDetector;
  /** NodeLocal DNSCache, when `nodeLocalDns.enabled`. */
  readonly nodeLocalDns?: NodeLocalDns;
  /**
   * Each additional Molecule (`additionalMolecules`), by name: its chart and
   * manifests (sharing the first Molecule's StorageClass), its own External
   * Secrets Operator scoped to its namespace, and its credentials.
   */
  readonly additionalMolecules: ReadonlyMap<string, AdditionalMoleculeWorkloads>;
  /** Karpenter and its EC2NodeClass/NodePools, with `autoscaler.kind: 'karpenter'` (issue 20). */
  readonly karpenter?: { readonly controller: Karpenter; readonly nodePools: KarpenterNodePoolsChart; readonly manifests: ChartManifests };

  constructor(scope: Construct, env: Environment, props: WorkloadsStackProps) {
    super(scope, env, 'workloads');
    const eks = props.cluster.cluster;
    const host = eks.clusterEndpoint;
    const ca = Fn.base64decode(eks.clusterCertificateAuthorityData);
    const exec = {
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      command: 'aws',
      args: ['eks', 'get-token', '--cluster-name', env.cluster.name, '--region', env.region],
    };
    const kubernetes = new KubernetesProvider(this, 'kubernetes', { host, clusterCaCertificate: ca, exec: [exec] });
    const helm = new HelmProvider(this, 'helm', { kubernetes: { host, clusterCaCertificate: ca, exec } });

    if (env.metricsServer.enabled) {
      new MetricsServer(this, 'metrics-server', { provider: helm });
    }
    if (env.autoscaler.enabled && env.autoscaler.kind === 'cluster-autoscaler') {
      const { enabled: _enabled, kind: _kind, karpenter: _karpenter, ...flags } = env.autoscaler;
      new ClusterAutoscaler(this, 'cluster-autoscaler', {
        ...flags,
        clusterName: env.cluster.name,
        region: env.region,
        kubernetesVersion: env.cluster.kubernetesVersion,
        provider: helm,
      });
    }

    // --- Karpenter (issue 20) ---
    const karpenterIdentity = props.cluster.karpenterIdentity;
    if (env.autoscaler.enabled && env.autoscaler.kind === 'karpenter' && karpenterIdentity) {
      this.karpenter = installKarpenter(this, env, karpenterIdentity, helm, kubernetes);
    }
    // --- end Karpenter ---

    const extras = buildExtras(this, env, helm);
    this.monitoring = extras.monitoring;
    this.nodeProblemDetector = extras.nodeProblemDetector;
    this.nodeLocalDns = extras.nodeLocalDns;

    const fs = props.cluster.fileSystem;
    this.chart = new MoleculeChart(new Cdk8sApp(), 'molecule', moleculeChartProps(env, fs.fileSystemId, fs.accessPointId));
    this.manifests = new ChartManifests(this, 'molecule', { chart: this.chart, provider: kubernetes });

    // The operator's Role goes into the Molecule's namespace: create that first.
    const namespaceManifest = this.manifests.manifests[`namespace-${env.molecule.namespace}`];
    this.externalSecrets = new ExternalSecretsOperator(this, 'external-secrets', {
      watchNamespace: env.molecule.namespace,
      provider: helm,
      dependsOn: namespaceManifest ? [namespaceManifest] : undefined,
    });
    // Custom resources after the release that installs their CRDs.
    this.credentials = new MoleculeExternalSecret(this, 'molecule-credentials', {
      namespace: env.molecule.namespace,
      remoteSecretName: env.molecule.auth.secretName,
      region: env.region,
      authKind: env.molecule.auth.kind,
      secretName: MOLECULE_SECRET_NAME,
      refreshInterval: env.molecule.auth.refreshInterval,
      provider: kubernetes,
      dependsOn: [this.externalSecrets.release],
    });
    // The pods read the Secret at start: the StatefulSet waits for the ExternalSecret to be Ready.
    const statefulSet = this.manifests.manifests[`statefulset-${this.chart.statefulSetName}`];
    statefulSet.dependsOn = [...(statefulSet.dependsOn ?? []), dependable(this.credentials.externalSecret)];

    this.additionalMolecules = addMolecules(this, env, props.cluster, this.chart, this.manifests, this.externalSecrets, kubernetes, helm);

    if (props.ciPlanAccess && ciPlansWorkloads(env)) {
      this.ciPlanReader = new CiPlanReader(this, 'ci-plan-reader', { provider: kubernetes });
    }
  }
}

/** What the workloads stack makes for one additional Molecule. */
export interface AdditionalMoleculeWorkloads {
  readonly chart: MoleculeChart;
  readonly manifests: ChartManifests;
  /** Its own operator: the chart scopes an operator to one namespace, with a Role there, not a ClusterRole. */
  readonly externalSecrets: ExternalSecretsOperator;
  readonly credentials: MoleculeExternalSecret;
}

/**
 * Several Molecules (issue 21): each additional Molecule's objects, as the
 * first Molecule's, in its own namespace, on its own EFS access point, with
 * the first Molecule's StorageClass. Its External Secrets Operator (release
 * `external-secrets` in `external-secrets-<name>`, object names
 * `external-secrets-<name>-*`) uses the CRDs of the first operator's release
 * and the cluster stack's role that reads this Molecule's secret only.
 */
function addMolecules(
  scope: Construct,
  env: Environment,
  cluster: ClusterStack,
  first: MoleculeChart,
  firstManifests: ChartManifests,
  firstOperator: ExternalSecretsOperator,
  kubernetes: KubernetesProvider,
  helm: HelmProvider,
): Map<string, AdditionalMoleculeWorkloads> {
  const out = new Map<string, AdditionalMoleculeWorkloads>();
  const storageClass = first.storageClass ? firstManifests.manifests[`storageclass-${first.storageClassName}`] : undefined;
  for (const entry of moleculesOf(env).slice(1)) {
    const name = entry.name!;
    const m = entry.molecule;
    const fs = cluster.fileSystem;
    const ids = cluster.additionalMolecules.get(name)!;
    const chart = new MoleculeChart(
      new Cdk8sApp(),
      `molecule-${name}`,
      additionalMoleculeChartProps(env, { ...entry, name }, fs.fileSystemId, ids.accessPointId, first.storageClassName),
    );
    const manifests = new ChartManifests(scope, `molecule-${name}`, { chart, provider: kubernetes, dependsOn: storageClass ? [storageClass] : undefined });
    const namespaceManifest = manifests.manifests[`namespace-${m.namespace}`];
    const externalSecrets = new ExternalSecretsOperator(scope, `external-secrets-${name}`, {
      namespace: ADDITIONAL_MOLECULE_NAMES.externalSecretsNamespace(name),
      watchNamespace: m.namespace,
      provider: helm,
      // The first release installs the CRDs; distinct object names keep its ClusterRoles apart.
      valuesOverride: { installCRDs: false, fullnameOverride: ADDITIONAL_MOLECULE_NAMES.externalSecretsNamespace(name) },
      dependsOn: [firstOperator.release, ...(namespaceManifest ? [namespaceManifest] : [])],
    });
    const credentials = new MoleculeExternalSecret(scope, `molecule-credentials-${name}`, {
      namespace: m.namespace,
      remoteSecretName: m.auth.secretName,
      region: env.region,
      authKind: m.auth.kind,
      secretName: MOLECULE_SECRET_NAME,
      refreshInterval: m.auth.refreshInterval,
      provider: kubernetes,
      dependsOn: [externalSecrets.release],
    });
    const statefulSet = manifests.manifests[`statefulset-${chart.statefulSetName}`];
    statefulSet.dependsOn = [...(statefulSet.dependsOn ?? []), dependable(credentials.externalSecret)];
    out.set(name, { chart, manifests, externalSecrets, credentials });
  }
  return out;
}

/**
 * Karpenter (issue 20): the pinned chart with the cluster stack's queue, then
 * the EC2NodeClass and NodePools (typed cdk8s objects → kubernetes_manifest),
 * after the release that installs their CRDs.
 */
function installKarpenter(
  scope: Construct,
  env: Environment,
  identity: NonNullable<ClusterStack['karpenterIdentity']>,
  helm: HelmProvider,
  kubernetes: KubernetesProvider,
): NonNullable<WorkloadsStack['karpenter']> {
  const pins = KUBERNETES_RELEASES[env.cluster.kubernetesVersion].karpenter;
  const controller = new Karpenter(scope, 'karpenter', {
    clusterName: env.cluster.name,
    interruptionQueueName: identity.interruptionQueueName,
    chartVersion: pins.chartVersion,
    provider: helm,
  });
  const nodePools = new KarpenterNodePoolsChart(new Cdk8sApp(), 'karpenter-node-pools', {
    clusterName: env.cluster.name,
    nodeRoleName: identity.nodeRoleName,
    amiAlias: pins.amiAlias,
    settings: env.autoscaler.karpenter,
    tags: environmentTags(env),
    atomQueuesInUse: moleculesOf(env).some((e) => e.molecule.atomQueues.inUse),
  });
  const manifests = new ChartManifests(scope, 'karpenter-node-pools', { chart: nodePools, provider: kubernetes, dependsOn: [controller.release] });
  return { controller, nodePools, manifests };
}

/**
 * The self-driving extras (seed 001), each behind its flag: monitoring
 * (kube-prometheus-stack), node health (node-problem-detector; the
 * repair half is in the cluster stack) and NodeLocal DNSCache. No AWS node
 * termination handler: every node group is EKS-managed, and EKS already
 * drains spot nodes on rebalance recommendations and interruption notices.
 */
export function buildExtras(
  scope: Construct,
  env: Environment,
  helm: HelmProvider,
): { monitoring?: Monitoring; nodeProblemDetector?: NodeProblemDetector; nodeLocalDns?: NodeLocalDns } {
  let monitoring: Monitoring | undefined;
  let nodeProblemDetector: NodeProblemDetector | undefined;
  let nodeLocalDns: NodeLocalDns | undefined;
  if (env.monitoring.enabled) {
    monitoring = new Monitoring(scope, 'monitoring', {
      namespace: env.monitoring.namespace,
      retention: env.monitoring.retention,
      resources: { nodeExporter: env.monitoring.nodeExporterResources },
      storage: {
        enabled: env.monitoring.storage.enabled,
        prometheusSize: env.monitoring.storage.prometheusSize,
        alertmanagerSize: env.monitoring.storage.alertmanagerSize,
      },
      alertmanagerConfigSecret: env.monitoring.alertmanagerConfigSecret,
      valuesOverride: env.monitoring.valuesOverride,
      provider: helm,
    });
  }
  if (env.nodeHealth.enabled) {
    nodeProblemDetector = new NodeProblemDetector(scope, 'node-problem-detector', {
      resources: env.nodeHealth.resources,
      prometheusScrape: env.monitoring.enabled,
      provider: helm,
    });
  }
  if (env.nodeLocalDns.enabled) {
    nodeLocalDns = new NodeLocalDns(scope, 'node-local-dns', {
      kubeDnsIp: kubeDnsIp(env.cluster.serviceIpv4Cidr),
      localIp: env.nodeLocalDns.localIp,
      resources: env.nodeLocalDns.resources,
      provider: helm,
    });
  }
  return { monitoring, nodeProblemDetector, nodeLocalDns };
}
