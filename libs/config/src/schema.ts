/**
 * The zod schema of one environment. Every default reproduces seed 000 (the
 * Boomi Molecule on EKS reference architecture) unless its comment says why not.
 * Objects are strict: a misspelt key is an error, not a silently ignored value.
 */
import { z } from 'zod';
import { cidr, duration, k8sName, libBounds, memory, resources } from './schema-fields';
import { moleculeProductionFields } from './schema-molecule';
import { EncryptionSchema } from './schema-encryption';
import { containerLogsSchema } from './schema-logging';
import { CiSchema, MonitoringSchema, NodeHealthSchema, NodeLocalDnsSchema } from './schema-extras';
import { DEFAULT_KUBERNETES_VERSION } from './catalog';
import { amiType, releaseVersion, supportType } from './schema-upgrades';
import { AUTOSCALER_KINDS, KarpenterSchema } from './schema-karpenter';
import { withAdditionalMolecules } from './schema-molecules';
import { DEFAULT_HEAP_MIB } from './jvm';
import { MOLECULE_DEFAULTS, MOLECULE_EXTERNAL_SECRET_DEFAULTS, MOLECULE_LIMITS } from '@boomi-eks/molecule/rules';
import { NETWORK_DEFAULTS } from '@boomi-eks/network/rules';
import { EFS_DEFAULTS, MAX_POSIX_ID } from '@boomi-eks/efs/rules';

// Defaults owned by the libraries that build the resources (their `/rules`
// entry points); their range and format rules run after parsing (rules-libs.ts).
const MOLECULE = MOLECULE_DEFAULTS;
const NETWORK = NETWORK_DEFAULTS;
const LIMITS = MOLECULE_LIMITS;
/** The pods run as the file system's owner: the chart refuses root, EFS ids above MAX_POSIX_ID. */
const OWNER_ID = libBounds({ min: LIMITS.security.runAsUser.min, max: MAX_POSIX_ID });
// Defaults owned by the libs that build the resources (their light /rules entry points).
import { CAPACITY_TYPES, CLUSTER_DEFAULTS, NODE_DISK_SIZE_GIB, NODE_GROUP_DEFAULTS } from '@boomi-eks/eks/rules';
import { CLUSTER_AUTOSCALER_DEFAULTS, EXPANDERS } from '@boomi-eks/autoscaling/rules';

const NG = NODE_GROUP_DEFAULTS;
const CL = CLUSTER_DEFAULTS;
const CA = CLUSTER_AUTOSCALER_DEFAULTS;
/** A mutable copy of a lib's frozen default resources (zod's output type is mutable). */
const copyResources = (r: typeof CA.resources) => ({ requests: { ...r.requests }, limits: { ...r.limits } });

/** CloudWatch Logs accepts only these retention periods (days). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
  3288, 3653,
] as const;
const retentionDays = z
  .number()
  .int()
  .refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), {
    message: `must be one of CloudWatch's retention periods: ${LOG_RETENTION_DAYS.join(', ')}`,
  });

export const TaintSchema = z.strictObject({
  key: z.string().min(1),
  value: z.string().optional(),
  effect: z.enum(['NO_SCHEDULE', 'NO_EXECUTE', 'PREFER_NO_SCHEDULE']),
});

const nodeGroupFields = {
  instanceTypes: z.array(z.string().min(1)).min(1),
  capacityType: z.enum(CAPACITY_TYPES),
  minSize: z.number().int().min(0),
  maxSize: z.number().int().min(1),
  desiredSize: z.number().int().min(0),
  diskSizeGiB: z.number().int().min(NODE_DISK_SIZE_GIB.min).max(NODE_DISK_SIZE_GIB.max),
  labels: z.record(z.string(), z.string()),
  taints: z.array(TaintSchema),
  // Upgrades (issue 15): schema-upgrades.ts
  amiType,
  releaseVersion,
};

/** Values every node group starts from (seed 000's managedNodeGroups: the eks lib's NODE_GROUP_DEFAULTS). */
export const NodeGroupDefaultsSchema = z.strictObject({
  /** @default ['m5.large'] (eksctl's default instance type, which seed 000 used) */
  instanceTypes: nodeGroupFields.instanceTypes.default([...NG.instanceTypes]),
  /** @default 'ON_DEMAND' */
  capacityType: nodeGroupFields.capacityType.default(NG.capacityType),
  /** @default 1 (seed 000) */
  minSize: nodeGroupFields.minSize.default(NG.minSize),
  /** @default 100 (seed 000) */
  maxSize: nodeGroupFields.maxSize.default(NG.maxSize),
  /** Initial size only: ignored after create so redeploys never undo the autoscaler. @default 1 (seed 000) */
  desiredSize: nodeGroupFields.desiredSize.default(NG.desiredSize),
  /** Root volume (gp3, encrypted) in GiB. @default 20 (seed 000) */
  diskSizeGiB: nodeGroupFields.diskSizeGiB.default(NG.diskSizeGiB),
  /** Kubernetes node labels. @default {} */
  labels: nodeGroupFields.labels.default({ ...NG.labels }),
  /** Kubernetes node taints. @default [] */
  taints: nodeGroupFields.taints.default([...NG.taints]),
  // --- Upgrades (issue 15): see schema-upgrades.ts and upgrade-rules.ts ---
  /**
   * Node AMI type. @default 'AL2023_x86_64_STANDARD', or 'AL2023_ARM_64_STANDARD'
   * when every instance type of the group is Graviton (arm64); a type of the
   * other architecture is refused, never silently mixed.
   */
  amiType: nodeGroupFields.amiType.optional(),
  /**
   * Pin the nodes' AMI release (`<kubernetes version>-<YYYYMMDD>`); its minor must
   * be the cluster's. @default - the latest AMI release for the cluster's minor
   * at node group create or version update
   */
  releaseVersion: nodeGroupFields.releaseVersion.optional(),
});

/** One explicit node group: a name, its one AZ, and any field to override. */
export const NodeGroupEntrySchema = z.strictObject({
  /** EKS node group name; also names its launch template. */
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/, {
    message: 'must start with a letter or digit and hold only letters, digits, - and _ (at most 63)',
  }),
  /** The one AZ of this group's nodes (seed 000: one group per AZ, for the StatefulSet). */
  availabilityZone: z.string(),
  instanceTypes: nodeGroupFields.instanceTypes.optional(),
  capacityType: nodeGroupFields.capacityType.optional(),
  minSize: nodeGroupFields.minSize.optional(),
  maxSize: nodeGroupFields.maxSize.optional(),
  desiredSize: nodeGroupFields.desiredSize.optional(),
  diskSizeGiB: nodeGroupFields.diskSizeGiB.optional(),
  labels: nodeGroupFields.labels.optional(),
  taints: nodeGroupFields.taints.optional(),
  // Upgrades (issue 15)
  amiType: nodeGroupFields.amiType.optional(),
  releaseVersion: nodeGroupFields.releaseVersion.optional(),
});

export const EnvironmentSchema = withAdditionalMolecules(z.strictObject({
  /** Environment name: prefixes stack ids (`<name>-network`) and resource names. */
  name: z.string().regex(/^[a-z][a-z0-9-]{1,15}$/, {
    message: 'must be 2-16 characters: a lower-case letter, then lower-case letters, digits or -',
  }),
  /** AWS region, e.g. us-east-1. */
  region: z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/, {
    message: 'must be an AWS region code such as us-east-1',
  }),
  /** AWS account id the stacks deploy to; the providers refuse any other account. */
  accountId: z.string().regex(/^\d{12}$/, { message: 'must be a 12-digit AWS account id' }),
  /** AZs of the region to spread over (seed 000: us-east-1a, -1b, -1c). */
  availabilityZones: z.array(z.string()).min(1).max(6),
  /** Tags on every taggable AWS resource (merged over `Environment` and `ManagedBy`). */
  tags: z.record(z.string(), z.string()).default({}),

  /** Where Terraform state lives (the bucket the `state` stack creates). */
  state: z.strictObject({
    bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
      message: 'must be a valid S3 bucket name (3-63 lower-case letters, digits, . and -)',
    }),
    /** @default the environment's region */
    region: z.string().optional(),
    /**
     * An existing bucket for the state bucket's S3 server access logs (it must
     * accept log delivery from S3). @default - none: no access logging (CloudTrail
     * data events are the other way to audit state reads)
     */
    accessLogBucket: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be a valid S3 bucket name (3-63 lower-case letters, digits, . and -)' })
      .optional(),
  }),

  network: z
    .strictObject({
      /** @default '10.100.0.0/16' (seed 000) */
      vpcCidr: cidr.default(NETWORK.vpcCidr),
      /** One NAT gateway per AZ (AZ-independent egress) or a single one (cheaper). @default 'one-per-az' */
      natGateways: z.enum(['one-per-az', 'single']).default(NETWORK.natGateways),
      /** @default 30 */
      flowLogRetentionDays: retentionDays.default(NETWORK.flowLogRetentionDays),
    })
    .prefault({}),

  cluster: z.strictObject({
    /** @default `<name>-boomi-molecule` */
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, {
        message: 'must start with a letter or digit and hold only letters, digits, - and _',
      })
      .optional(),
    /**
     * Kubernetes minor, pinned; node groups follow it. Seed 000 used 1.16, which
     * EKS no longer offers; the default is the newest minor with the longest
     * standard support (catalog.ts, lifecycle.ts). Change it one minor at a time
     * (docs/upgrades.md). @default '1.36'
     */
    kubernetesVersion: z.string().regex(/^1\.\d{2}$/, { message: 'must be a minor such as 1.36' }).default(DEFAULT_KUBERNETES_VERSION),
    /**
     * EKS upgrade policy (schema-upgrades.ts). STANDARD: at the end of standard
     * support EKS upgrades the control plane to the next minor on its own, with
     * no extended-support charge. EXTENDED: the cluster keeps its minor 12 more
     * months at a higher cost per cluster-hour. @default 'STANDARD'
     */
    supportType: supportType.default(CL.supportType),
    endpoint: z
      .strictObject({
        /** @default true */
        publicAccess: z.boolean().default(CL.endpointPublicAccess),
        /** Required when publicAccess is on: the networks that may reach the API. @default [] */
        publicAccessCidrs: z.array(cidr).default([...CL.publicAccessCidrs]),
        /** @default true */
        privateAccess: z.boolean().default(CL.endpointPrivateAccess),
        /** Accept 0.0.0.0/0 in publicAccessCidrs: the API open to the whole internet (refused otherwise). @default false */
        acceptOpenToInternet: z.boolean().default(false),
      })
      .prefault({}),
    /** Kubernetes service CIDR; must not overlap the VPC. @default '172.20.0.0/16' */
    serviceIpv4Cidr: cidr.default(CL.serviceIpv4Cidr),
    /** IAM principals given cluster-admin through EKS access entries; at least one (the eks lib's rule). */
    adminPrincipalArns: z.array(
      z.string().regex(/^arn:aws[a-z-]*:(iam|sts)::\d{12}:(role|user|assumed-role)\/.+$/, {
        message: 'must be an IAM role or user ARN',
      }),
    ),
    /** Control-plane log retention. @default 90 */
    logRetentionDays: retentionDays.default(CL.logRetentionDays),
  }),

  /** Values every node group starts from; a group's own fields win. */
  nodeGroupDefaults: NodeGroupDefaultsSchema.prefault({}),
  /** Explicit node groups; when left out, one per AZ named after the AZ (seed 000). */
  nodeGroups: z.array(NodeGroupEntrySchema).min(1).optional(),

  molecule: z.strictObject({
    /** @default 'boomi' */
    namespace: k8sName.default(MOLECULE.namespace),
    /** BOOMI_ATOMNAME. @default 'boomi-molecule-eks' (seed 000) */
    atomName: z.string().min(1).default(MOLECULE.atomName),
    /** BOOMI_CONTAINERNAME. @default 'boomi-molecule-eks' (seed 000) */
    containerName: z.string().min(1).default(MOLECULE.containerName),
    // platformUrl, sandbox, image, tmpfsMedium, zoneSpread, networkPolicy: schema-molecule.ts
    ...moleculeProductionFields,
    /** StatefulSet replicas at create. @default 3 (seed 000) */
    replicas: z.number().int().min(1).default(MOLECULE.replicas),
    /** @default 60 (seed 000) */
    terminationGracePeriodSeconds: z.number().int().min(1).default(MOLECULE.terminationGracePeriodSeconds),
    /** ATOM_VMOPTIONS_OVERRIDES, pipe-separated (e.g. `-Xmx1024m`). @default '' */
    vmOptionsOverrides: z.string().default(MOLECULE.vmOptionsOverrides),
    /** CONTAINER_PROPERTIES_OVERRIDES, pipe-separated `key=value`. @default '' */
    containerPropertiesOverrides: z.string().default(MOLECULE.containerPropertiesOverrides),
    /** Max heap in MiB when not given by -Xmx. @default 512 (the image's default) */
    heapMiB: z.number().int().min(64).default(DEFAULT_HEAP_MIB),
    /** @default requests 500m/1024Mi, limits 1000m/1536Mi (seed 000's YAML) */
    resources: resources.default({
      requests: { cpu: MOLECULE.resources.cpuRequest, memory: MOLECULE.resources.memoryRequest },
      limits: { cpu: MOLECULE.resources.cpuLimit, memory: MOLECULE.resources.memoryLimit },
    }),
    /** Size of the EFS-backed PV and PVC. @default '5Gi' (seed 000) */
    storageSize: memory.default(MOLECULE.storageSize),
    /** POSIX owner of the Molecule's directory on EFS (the image's boomi user). @default 1000/1000 */
    fileSystemUser: z
      .strictObject({ uid: z.number().int().meta(OWNER_ID).default(EFS_DEFAULTS.posixUser.uid), gid: z.number().int().meta(OWNER_ID).default(EFS_DEFAULTS.posixUser.gid) })
      .prefault({}),
    auth: z.strictObject({
      /** password: account + username + password; installerToken: account + token. @default 'password' */
      kind: z.enum(['password', 'installerToken']).default(MOLECULE.authKind),
      /** AWS Secrets Manager secret (name) holding the credentials as JSON. Required. Its format is the Molecule lib's rule (rules-libs.ts). */
      secretName: z.string(),
      /**
       * How often the External Secrets Operator re-reads the secret and
       * updates `boomi-secret`; running pods keep the values they started
       * with (docs/ci-and-secrets.md, "Rotation"). @default '1h'
       */
      refreshInterval: z.string().default(MOLECULE_EXTERNAL_SECRET_DEFAULTS.refreshInterval),
    }),
    atomQueues: z
      .strictObject({
        /** Whether processes use Atom Queues. @default false */
        inUse: z.boolean().default(false),
        /** Accept seed 000's known limitation: scale-down with Atom Queues loses data. @default false */
        acceptScaleDownDataLoss: z.boolean().default(false),
      })
      .prefault({}),
    service: z
      .strictObject({
        /** @default 80 (seed 000) */
        port: z.number().int().meta(libBounds(LIMITS.service.port)).default(MOLECULE.service.port),
        /** @default 9090 (seed 000) */
        targetPort: z.number().int().meta(libBounds(LIMITS.service.targetPort)).default(MOLECULE.service.targetPort),
        /** @default 'internet-facing' (seed 000's NLB) */
        scheme: z.enum(['internet-facing', 'internal']).default(MOLECULE.service.scheme),
        /** Client CIDRs allowed to the NLB listener (loadBalancerSourceRanges); required when internet-facing. @default [] */
        sourceRanges: z.array(cidr).default(() => [...MOLECULE.service.sourceRanges]),
        /** Accept 0.0.0.0/0 in sourceRanges: the load balancer open to the whole internet (refused otherwise). @default false */
        acceptOpenToInternet: z.boolean().default(false),
      })
      .prefault({}),
    probes: z
      .strictObject({
        /** @default 60 (seed 000) */
        startupFailureThreshold: z.number().int().meta(libBounds(LIMITS.probes.startupFailureThreshold)).default(MOLECULE.probes.startupFailureThreshold),
        /** @default 10 (seed 000) */
        readinessPeriodSeconds: z.number().int().meta(libBounds(LIMITS.probes.readinessPeriodSeconds)).default(MOLECULE.probes.readinessPeriodSeconds),
        /** @default 10 (seed 000) */
        readinessInitialDelaySeconds: z.number().int().meta(libBounds(LIMITS.probes.readinessInitialDelaySeconds)).default(MOLECULE.probes.readinessInitialDelaySeconds),
        /** @default 60 (seed 000) */
        livenessPeriodSeconds: z.number().int().meta(libBounds(LIMITS.probes.livenessPeriodSeconds)).default(MOLECULE.probes.livenessPeriodSeconds),
      })
      .prefault({}),
    /**
     * Which nodes the Molecule's pods may run on. `on-demand`: only ON_DEMAND
     * nodes (nodeSelector `eks.amazonaws.com/capacityType: ON_DEMAND`), because
     * a spot reclaim restarts a stateful Molecule node; the capacity rule then
     * counts only ON_DEMAND groups. `any`: every group, tolerating the spot
     * taint. @default 'on-demand'
     */
    placement: z.enum(['on-demand', 'any']).default('on-demand'),
    /**
     * A Prometheus endpoint the Molecule container serves, if you added one
     * (the boomi/molecule image exposes JMX, not Prometheus: see the README on
     * a JMX exporter). With `port` set and monitoring on, the pods get the
     * `prometheus.io/scrape|port|path` annotations. @default - no port: not annotated
     */
    metrics: z
      .strictObject({
        /** Container port of the metrics endpoint. @default - none */
        port: z.number().int().min(1).max(65535).optional(),
        /** @default '/metrics' */
        path: z.string().regex(/^\/\S*$/, { message: "must be a URL path such as '/metrics'" }).default('/metrics'),
      })
      .prefault({}),
  }),

  hpa: z
    .strictObject({
      /** @default true */
      enabled: z.boolean().default(MOLECULE.hpa.enabled),
      /** @default 3 (seed 000) */
      minReplicas: z.number().int().meta(libBounds(LIMITS.hpa.minReplicas)).default(MOLECULE.hpa.minReplicas),
      /** @default 20 (seed 000) */
      maxReplicas: z.number().int().meta(libBounds(LIMITS.hpa.maxReplicas)).default(MOLECULE.hpa.maxReplicas),
      /** At least 1 (the chart's rule); at most 100 here (this platform's policy: a target above the request is refused). @default 50 (seed 000) */
      cpuUtilization: z.number().int().max(100).meta(libBounds(LIMITS.hpa.cpuUtilization)).default(MOLECULE.hpa.cpuUtilization),
      /** At least 1 (the chart's rule); at most 100 here (this platform's policy). @default 50 (seed 000) */
      memoryUtilization: z.number().int().max(100).meta(libBounds(LIMITS.hpa.memoryUtilization)).default(MOLECULE.hpa.memoryUtilization),
      scaleDown: z
        .strictObject({
          /** Set false to never remove Molecule nodes (needed with Atom Queues). @default true */
          enabled: z.boolean().default(MOLECULE.hpa.scaleDownEnabled),
          /** 0 to 3600 (the chart's rule). @default 60 (seed 000) */
          stabilizationWindowSeconds: z.number().int().meta(libBounds(LIMITS.hpa.scaleDownStabilizationSeconds)).default(MOLECULE.hpa.scaleDownStabilizationSeconds),
        })
        .prefault({}),
    })
    .prefault({}),

  autoscaler: z
    .strictObject({
      /** @default true */
      enabled: z.boolean().default(true),
      // --- Karpenter (issue 20): schema-karpenter.ts, autoscaler-kind-rules.ts, docs/karpenter.md ---
      /** The node autoscaler. The fields below `karpenter` are cluster-autoscaler's only. @default 'cluster-autoscaler' (seed 000) */
      kind: z.enum(AUTOSCALER_KINDS).default('cluster-autoscaler'),
      /** Karpenter's NodePools, with kind 'karpenter' only. @default - schema-karpenter.ts */
      karpenter: KarpenterSchema.prefault({}),
      // --- end Karpenter ---
      /** Image tag; by default chosen from the catalog for the cluster's minor. */
      imageTag: z.string().regex(/^v\d+\.\d+\.\d+$/, { message: 'must be a tag such as v1.33.0' }).optional(),
      /** @default 'least-waste' (seed 000) */
      expander: z.enum(EXPANDERS).default(CA.expander),
      /** @default true (seed 000) */
      balanceSimilarNodeGroups: z.boolean().default(CA.balanceSimilarNodeGroups),
      /** @default false (seed 000) */
      skipNodesWithLocalStorage: z.boolean().default(CA.skipNodesWithLocalStorage),
      /** @default false (seed 000) */
      skipNodesWithSystemPods: z.boolean().default(CA.skipNodesWithSystemPods),
      /** @default '1m' (seed 000) */
      scaleDownUnneededTime: duration.default(CA.scaleDownUnneededTime),
      /** @default '1m' (seed 000) */
      scaleDownDelayAfterAdd: duration.default(CA.scaleDownDelayAfterAdd),
      /** @default '1m' (seed 000) */
      scaleDownDelayAfterFailure: duration.default(CA.scaleDownDelayAfterFailure),
      /** @default '5s' (seed 000) */
      scanInterval: duration.default(CA.scanInterval),
      /** @default 300 (seed 000: 100 per group × 3 groups) */
      maxNodesTotal: z.number().int().min(1).default(CA.maxNodesTotal),
      /** Further `--flag=value` arguments, merged last. @default {} */
      extraArgs: z.record(z.string(), z.string()).default({}),
      /** @default 100m/300Mi requests and limits (seed 000) */
      resources: resources.default(copyResources(CA.resources)),
    })
    .prefault({}),

  metricsServer: z
    .strictObject({
      /** @default true (the HPA needs it) */
      enabled: z.boolean().default(true),
    })
    .prefault({}),

  /** Node health (seed 001): see schema-extras.ts. @default off */
  nodeHealth: NodeHealthSchema.prefault({}),
  /** NodeLocal DNSCache (seed 001): see schema-extras.ts. @default off */
  nodeLocalDns: NodeLocalDnsSchema.prefault({}),
  /** Monitoring (seed 001): see schema-extras.ts. @default off */
  monitoring: MonitoringSchema.prefault({}),
  /** Customer-managed KMS keys (schema-encryption.ts). @default on */
  encryption: EncryptionSchema.prefault({}),
  /** Container and node logs to CloudWatch (schema-logging.ts). @default on */
  containerLogs: containerLogsSchema(retentionDays).prefault({}),
  /** Where CI plans this environment (docs/ci-and-secrets.md): see schema-extras.ts. @default no CI plan of the workloads stack */
  ci: CiSchema.prefault({}),
})); // withAdditionalMolecules: `additionalMolecules` (schema-molecules.ts)

/** What an environment file writes: everything with a default may be left out. */
export type EnvironmentInput = z.input<typeof EnvironmentSchema>;
/** The schema's output, before node groups are resolved. */
export type ParsedEnvironment = z.output<typeof EnvironmentSchema>;
export type NodeGroupEntry = z.output<typeof NodeGroupEntrySchema>;
export type NodeGroupDefaults = z.output<typeof NodeGroupDefaultsSchema>;
export type Taint = z.output<typeof TaintSchema>;
export type Resources = z.output<typeof resources>;
