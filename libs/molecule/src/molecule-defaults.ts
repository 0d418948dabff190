/**
 * The Molecule chart's defaults, as plain frozen data: the one owner of every
 * default of `MoleculeChartProps`. `@boomi-eks/config` builds its schema
 * defaults from this object (through `@boomi-eks/molecule/rules`), so no
 * default is written twice. No cdktf/cdk8s imports here (lint enforces it).
 */
import { deepFreeze } from '@boomi-eks/primitives';
import type { MoleculeEgressRule, MoleculeIngressRule, ResolvedMoleculeProps } from './molecule-props';

/** Tags that Boomi moves to each new image: pulling them twice may give two images. */
export const MUTABLE_IMAGE_TAGS: readonly string[] = deepFreeze(['latest', 'release', 'release-rhel']);

/** The defaults: seed 000's YAML, except the production-safe ones (docs/production-defaults.md). */
export const MOLECULE_DEFAULTS = deepFreeze({
  namespace: 'boomi',
  createNamespace: true,
  storageSize: '5Gi',
  storage: {
    storageClassName: 'efs-sc',
    createStorageClass: true,
    persistentVolumeName: 'efs-pv',
    persistentVolumeClaimName: 'efs-claim',
    mountOptions: ['tls', 'iam'] as readonly string[],
  },
  image: { repository: 'boomi/molecule', tag: 'release' },
  security: { runAsUser: 1000, runAsGroup: 1000 },
  topologySpread: { zone: 'DoNotSchedule', hostname: 'ScheduleAnyway' },
  networkPolicy: {
    enabled: true,
    clusterCidrs: [] as readonly string[],
    platformCidrs: ['0.0.0.0/0'] as readonly string[],
    extraEgress: [] as readonly MoleculeEgressRule[],
    extraIngress: [] as readonly MoleculeIngressRule[],
  },
  replicas: 3,
  terminationGracePeriodSeconds: 60,
  atomName: 'boomi-molecule-eks',
  containerName: 'boomi-molecule-eks',
  platformUrl: 'https://platform.boomi.com',
  vmOptionsOverrides: '',
  containerPropertiesOverrides: '',
  resources: { cpuRequest: '500m', memoryRequest: '1024Mi', cpuLimit: '1000m', memoryLimit: '1536Mi' },
  probes: { startupFailureThreshold: 60, readinessPeriodSeconds: 10, readinessInitialDelaySeconds: 10, livenessPeriodSeconds: 60 },
  secretName: 'boomi-secret',
  authKind: 'password',
  tmpfsMedium: 'Disk',
  service: { port: 80, targetPort: 9090, scheme: 'internet-facing', sourceRanges: [] as readonly string[] },
  hpa: {
    enabled: true,
    minReplicas: 3,
    maxReplicas: 20,
    cpuUtilization: 50,
    memoryUtilization: 50,
    scaleDownEnabled: true,
    scaleDownStabilizationSeconds: 60,
  },
  podDisruptionBudget: { enabled: true, maxUnavailable: 1 as number | string },
} as const satisfies Omit<ResolvedMoleculeProps, 'fileSystemId' | 'accessPointId'>);

/** Defaults of `moleculeExternalSecretObjects` (the SecretStore and ExternalSecret of the Molecule's credentials). */
export const MOLECULE_EXTERNAL_SECRET_DEFAULTS = deepFreeze({
  /** The chart's: the Secret the operator writes is the one the pods read. */
  authKind: MOLECULE_DEFAULTS.authKind,
  secretName: MOLECULE_DEFAULTS.secretName,
  storeName: 'aws-secrets-manager',
  refreshInterval: '1h',
} as const);
