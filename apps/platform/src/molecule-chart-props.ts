import { EKS_CAPACITY_TYPE_LABEL, KUBERNETES_TAINT_EFFECT, SPOT_TAINT, asFirstMolecule, type Environment, type MoleculeEntry } from '@boomi-eks/config';
import { MOLECULE_DEFAULTS, type MoleculeChartProps, type MoleculeToleration } from '@boomi-eks/molecule';

/** Name of the Kubernetes Secret the Molecule reads its credentials from (seed 000). */
export const MOLECULE_SECRET_NAME = MOLECULE_DEFAULTS.secretName;

/**
 * Where the Molecule may run (seed 004). `on-demand`: a nodeSelector on the
 * label EKS puts on every managed node, so a spot reclaim never restarts a
 * Molecule node. `any`: no selector, and a toleration for the spot taint so
 * the scheduler does not rank spot nodes last for the Molecule.
 */
export function moleculePlacement(env: Environment): Pick<MoleculeChartProps, 'nodeSelector' | 'tolerations'> {
  if (env.molecule.placement === 'on-demand') return { nodeSelector: { [EKS_CAPACITY_TYPE_LABEL]: 'ON_DEMAND' } };
  const spot: MoleculeToleration = {
    key: SPOT_TAINT.key,
    operator: 'Equal',
    value: SPOT_TAINT.value,
    effect: KUBERNETES_TAINT_EFFECT[SPOT_TAINT.effect],
  };
  return { tolerations: [spot] };
}

/**
 * Prometheus annotations for the Molecule pods: only with monitoring on and a
 * metrics port configured (the boomi/molecule image serves no Prometheus
 * endpoint of its own; see the README on adding a JMX exporter).
 */
export function moleculeScrapeAnnotations(env: Environment): Record<string, string> | undefined {
  const { port, path } = env.molecule.metrics;
  if (!env.monitoring.enabled || port === undefined) return undefined;
  return { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(port), 'prometheus.io/path': path };
}

/**
 * The Molecule's NetworkPolicy: the VPC CIDR is where node (SNAT) and NLB
 * health-check traffic and the EFS mount targets are; Prometheus may scrape
 * the metrics port from its namespace when both are configured.
 */
export function moleculeNetworkPolicy(env: Environment): NonNullable<MoleculeChartProps['networkPolicy']> {
  const np = env.molecule.networkPolicy;
  const { port } = env.molecule.metrics;
  return {
    enabled: np.enabled,
    clusterCidrs: [env.network.vpcCidr],
    platformCidrs: np.platformCidrs,
    extraEgress: np.extraEgress,
    extraIngress: env.monitoring.enabled && port !== undefined ? [{ namespace: env.monitoring.namespace, port }] : [],
  };
}

/** Maps an environment onto the Molecule chart's props (the EFS ids come from the cluster stack). */
export function moleculeChartProps(env: Environment, fileSystemId: string, accessPointId: string): MoleculeChartProps {
  const m = env.molecule;
  return {
    fileSystemId,
    accessPointId,
    namespace: m.namespace,
    storageSize: m.storageSize,
    image: { repository: m.image.repository, tag: m.image.tag, digest: m.image.digest, pullPolicy: m.image.pullPolicy },
    // The EFS access point's owner is the user the pods run as.
    security: { runAsUser: m.fileSystemUser.uid, runAsGroup: m.fileSystemUser.gid },
    topologySpread: { zone: m.zoneSpread === 'required' ? 'DoNotSchedule' : 'ScheduleAnyway' },
    tmpfsMedium: m.tmpfsMedium,
    networkPolicy: moleculeNetworkPolicy(env),
    replicas: m.replicas,
    terminationGracePeriodSeconds: m.terminationGracePeriodSeconds,
    atomName: m.atomName,
    containerName: m.containerName,
    platformUrl: m.platformUrl,
    vmOptionsOverrides: m.vmOptionsOverrides,
    containerPropertiesOverrides: m.containerPropertiesOverrides,
    resources: {
      cpuRequest: m.resources.requests.cpu,
      memoryRequest: m.resources.requests.memory,
      cpuLimit: m.resources.limits.cpu,
      memoryLimit: m.resources.limits.memory,
    },
    probes: m.probes,
    secretName: MOLECULE_SECRET_NAME,
    authKind: m.auth.kind,
    service: m.service,
    hpa: {
      enabled: env.hpa.enabled,
      minReplicas: env.hpa.minReplicas,
      maxReplicas: env.hpa.maxReplicas,
      cpuUtilization: env.hpa.cpuUtilization,
      memoryUtilization: env.hpa.memoryUtilization,
      scaleDownEnabled: env.hpa.scaleDown.enabled,
      scaleDownStabilizationSeconds: env.hpa.scaleDown.stabilizationWindowSeconds,
    },
    ...moleculePlacement(env),
    podAnnotations: moleculeScrapeAnnotations(env),
  };
}

/**
 * An additional Molecule's chart props (several Molecules per cluster): the
 * first Molecule's mapping applied to this one, plus its `name` (prefixing its
 * PersistentVolume, `<name>-efs-pv`) and the first Molecule's StorageClass,
 * shared rather than made again.
 */
export function additionalMoleculeChartProps(
  env: Environment,
  entry: MoleculeEntry & { readonly name: string },
  fileSystemId: string,
  accessPointId: string,
  storageClassName: string,
): MoleculeChartProps {
  return {
    ...moleculeChartProps(asFirstMolecule(env, entry), fileSystemId, accessPointId),
    name: entry.name,
    storage: { storageClassName, createStorageClass: false },
  };
}
