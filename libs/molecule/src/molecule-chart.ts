import { Chart } from 'cdk8s';
import { Token } from 'cdktf';
import { throwIfIssues } from '@boomi-eks/primitives';
import { Construct } from 'constructs';
import * as k8s from 'cdk8s-plus-33/lib/imports/k8s';
import { MoleculeChartProps, ResolvedMoleculeProps, moleculeImageReference, resolveMoleculeProps } from './molecule-props';
import { validateMoleculeProps } from './validate-molecule-props';
import { MOLECULE_NETWORK_POLICY_NAMES, NetworkPolicySpec, moleculeNetworkPolicies } from './molecule-network-policy';

/** Object names of seed 000, used as-is (the storage ones are defaults: see MoleculeStorage). */
export const MOLECULE_OBJECT_NAMES = {
  storageClass: 'efs-sc',
  persistentVolume: 'efs-pv',
  persistentVolumeClaim: 'efs-claim',
  service: 'molecule-service',
  statefulSet: 'molecule',
  horizontalPodAutoscaler: 'molecule-hpa',
  podDisruptionBudget: 'molecule-pdb',
  container: 'atom-node',
} as const;

/** Label that ties the Service, StatefulSet, HPA and PDB to the Molecule pods. */
export const MOLECULE_SELECTOR_LABELS: Readonly<Record<string, string>> = { app: 'molecule' };

const EFS_CSI_DRIVER = 'efs.csi.aws.com';
const INSTALLATION_DIRECTORY = '/mnt/boomi';
const NLB_ANNOTATION = 'service.beta.kubernetes.io/aws-load-balancer-type';
const SCHEME_ANNOTATION = 'service.beta.kubernetes.io/aws-load-balancer-scheme';
/** What the in-tree AWS cloud provider reads (it ignores the scheme annotation). */
const INTERNAL_ANNOTATION = 'service.beta.kubernetes.io/aws-load-balancer-internal';

/**
 * The Boomi Molecule's Kubernetes objects as seed 000: StorageClass,
 * static EFS PersistentVolume and its claim, the NLB Service, the StatefulSet,
 * an autoscaling/v2 HPA and a PodDisruptionBudget, plus the Namespace; with
 * production-safe additions (docs/production-defaults.md): pod and container
 * securityContext, no service-account token, topology spread over zones and
 * hosts, and a default-deny NetworkPolicy with the Molecule's allowances.
 *
 * The Chart itself carries no namespace (cdk8s would stamp it on the
 * cluster-scoped StorageClass and PV too); each namespaced object sets it.
 * The Secret is not here: its values come from Secrets Manager in the stack.
 */
export class MoleculeChart extends Chart {
  /** The props with defaults applied. */
  readonly config: ResolvedMoleculeProps;
  /** Namespace of every namespaced object. */
  readonly namespaceName: string;
  /** StorageClass of the PV and PVC (`efs-sc`, `<name>-efs-sc`, or `storage.storageClassName`). */
  readonly storageClassName: string;
  /** The static EFS PersistentVolume (`efs-pv`, `<name>-efs-pv`, or `storage.persistentVolumeName`). */
  readonly persistentVolumeName: string;
  /** The claim the pods mount at /mnt/boomi (`efs-claim`, or `storage.persistentVolumeClaimName`). */
  readonly persistentVolumeClaimName: string;
  /** The NLB Service; its load balancer hostname is in the object's status (`molecule-service`). */
  readonly serviceName: string = MOLECULE_OBJECT_NAMES.service;
  /** The StatefulSet; pods are `<name>-0`, `<name>-1`, … (`molecule`). */
  readonly statefulSetName: string = MOLECULE_OBJECT_NAMES.statefulSet;
  /** Undefined when `hpa.enabled` is false. */
  readonly horizontalPodAutoscalerName?: string;
  /** Undefined when `podDisruptionBudget.enabled` is false. */
  readonly podDisruptionBudgetName?: string;
  /** The Secret the container env reads; created outside this chart. */
  readonly secretName: string;
  /** Escape hatches: the typed objects (undefined when left out by the props). */
  readonly namespaceObject?: k8s.KubeNamespace;
  /** Undefined when `storage.createStorageClass` is false (a shared StorageClass). */
  readonly storageClass?: k8s.KubeStorageClass;
  readonly persistentVolume: k8s.KubePersistentVolume;
  readonly persistentVolumeClaim: k8s.KubePersistentVolumeClaim;
  readonly service: k8s.KubeService;
  readonly statefulSet: k8s.KubeStatefulSet;
  readonly horizontalPodAutoscaler?: k8s.KubeHorizontalPodAutoscalerV2;
  readonly podDisruptionBudget?: k8s.KubePodDisruptionBudget;
  /** `default-deny-all` and `molecule` (undefined when `networkPolicy.enabled` is false). */
  readonly networkPolicies?: { readonly defaultDeny: k8s.KubeNetworkPolicy; readonly molecule: k8s.KubeNetworkPolicy };

  constructor(scope: Construct, id: string, props: MoleculeChartProps) {
    super(scope, id);
    const c = resolveMoleculeProps(props);
    throwIfIssues(`MoleculeChart '${id}'`, validateMoleculeProps(c, { isUnresolved: (v) => Token.isUnresolved(v) }));
    this.config = c;
    this.namespaceName = c.namespace;
    this.secretName = c.secretName;
    this.storageClassName = c.storage.storageClassName;
    this.persistentVolumeName = c.storage.persistentVolumeName;
    this.persistentVolumeClaimName = c.storage.persistentVolumeClaimName;
    const namespace = c.namespace;
    const labels = { ...MOLECULE_SELECTOR_LABELS };
    const storage = k8s.Quantity.fromString(c.storageSize);

    if (c.createNamespace) {
      this.namespaceObject = new k8s.KubeNamespace(this, 'namespace', { metadata: { name: namespace } });
    }
    if (c.storage.createStorageClass) {
      this.storageClass = new k8s.KubeStorageClass(this, 'storage-class', {
        metadata: { name: this.storageClassName },
        provisioner: EFS_CSI_DRIVER,
      });
    }
    this.persistentVolume = new k8s.KubePersistentVolume(this, 'persistent-volume', {
      metadata: { name: this.persistentVolumeName },
      spec: {
        capacity: { storage },
        volumeMode: 'Filesystem',
        accessModes: ['ReadWriteMany'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: this.storageClassName,
        mountOptions: [...c.storage.mountOptions],
        csi: { driver: EFS_CSI_DRIVER, volumeHandle: `${c.fileSystemId}::${c.accessPointId}` },
      },
    });
    this.persistentVolumeClaim = new k8s.KubePersistentVolumeClaim(this, 'persistent-volume-claim', {
      metadata: { name: this.persistentVolumeClaimName, namespace },
      spec: {
        accessModes: ['ReadWriteMany'],
        storageClassName: this.storageClassName,
        volumeName: this.persistentVolumeName,
        resources: { requests: { storage } },
      },
    });
    this.service = new k8s.KubeService(this, 'service', {
      metadata: { name: this.serviceName, namespace, labels, annotations: serviceAnnotations(c) },
      spec: {
        type: 'LoadBalancer',
        selector: labels,
        ports: [{ protocol: 'TCP', port: c.service.port, targetPort: k8s.IntOrString.fromNumber(c.service.targetPort) }],
        loadBalancerSourceRanges: c.service.sourceRanges.length > 0 ? [...c.service.sourceRanges] : undefined,
      },
    });
    this.statefulSet = new k8s.KubeStatefulSet(this, 'stateful-set', {
      metadata: { name: this.statefulSetName, namespace, labels },
      spec: {
        selector: { matchLabels: labels },
        serviceName: this.serviceName,
        replicas: c.replicas,
        template: {
          metadata: { labels, annotations: c.podAnnotations && Object.keys(c.podAnnotations).length > 0 ? { ...c.podAnnotations } : undefined },
          spec: podSpec(c, this.persistentVolumeClaimName),
        },
      },
    });
    if (c.hpa.enabled) {
      this.horizontalPodAutoscalerName = MOLECULE_OBJECT_NAMES.horizontalPodAutoscaler;
      this.horizontalPodAutoscaler = new k8s.KubeHorizontalPodAutoscalerV2(this, 'horizontal-pod-autoscaler', {
        metadata: { name: this.horizontalPodAutoscalerName, namespace, labels },
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'StatefulSet', name: this.statefulSetName },
          minReplicas: c.hpa.minReplicas,
          maxReplicas: c.hpa.maxReplicas,
          metrics: [
            { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: c.hpa.cpuUtilization } } },
            { type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: c.hpa.memoryUtilization } } },
          ],
          behavior: {
            scaleDown: {
              stabilizationWindowSeconds: c.hpa.scaleDownStabilizationSeconds,
              selectPolicy: c.hpa.scaleDownEnabled ? undefined : 'Disabled',
            },
          },
        },
      });
    }
    if (c.networkPolicy.enabled) {
      const specs = moleculeNetworkPolicies(c, labels);
      const policy = (key: keyof typeof specs) =>
        new k8s.KubeNetworkPolicy(this, `network-policy-${key === 'defaultDeny' ? 'default-deny' : key}`, {
          metadata: { name: MOLECULE_NETWORK_POLICY_NAMES[key], namespace },
          spec: typedNetworkPolicySpec(specs[key]),
        });
      this.networkPolicies = { defaultDeny: policy('defaultDeny'), molecule: policy('molecule') };
    }
    if (c.podDisruptionBudget.enabled) {
      const maxUnavailable = c.podDisruptionBudget.maxUnavailable;
      this.podDisruptionBudgetName = MOLECULE_OBJECT_NAMES.podDisruptionBudget;
      this.podDisruptionBudget = new k8s.KubePodDisruptionBudget(this, 'pod-disruption-budget', {
        metadata: { name: this.podDisruptionBudgetName, namespace, labels },
        spec: {
          maxUnavailable:
            typeof maxUnavailable === 'number' ? k8s.IntOrString.fromNumber(maxUnavailable) : k8s.IntOrString.fromString(maxUnavailable),
          selector: { matchLabels: labels },
        },
      });
    }
  }
}

/** Ports become IntOrString (cdk8s drops a plain number there). */
function typedNetworkPolicySpec(spec: NetworkPolicySpec): k8s.NetworkPolicySpec {
  const rule = <R extends { ports?: { protocol: string; port: number }[] }>(r: R) => ({
    ...r,
    ports: r.ports?.map((p) => ({ protocol: p.protocol, port: k8s.IntOrString.fromNumber(p.port) })),
  });
  return { ...spec, ingress: spec.ingress?.map(rule), egress: spec.egress?.map(rule) } as k8s.NetworkPolicySpec;
}

function serviceAnnotations(c: ResolvedMoleculeProps): Record<string, string> {
  const annotations: Record<string, string> = { [NLB_ANNOTATION]: 'nlb', [SCHEME_ANNOTATION]: c.service.scheme };
  if (c.service.scheme === 'internal') annotations[INTERNAL_ANNOTATION] = 'true';
  return annotations;
}

/**
 * Pod-level security: the image's non-root `boomi` user and group, fsGroup for
 * the pod's volumes, the runtime's default seccomp profile.
 */
export function moleculePodSecurityContext(c: Pick<ResolvedMoleculeProps, 'security'>): k8s.PodSecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: c.security.runAsUser,
    runAsGroup: c.security.runAsGroup,
    fsGroup: c.security.runAsGroup,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/**
 * Container-level security: no privilege escalation, every capability
 * dropped, not privileged. `readOnlyRootFilesystem` stays false: the image
 * writes outside its volumes (documented exception, docs/production-defaults.md).
 */
export const MOLECULE_CONTAINER_SECURITY_CONTEXT: k8s.SecurityContext = {
  allowPrivilegeEscalation: false,
  privileged: false,
  readOnlyRootFilesystem: false,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

function topologySpread(c: ResolvedMoleculeProps): k8s.TopologySpreadConstraint[] {
  const labelSelector = { matchLabels: { ...MOLECULE_SELECTOR_LABELS } };
  return [
    { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: c.topologySpread.zone, labelSelector },
    { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: c.topologySpread.hostname, labelSelector },
  ];
}

function podSpec(c: ResolvedMoleculeProps, claimName: string): k8s.PodSpec {
  const probe = (stage: string) => ({ exec: { command: ['sh', '/home/boomi/probe.sh', stage] } });
  const image = moleculeImageReference(c.image);
  return {
    terminationGracePeriodSeconds: c.terminationGracePeriodSeconds,
    // The Molecule never calls the Kubernetes API: no token in the pod.
    automountServiceAccountToken: false,
    securityContext: moleculePodSecurityContext(c),
    topologySpreadConstraints: topologySpread(c),
    nodeSelector: c.nodeSelector ? { ...c.nodeSelector } : undefined,
    tolerations: c.tolerations?.map((t) => ({ ...t })),
    volumes: [
      { name: 'molecule-storage', persistentVolumeClaim: { claimName } },
      { name: 'tmpfs', emptyDir: c.tmpfsMedium === 'Memory' ? { medium: 'Memory' } : {} },
      { name: 'cgroup', hostPath: { path: '/sys/fs/cgroup', type: 'Directory' } },
    ],
    containers: [
      {
        name: MOLECULE_OBJECT_NAMES.container,
        image: image.image,
        imagePullPolicy: image.pullPolicy,
        securityContext: MOLECULE_CONTAINER_SECURITY_CONTEXT,
        ports: [{ containerPort: c.service.targetPort, protocol: 'TCP' }],
        lifecycle: { preStop: { exec: { command: ['sh', '/home/boomi/scaledown.sh'] } } },
        resources: {
          limits: { cpu: k8s.Quantity.fromString(c.resources.cpuLimit), memory: k8s.Quantity.fromString(c.resources.memoryLimit) },
          requests: { cpu: k8s.Quantity.fromString(c.resources.cpuRequest), memory: k8s.Quantity.fromString(c.resources.memoryRequest) },
        },
        volumeMounts: [
          { name: 'molecule-storage', mountPath: INSTALLATION_DIRECTORY },
          { name: 'tmpfs', mountPath: '/run' },
          { name: 'tmpfs', mountPath: '/tmp' },
          // Read by the JVM for its container limits; never written.
          { name: 'cgroup', mountPath: '/sys/fs/cgroup', readOnly: true },
        ],
        startupProbe: { ...probe('startup'), failureThreshold: c.probes.startupFailureThreshold },
        readinessProbe: {
          ...probe('readiness'),
          periodSeconds: c.probes.readinessPeriodSeconds,
          initialDelaySeconds: c.probes.readinessInitialDelaySeconds,
        },
        livenessProbe: { ...probe('liveness'), periodSeconds: c.probes.livenessPeriodSeconds },
        env: moleculeEnv(c),
      },
    ],
  };
}

/** The container env in seed 000's order; the credentials depend on `authKind`. */
function moleculeEnv(c: ResolvedMoleculeProps): k8s.EnvVar[] {
  const secret = (name: string, key: string): k8s.EnvVar => ({ name, valueFrom: { secretKeyRef: { name: c.secretName, key } } });
  const credentials =
    c.authKind === 'installerToken'
      ? [secret('INSTALL_TOKEN', 'token')]
      : [secret('BOOMI_USERNAME', 'username'), secret('BOOMI_PASSWORD', 'password')];
  return [
    { name: 'BOOMI_ATOMNAME', value: c.atomName },
    { name: 'ATOM_LOCALHOSTID', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    secret('BOOMI_ACCOUNTID', 'account'),
    { name: 'URL', value: c.platformUrl },
    ...credentials,
    { name: 'BOOMI_CONTAINERNAME', value: c.containerName },
    { name: 'INSTALLATION_DIRECTORY', value: INSTALLATION_DIRECTORY },
    { name: 'ATOM_VMOPTIONS_OVERRIDES', value: c.vmOptionsOverrides },
    { name: 'CONTAINER_PROPERTIES_OVERRIDES', value: c.containerPropertiesOverrides },
  ];
}
