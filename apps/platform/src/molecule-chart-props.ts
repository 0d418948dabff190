import type { Environment } from '@boomi-eks/config';
import type { MoleculeChartProps } from '@boomi-eks/molecule';

/** Name of the Kubernetes Secret the Molecule reads its credentials from (seed 000). */
export const MOLECULE_SECRET_NAME = 'boomi-secret';

/** Maps an environment onto the Molecule chart's props (the EFS ids come from the cluster stack). */
export function moleculeChartProps(env: Environment, fileSystemId: string, accessPointId: string): MoleculeChartProps {
  const m = env.molecule;
  return {
    fileSystemId,
    accessPointId,
    namespace: m.namespace,
    storageSize: m.storageSize,
    image: m.image,
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
  };
}
