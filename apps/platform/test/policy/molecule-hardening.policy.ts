// Policy: what a Kubernetes scanner (checkov's CKV_K8S_* family) asks of the
// Molecule, checked on every environment's synthesized manifests, with the
// accepted exceptions of docs/production-defaults.md spelled out.
import { moleculesIn, resourcesNamed, synthesizePlatform } from './platform-under-test';

const platform = synthesizePlatform();
// Every Molecule of every environment (`teams` has two), each with the objects of its namespace.
const perMolecule = platform.envs.flatMap((env) => {
  const cluster = platform.stacks.find((s) => s.env === env && s.kind === 'cluster')!;
  return moleculesIn(platform, env).map(({ entry, manifests }) => [`${env.name} ${entry.path}`, { env, molecule: entry.molecule, manifests, cluster }] as const);
});

describe.each(perMolecule)('%s', (_name, { molecule, manifests, cluster }) => {
  const ss = manifests.find((m) => m.kind === 'StatefulSet')!;
  const pod = ss.spec.template.spec;
  const container = pod.containers[0];

  it('runs as a non-root user with RuntimeDefault seccomp and no service-account token', () => {
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    expect(pod.securityContext.runAsUser).toBe(molecule.fileSystemUser.uid);
  });

  it('drops ALL capabilities, forbids privilege escalation; the writable root filesystem is the one accepted exception', () => {
    expect(container.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      privileged: false,
      capabilities: { drop: ['ALL'] },
      readOnlyRootFilesystem: false, // accepted: docs/production-defaults.md
    });
  });

  it('mounts the cgroup hostPath read-only', () => {
    expect(container.volumeMounts.find((m: { name: string }) => m.name === 'cgroup')).toMatchObject({ readOnly: true });
  });

  it('uses a pinned image (digest or version tag) unless the environment allows a mutable tag', () => {
    const mutable = /:(latest|release|release-rhel)$/.test(container.image);
    expect({ image: container.image, mutable }).toEqual({ image: container.image, mutable: molecule.image.allowMutableTag && mutable });
    if (!mutable) expect(container.imagePullPolicy).toBe('IfNotPresent');
  });

  it('spreads over zones and hosts', () => {
    expect(pod.topologySpreadConstraints.map((c: { topologyKey: string }) => c.topologyKey)).toEqual([
      'topology.kubernetes.io/zone',
      'kubernetes.io/hostname',
    ]);
  });

  it('denies all traffic in the Molecule namespace by default, and the vpc-cni add-on enforces NetworkPolicy', () => {
    const deny = manifests.find((m) => m.kind === 'NetworkPolicy' && m.metadata.name === 'default-deny-all');
    expect(deny).toMatchObject({ metadata: { namespace: molecule.namespace }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } });
    const cni = resourcesNamed(cluster.json, 'aws_eks_addon').find((a) => a.body.addon_name === 'vpc-cni')!;
    expect(cni.body.configuration_values).toBe('${jsonencode({"enableNetworkPolicy" = "true"})}');
  });

  it('passes a force-restart override below the grace to the Molecule', () => {
    const props = container.env.find((e: { name: string }) => e.name === 'CONTAINER_PROPERTIES_OVERRIDES').value as string;
    const ms = Number(/com\.boomi\.container\.elasticity\.forceRestartOverride=(\d+)/.exec(props)![1]);
    expect(ms).toBeLessThan(pod.terminationGracePeriodSeconds * 1000);
  });
});
