/**
 * Props of the Molecule chart, their defaults (seed 000's YAML) and the one
 * function that merges them. Typed here, independent of any config lib.
 * The defaults themselves are plain data in molecule-defaults.ts.
 */
import { MOLECULE_DEFAULTS, MUTABLE_IMAGE_TAGS } from './molecule-defaults';

/** How the Molecule authenticates to the platform on first start. */
export type MoleculeAuthKind = 'password' | 'installerToken';

/** Scheme of the NLB in front of the Service. */
export type LoadBalancerScheme = 'internet-facing' | 'internal';

/** The Molecule container image. */
export interface MoleculeImage {
  /** @default 'boomi/molecule' */
  readonly repository?: string;
  /** @default 'release' (mutable: pin a version, or set `digest`) */
  readonly tag?: string;
  /**
   * Content digest (`sha256:<64 hex>`). When set, the image is
   * `<repository>@<digest>` and the tag is not used.
   * @default - none (the tag is used)
   */
  readonly digest?: string;
  /**
   * @default 'Always' for a mutable tag (`release`, `latest`), 'IfNotPresent' for a pinned tag or a digest
   */
  readonly pullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
}

/** The image reference and pull policy the container gets (pure; see {@link MoleculeImage}). */
export function moleculeImageReference(image: MoleculeImage): { image: string; pullPolicy: 'Always' | 'IfNotPresent' | 'Never' } {
  const repository = image.repository ?? MOLECULE_DEFAULTS.image.repository;
  const tag = image.tag ?? MOLECULE_DEFAULTS.image.tag;
  const pinned = image.digest !== undefined || !MUTABLE_IMAGE_TAGS.includes(tag);
  return {
    image: image.digest !== undefined ? `${repository}@${image.digest}` : `${repository}:${tag}`,
    pullPolicy: image.pullPolicy ?? (pinned ? 'IfNotPresent' : 'Always'),
  };
}

/** The POSIX identity the Molecule container runs as (pod `securityContext`). */
export interface MoleculeSecurity {
  /**
   * `runAsUser`: the image's `boomi` user, which owns the installation
   * directory (Boomi's references chown /mnt/boomi to 1000:1000).
   * @default 1000
   */
  readonly runAsUser?: number;
  /** `runAsGroup`, and `fsGroup` of the pod's volumes. @default 1000 */
  readonly runAsGroup?: number;
}

/** Where the Molecule spreads its pods (`topologySpreadConstraints`, maxSkew 1). */
export interface MoleculeTopologySpread {
  /**
   * Over `topology.kubernetes.io/zone`. `DoNotSchedule`: a pod stays Pending
   * rather than crowd one AZ; the cluster-autoscaler then grows the node group of
   * the AZ that is short (one group per AZ). `ScheduleAnyway`: a preference only.
   * @default 'DoNotSchedule'
   */
  readonly zone?: 'DoNotSchedule' | 'ScheduleAnyway';
  /**
   * Over `kubernetes.io/hostname`. `ScheduleAnyway`: spread when nodes have room,
   * but never hold a pod Pending (and never make the autoscaler add a node) while
   * another node could take it.
   * @default 'ScheduleAnyway'
   */
  readonly hostname?: 'DoNotSchedule' | 'ScheduleAnyway';
}

/** An egress allowance of the Molecule's NetworkPolicy. */
export interface MoleculeEgressRule {
  /** Destination CIDR. */
  readonly cidr: string;
  /** Ports allowed to it. */
  readonly ports: readonly { readonly port: number; readonly protocol?: 'TCP' | 'UDP' }[];
}

/** An extra ingress allowance of the Molecule's NetworkPolicy (e.g. Prometheus). */
export interface MoleculeIngressRule {
  /** Pods of this namespace may connect. @default - none */
  readonly namespace?: string;
  /** Sources in this CIDR may connect. @default - none */
  readonly cidr?: string;
  /** The container port. */
  readonly port: number;
}

/**
 * NetworkPolicies of the namespace: a default deny for every pod, and the
 * Molecule's allowances (see docs/production-defaults.md for each one's reason).
 */
export interface MoleculeNetworkPolicy {
  /** @default true */
  readonly enabled?: boolean;
  /**
   * The VPC CIDR(s): the NLB's health checks and the traffic kube-proxy
   * forwards from a node's NodePort arrive from node addresses (SNAT), and the
   * EFS mount targets live there. Allowed to the container port and to 2049.
   * @default [] (then only `service.sourceRanges` reach the container port)
   */
  readonly clusterCidrs?: readonly string[];
  /**
   * Where the platform (HTTPS 443) is: Boomi's platform has no fixed address
   * set that a NetworkPolicy (CIDRs only, no names) can name, so the default is
   * any address on 443 only.
   * @default ['0.0.0.0/0']
   */
  readonly platformCidrs?: readonly string[];
  /** Further egress, e.g. the systems your integrations call. @default [] */
  readonly extraEgress?: readonly MoleculeEgressRule[];
  /** Further ingress, e.g. Prometheus from its namespace to a metrics port. @default [] */
  readonly extraIngress?: readonly MoleculeIngressRule[];
}

/** Requests and limits of the `atom-node` container (Kubernetes quantities). */
export interface MoleculeResources {
  /** @default '500m' */
  readonly cpuRequest?: string;
  /** @default '1024Mi' (seed YAML; the seed's prose says 768Mi) */
  readonly memoryRequest?: string;
  /** @default '1000m' */
  readonly cpuLimit?: string;
  /** @default '1536Mi' (seed YAML; the seed's prose says 1024Mi) */
  readonly memoryLimit?: string;
}

/** Timings of the `probe.sh` startup, readiness and liveness probes. */
export interface MoleculeProbes {
  /** @default 60 */
  readonly startupFailureThreshold?: number;
  /** @default 10 */
  readonly readinessPeriodSeconds?: number;
  /** @default 10 */
  readonly readinessInitialDelaySeconds?: number;
  /** @default 60 */
  readonly livenessPeriodSeconds?: number;
}

/** The LoadBalancer Service (an NLB) in front of the Molecule. */
export interface MoleculeService {
  /** @default 80 */
  readonly port?: number;
  /** Also the container port of `atom-node`. @default 9090 */
  readonly targetPort?: number;
  /** @default 'internet-facing' */
  readonly scheme?: LoadBalancerScheme;
  /** Client CIDRs allowed to reach the NLB (`spec.loadBalancerSourceRanges`). @default [] (no restriction: for an internet-facing NLB that is the whole internet) */
  readonly sourceRanges?: readonly string[];
}

/** The autoscaling/v2 HorizontalPodAutoscaler of the StatefulSet. */
export interface MoleculeHpa {
  /** @default true */
  readonly enabled?: boolean;
  /** @default 3 */
  readonly minReplicas?: number;
  /** @default 20 */
  readonly maxReplicas?: number;
  /** Target average CPU utilization, % of the request. @default 50 */
  readonly cpuUtilization?: number;
  /** Target average memory utilization, % of the request. @default 50 */
  readonly memoryUtilization?: number;
  /**
   * When false, the HPA never scales down (`behavior.scaleDown.selectPolicy: Disabled`):
   * the seed's answer to Atom Queues, which lose data on scale-down.
   * @default true
   */
  readonly scaleDownEnabled?: boolean;
  /** @default 60 */
  readonly scaleDownStabilizationSeconds?: number;
}

/** The PodDisruptionBudget of the Molecule pods. */
export interface MoleculePodDisruptionBudget {
  /** @default true */
  readonly enabled?: boolean;
  /** A count (1) or a percentage ('25%'). @default 1 */
  readonly maxUnavailable?: number | string;
}

/** A pod toleration (the subset of the Kubernetes fields a node taint needs). */
export interface MoleculeToleration {
  /** Taint key. @default - every key (with operator 'Exists') */
  readonly key?: string;
  /** @default 'Equal' (Kubernetes' default) */
  readonly operator?: 'Exists' | 'Equal';
  /** Must be empty with 'Exists'. @default '' */
  readonly value?: string;
  /** @default - every effect */
  readonly effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  /** How long a NoExecute taint is tolerated. @default - forever */
  readonly tolerationSeconds?: number;
}

/**
 * Where one Molecule keeps /mnt/boomi: the EFS StorageClass, its static
 * PersistentVolume and the claim. Several Molecules on one cluster each need
 * their own PV (cluster-scoped) and access point; they may share one
 * StorageClass (`createStorageClass: false` on all but one, same name).
 */
export interface MoleculeStorage {
  /** StorageClass of the PV and PVC. @default - 'efs-sc', or '<name>-efs-sc' when the chart's `name` is set */
  readonly storageClassName?: string;
  /**
   * Emit the StorageClass. Set false to use one that exists already (made by
   * another Molecule's chart, the cluster, or your own code) under `storageClassName`.
   * @default true
   */
  readonly createStorageClass?: boolean;
  /** The static EFS PersistentVolume (cluster-scoped). @default - 'efs-pv', or '<name>-efs-pv' when the chart's `name` is set */
  readonly persistentVolumeName?: string;
  /** The claim the pods mount (namespaced). @default 'efs-claim' */
  readonly persistentVolumeClaimName?: string;
  /** The PV's mount options (efs-utils). @default ['tls', 'iam'] */
  readonly mountOptions?: readonly string[];
}

/**
 * Props of {@link MoleculeChart}. Defaults reproduce seed 000's YAML, except the
 * production-safe ones listed in docs/production-defaults.md (pod security,
 * NetworkPolicy, topology spread, disk-backed /run and /tmp, platform URL).
 */
export interface MoleculeChartProps {
  /**
   * The Molecule's name among several on one cluster: it prefixes the names of
   * its cluster-scoped objects (`<name>-efs-sc`, `<name>-efs-pv`), so two
   * Molecules (in two namespaces) do not overwrite each other's.
   * @default - none: seed 000's names ('efs-sc', 'efs-pv'), for one Molecule per cluster
   */
  readonly name?: string;
  /**
   * Names of the StorageClass, PV and PVC, whether to create the StorageClass, and the PV's mount options.
   * @default - StorageClass 'efs-sc' (created), PV 'efs-pv', PVC 'efs-claim', mount options tls and iam; with `name`, the StorageClass and PV are '<name>-efs-sc' and '<name>-efs-pv'
   */
  readonly storage?: MoleculeStorage;
  /** EFS file system id (`fs-…`) or a cdktf token. */
  readonly fileSystemId: string;
  /** EFS access point id (`fsap-…`) or a cdktf token. PV volumeHandle is `<fs>::<fsap>`. */
  readonly accessPointId: string;
  /** Namespace of every namespaced object. @default 'boomi' */
  readonly namespace?: string;
  /** Emit the Namespace object. Set false for a namespace that already exists. @default true */
  readonly createNamespace?: boolean;
  /** Capacity of the PV and request of the PVC. @default '5Gi' */
  readonly storageSize?: string;
  /** @default { repository: 'boomi/molecule', tag: 'release' } (pull policy from the tag: Always for a mutable one, else IfNotPresent) */
  readonly image?: MoleculeImage;
  /** @default { runAsUser: 1000, runAsGroup: 1000 } */
  readonly security?: MoleculeSecurity;
  /** @default { zone: 'DoNotSchedule', hostname: 'ScheduleAnyway' } */
  readonly topologySpread?: MoleculeTopologySpread;
  /** @default { enabled: true, clusterCidrs: [], platformCidrs: ['0.0.0.0/0'], extraEgress: [], extraIngress: [] } */
  readonly networkPolicy?: MoleculeNetworkPolicy;
  /** Initial StatefulSet replicas. @default 3 */
  readonly replicas?: number;
  /** Must exceed the Molecule's forceRestartOverride. @default 60 */
  readonly terminationGracePeriodSeconds?: number;
  /** BOOMI_ATOMNAME. @default 'boomi-molecule-eks' */
  readonly atomName?: string;
  /** BOOMI_CONTAINERNAME. @default 'boomi-molecule-eks' */
  readonly containerName?: string;
  /** URL of the platform. @default 'https://platform.boomi.com' (the image's own default) */
  readonly platformUrl?: string;
  /** ATOM_VMOPTIONS_OVERRIDES, `|`-separated. @default '' */
  readonly vmOptionsOverrides?: string;
  /** CONTAINER_PROPERTIES_OVERRIDES, `|`-separated. @default '' */
  readonly containerPropertiesOverrides?: string;
  /** @default { cpuRequest: '500m', memoryRequest: '1024Mi', cpuLimit: '1000m', memoryLimit: '1536Mi' } */
  readonly resources?: MoleculeResources;
  /** @default { startupFailureThreshold: 60, readinessPeriodSeconds: 10, readinessInitialDelaySeconds: 10, livenessPeriodSeconds: 60 } */
  readonly probes?: MoleculeProbes;
  /**
   * The Secret the env reads (keys `account` plus `username`/`password` or `token`).
   * The chart does not create it: its values come from Secrets Manager in the stack.
   * @default 'boomi-secret'
   */
  readonly secretName?: string;
  /** `password`: BOOMI_USERNAME + BOOMI_PASSWORD; `installerToken`: INSTALL_TOKEN. @default 'password' */
  readonly authKind?: MoleculeAuthKind;
  /**
   * `Disk` (seed 000's plain emptyDir): /run and /tmp on the node's disk.
   * `Memory`: a tmpfs, whose pages count toward the container's memory limit
   * (and the HPA's memory metric).
   * @default 'Disk'
   */
  readonly tmpfsMedium?: 'Memory' | 'Disk';
  /** @default { port: 80, targetPort: 9090, scheme: 'internet-facing', sourceRanges: [] } */
  readonly service?: MoleculeService;
  /** @default { enabled: true, minReplicas: 3, maxReplicas: 20, cpuUtilization: 50, memoryUtilization: 50, scaleDownEnabled: true, scaleDownStabilizationSeconds: 60 } */
  readonly hpa?: MoleculeHpa;
  /** @default { enabled: true, maxUnavailable: 1 } */
  readonly podDisruptionBudget?: MoleculePodDisruptionBudget;
  /** @default - none */
  readonly nodeSelector?: Readonly<Record<string, string>>;
  /** @default - none */
  readonly tolerations?: readonly MoleculeToleration[];
  /**
   * Annotations of the pod template, e.g. `prometheus.io/scrape` for a metrics
   * endpoint. Values are strings (`"true"`, not `true`).
   * @default - none
   */
  readonly podAnnotations?: Readonly<Record<string, string>>;
}

/** The props with every default applied. */
export interface ResolvedMoleculeProps
  extends Required<
    Omit<
      MoleculeChartProps,
      | 'name'
      | 'storage'
      | 'image'
      | 'resources'
      | 'probes'
      | 'service'
      | 'hpa'
      | 'podDisruptionBudget'
      | 'nodeSelector'
      | 'tolerations'
      | 'podAnnotations'
      | 'security'
      | 'topologySpread'
      | 'networkPolicy'
    >
  > {
  readonly name?: string;
  readonly storage: Required<MoleculeStorage>;
  readonly image: MoleculeImage & { readonly repository: string; readonly tag: string };
  readonly security: Required<MoleculeSecurity>;
  readonly topologySpread: Required<MoleculeTopologySpread>;
  readonly networkPolicy: Required<MoleculeNetworkPolicy>;
  readonly resources: Required<MoleculeResources>;
  readonly probes: Required<MoleculeProbes>;
  readonly service: Required<MoleculeService>;
  readonly hpa: Required<MoleculeHpa>;
  readonly podDisruptionBudget: Required<MoleculePodDisruptionBudget>;
  readonly nodeSelector?: Readonly<Record<string, string>>;
  readonly tolerations?: readonly MoleculeToleration[];
  readonly podAnnotations?: Readonly<Record<string, string>>;
}

/** Applies {@link MOLECULE_DEFAULTS} under the given props (props win, group by group). */
export function resolveMoleculeProps(props: MoleculeChartProps): ResolvedMoleculeProps {
  const d = MOLECULE_DEFAULTS;
  return {
    ...d,
    ...stripUndefined(props),
    fileSystemId: props.fileSystemId,
    accessPointId: props.accessPointId,
    storage: resolveStorage(props),
    image: { ...d.image, ...stripUndefined(props.image) },
    security: { ...d.security, ...stripUndefined(props.security) },
    topologySpread: { ...d.topologySpread, ...stripUndefined(props.topologySpread) },
    networkPolicy: { ...d.networkPolicy, ...stripUndefined(props.networkPolicy) },
    resources: { ...d.resources, ...stripUndefined(props.resources) },
    probes: { ...d.probes, ...stripUndefined(props.probes) },
    service: { ...d.service, ...stripUndefined(props.service) },
    hpa: { ...d.hpa, ...stripUndefined(props.hpa) },
    podDisruptionBudget: { ...d.podDisruptionBudget, ...stripUndefined(props.podDisruptionBudget) },
  };
}

/** The storage names: the defaults, prefixed with the Molecule's `name` for the cluster-scoped ones; given names win. */
function resolveStorage(props: MoleculeChartProps): Required<MoleculeStorage> {
  const d = MOLECULE_DEFAULTS.storage;
  const prefix = props.name ? `${props.name}-` : '';
  return {
    ...d,
    storageClassName: `${prefix}${d.storageClassName}`,
    persistentVolumeName: `${prefix}${d.persistentVolumeName}`,
    ...stripUndefined(props.storage),
  };
}

/** Drops keys whose value is undefined, so `{ tag: undefined }` keeps the default. */
function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
