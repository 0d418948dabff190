// The libraries own these rules: a value a lib's validator refuses is refused
// by validateEnvironment at the environment's path, with the lib's own
// message and fix (nothing restated here but the inputs).
import type { PropsIssue } from '@boomi-eks/primitives';
import { MOLECULE_DEFAULTS, validateMoleculeExternalSecret, validateMoleculeHpa, validateMoleculeImage, validateMoleculeProbes, validateMoleculeResources, validateMoleculeSecurity, validateMoleculeService } from '@boomi-eks/molecule/rules';
import { validateVpcCidr } from '@boomi-eks/network/rules';
import { validatePosixUser } from '@boomi-eks/efs/rules';
import { validateEnvironment } from './environment';
import { validInput, type Overrides } from '../test/valid-input';

const issues = (o: Overrides): readonly PropsIssue[] => {
  const r = validateEnvironment(validInput(o));
  return r.ok ? [] : r.issues;
};

/** The lib's one issue, and the environment's issues, for the same mistake. */
function both(libIssues: PropsIssue[], overrides: Overrides) {
  expect(libIssues).toHaveLength(1);
  return { lib: libIssues[0], env: issues(overrides) };
}

/** The environment reports the lib's issue at `path`, value, message and fix unchanged. */
function expectSameIssue({ lib, env }: { lib: PropsIssue; env: readonly PropsIssue[] }, path: string) {
  expect(env).toEqual([{ ...lib, path }]);
}

const hpa = { ...MOLECULE_DEFAULTS.hpa };

describe('rules owned by the Molecule chart, refused by config under its paths', () => {
  it('hpa.minReplicas above hpa.maxReplicas (also molecule.replicas, which config owns)', () => {
    const lib = validateMoleculeHpa({ ...hpa, minReplicas: 6, maxReplicas: 4 });
    const env = issues({ hpa: { minReplicas: 6, maxReplicas: 4 }, molecule: { replicas: 4 } });
    expect(env).toContainEqual(lib[0]);
    expect(env.map((i) => i.path)).toEqual(['hpa.minReplicas', 'molecule.replicas']);
  });

  it.each([
    ['minReplicas', 0],
    ['maxReplicas', 0],
    ['cpuUtilization', 0],
    ['memoryUtilization', 0],
  ] as const)('hpa.%s %d', (field, value) => {
    const override = field === 'maxReplicas' ? { minReplicas: 1, maxReplicas: 0 } : { [field]: value };
    const envOverride = field === 'maxReplicas' ? { hpa: { minReplicas: 1, maxReplicas: 0 }, molecule: { replicas: 1 } } : { hpa: { [field]: value } };
    const lib = validateMoleculeHpa({ ...hpa, ...override });
    expect(issues(envOverride as Overrides)).toContainEqual(lib[0]);
  });

  it.each([-1, 3601])('the scale-down window %d, at hpa.scaleDown.stabilizationWindowSeconds', (seconds) => {
    expectSameIssue(both(validateMoleculeHpa({ ...hpa, scaleDownStabilizationSeconds: seconds }), { hpa: { scaleDown: { stabilizationWindowSeconds: seconds } } }), 'hpa.scaleDown.stabilizationWindowSeconds');
  });

  it('the scale-down window bounds themselves pass (0 and 3600)', () => {
    expect(issues({ hpa: { scaleDown: { stabilizationWindowSeconds: 0 } } })).toEqual([]);
    expect(issues({ hpa: { scaleDown: { stabilizationWindowSeconds: 3600 } } })).toEqual([]);
  });

  it.each([
    ['port', 0],
    ['port', 65536],
    ['targetPort', 0],
  ] as const)('molecule.service.%s %d', (field, value) => {
    const lib = validateMoleculeService({ ...MOLECULE_DEFAULTS.service, [field]: value });
    expectSameIssue(both(lib, { molecule: { service: { [field]: value } } } as Overrides), `molecule.service.${field}`);
  });

  it.each([
    ['startupFailureThreshold', 0],
    ['readinessPeriodSeconds', 0],
    ['readinessInitialDelaySeconds', -1],
    ['livenessPeriodSeconds', 0],
  ] as const)('molecule.probes.%s %d', (field, value) => {
    const lib = validateMoleculeProbes({ ...MOLECULE_DEFAULTS.probes, [field]: value });
    expectSameIssue(both(lib, { molecule: { probes: { [field]: value } } } as Overrides), `molecule.probes.${field}`);
  });

  it('a cpu limit below the request, at molecule.resources.limits.cpu', () => {
    const lib = validateMoleculeResources({ ...MOLECULE_DEFAULTS.resources, cpuRequest: '1', cpuLimit: '500m' });
    expectSameIssue(both(lib, { molecule: { resources: { requests: { cpu: '1', memory: '1024Mi' }, limits: { cpu: '500m', memory: '1536Mi' } } } }), 'molecule.resources.limits.cpu');
  });

  it('a memory limit below the request is the chart’s rule; config’s 1.25 × headroom rule stays quiet then', () => {
    const lib = validateMoleculeResources({ ...MOLECULE_DEFAULTS.resources, memoryRequest: '1024Mi', memoryLimit: '1000Mi' });
    expectSameIssue(both(lib, { molecule: { resources: { requests: { cpu: '500m', memory: '1024Mi' }, limits: { cpu: '1000m', memory: '1000Mi' } } } }), 'molecule.resources.limits.memory');
  });

  it.each([
    ['tag', 'release:5.0'],
    ['digest', 'sha256:1234'],
    ['repository', ' '],
  ] as const)('molecule.image.%s %j', (field, value) => {
    const lib = validateMoleculeImage({ ...MOLECULE_DEFAULTS.image, [field]: value });
    const overrides = { molecule: { image: { tag: '5.0.1', [field]: value } } } as Overrides;
    expectSameIssue(both(lib, overrides), `molecule.image.${field}`);
  });

  it.each([
    ['secretName', 'remoteSecretName', 'boomi molecule!'],
    ['refreshInterval', 'refreshInterval', 'hourly'],
  ] as const)('molecule.auth.%s (the ExternalSecret’s %s) %j', (field, libField, value) => {
    const lib = validateMoleculeExternalSecret({ remoteSecretName: 'boomi/dev/molecule', [libField]: value });
    expectSameIssue(both(lib, { molecule: { auth: { secretName: 'boomi/dev/molecule', [field]: value } } } as Overrides), `molecule.auth.${field}`);
  });

  it('root (uid 0) as the file system user, which the pods run as', () => {
    const lib = validateMoleculeSecurity({ runAsUser: 0, runAsGroup: 1000 });
    expectSameIssue(both(lib, { molecule: { fileSystemUser: { uid: 0 } } }), 'molecule.fileSystemUser.uid');
  });
});

describe('rules owned by the EFS and network libs', () => {
  it('a negative gid, at molecule.fileSystemUser.gid (the EFS access point owner)', () => {
    const lib = validatePosixUser({ uid: 1000, gid: -1 });
    expectSameIssue(both(lib, { molecule: { fileSystemUser: { gid: -1 } } }), 'molecule.fileSystemUser.gid');
  });

  it.each(['10.0.0.0/8', '10.0.0.0/15', '10.100.0.0/23'])('network.vpcCidr %s', (vpcCidr) => {
    const env = issues({ network: { vpcCidr }, cluster: { serviceIpv4Cidr: '172.20.0.0/16' } });
    expect(env).toContainEqual({ ...validateVpcCidr(vpcCidr)[0], path: 'network.vpcCidr' });
  });

  it('the bounds pass: a /16 and a /22 VPC', () => {
    expect(issues({ network: { vpcCidr: '10.100.0.0/16' } })).toEqual([]);
    expect(issues({ network: { vpcCidr: '10.100.0.0/22' } })).toEqual([]);
  });
});
