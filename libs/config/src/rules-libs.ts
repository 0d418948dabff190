/**
 * The libraries' own rules, run on an environment under its paths. Each rule
 * here is owned by the lib that builds the resource (its pure validator behind
 * `@boomi-eks/<lib>/rules`); config only maps its fields onto the lib's props
 * and re-bases the issues (`underPath`), so a value the lib refuses is refused
 * here with the same message. Rules about the environment as a whole (the
 * capacity rule, heap ratios, cross-environment names) stay in config.
 */
import { renamePaths, underPath, type PropsIssue } from '@boomi-eks/primitives';
import { validateVpcCidr } from '@boomi-eks/network/rules';
import { validatePosixUser } from '@boomi-eks/efs/rules';
import {
  validateMoleculeExternalSecret,
  validateMoleculeHpa,
  validateMoleculeImage,
  validateMoleculeProbes,
  validateMoleculeResources,
  validateMoleculeSecurity,
  validateMoleculeService,
} from '@boomi-eks/molecule/rules';
import type { Environment } from './environment-types';
import { asFirstMolecule, isMoleculeIssue, issueFor, moleculesOf } from './molecules';

/** `network.*`: the network lib's VPC CIDR rule (its prefix range). */
function networkRules(env: Environment): PropsIssue[] {
  return underPath('network', validateVpcCidr(env.network.vpcCidr));
}

/** `hpa.*`: the Molecule chart's HPA rules (the chart's `hpa` props are the environment's `hpa`). */
function hpaRules(env: Environment): PropsIssue[] {
  const h = env.hpa;
  const issues = validateMoleculeHpa({
    enabled: h.enabled,
    minReplicas: h.minReplicas,
    maxReplicas: h.maxReplicas,
    cpuUtilization: h.cpuUtilization,
    memoryUtilization: h.memoryUtilization,
    scaleDownEnabled: h.scaleDown.enabled,
    scaleDownStabilizationSeconds: h.scaleDown.stabilizationWindowSeconds,
  });
  return renamePaths(issues, { 'hpa.scaleDownStabilizationSeconds': 'hpa.scaleDown.stabilizationWindowSeconds' });
}

/** `molecule.*`: the Molecule chart's image, probe, Service and resource rules, its ExternalSecret's, and the EFS owner's. */
function moleculeRules(env: Environment): PropsIssue[] {
  const m = env.molecule;
  const r = m.resources;
  const resources = renamePaths(
    validateMoleculeResources({ cpuRequest: r.requests.cpu, memoryRequest: r.requests.memory, cpuLimit: r.limits.cpu, memoryLimit: r.limits.memory }),
    {
      'resources.cpuRequest': 'resources.requests.cpu',
      'resources.memoryRequest': 'resources.requests.memory',
      'resources.cpuLimit': 'resources.limits.cpu',
      'resources.memoryLimit': 'resources.limits.memory',
    },
  );
  // The pods run as the file system's owner: the EFS lib's POSIX rule applies, then the chart's (no root).
  const owner = validatePosixUser(m.fileSystemUser);
  const runAs = renamePaths(validateMoleculeSecurity({ runAsUser: m.fileSystemUser.uid, runAsGroup: m.fileSystemUser.gid }), {
    'security.runAsUser': 'uid',
    'security.runAsGroup': 'gid',
  });
  // The credentials' secret: the names the ExternalSecret copies from Secrets Manager.
  const auth = renamePaths(validateMoleculeExternalSecret({ remoteSecretName: m.auth.secretName, refreshInterval: m.auth.refreshInterval }), {
    remoteSecretName: 'auth.secretName',
    refreshInterval: 'auth.refreshInterval',
  });
  return underPath('molecule', [
    ...validateMoleculeImage(m.image),
    ...auth,
    ...validateMoleculeProbes(m.probes),
    ...validateMoleculeService({ port: m.service.port, targetPort: m.service.targetPort, scheme: m.service.scheme, sourceRanges: m.service.sourceRanges }),
    ...resources,
    ...underPath('fileSystemUser', owner.length > 0 ? owner : runAs),
  ]);
}

/** Every lib rule, on the environment's paths. */
export function checkLibRules(env: Environment): PropsIssue[] {
  return [...networkRules(env), ...hpaRules(env), ...moleculeRules(env), ...additionalMoleculeRules(env)];
}

/** The same lib validators for each of `additionalMolecules`, reported at its own paths. */
function additionalMoleculeRules(env: Environment): PropsIssue[] {
  return moleculesOf(env)
    .slice(1)
    .flatMap((entry) => {
      const view = asFirstMolecule(env, entry);
      return [...hpaRules(view), ...moleculeRules(view)]
        .filter(isMoleculeIssue)
        .map((i) => issueFor(entry, i));
    });
}
