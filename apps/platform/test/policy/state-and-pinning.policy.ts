// Policy: every stack's state is in the account's S3 bucket at
// `<env>/<stack>.tfstate`, encrypted and S3-locked (the `state` stack, which
// creates that bucket, keeps its own state locally); and nothing floats —
// Helm charts, EKS add-ons and Terraform providers are pinned to exact versions.
import { ConfigError, KUBERNETES_RELEASES, STORAGE_AND_LOGGING_ADDONS } from '@boomi-eks/config';
import { backendOf } from '@boomi-eks/testing';
import { generatedStageInput, resourcesNamed, shippedInputs, synthesizePlatform, type SynthesizedPlatform } from './platform-under-test';

const platform = synthesizePlatform();
const stacks = platform.stacks.map((s) => [s.id, s] as const);

const EXACT_SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const EKS_ADDON_VERSION = /^v\d+\.\d+\.\d+-eksbuild\.\d+$/;

/** Where the state stack creates the bucket: its AWS provider's region. */
function stateBucketRegion(p: SynthesizedPlatform): string {
  const state = p.stacks.find((s) => s.kind === 'state')!;
  return state.json.provider!.aws[0].region as string;
}

/** `<env>/<stack>.tfstate`; the account-wide stacks: `ci/ci-access.tfstate`, `state/state.tfstate`. */
const stateKey = (stack: SynthesizedPlatform['stacks'][number]) =>
  stack.env ? `${stack.env.name}/${stack.kind}.tfstate` : stack.kind === 'state' ? 'state/state.tfstate' : `ci/${stack.id}.tfstate`;

describe.each(stacks)('%s', (_id, stack) => {
  it(
    `keeps its state in S3 at ${stateKey(stack)}, encrypted, S3-locked, no DynamoDB`,
    () => {
      const backend = backendOf(stack.json);
      expect(backend.type).toBe('s3');
      expect(backend.config).toMatchObject({
        bucket: platform.envs[0].state.bucket,
        key: stateKey(stack),
        encrypt: true,
        use_lockfile: true,
      });
      expect(backend.config).not.toHaveProperty('dynamodb_table');
    },
  );

  it('reads other stacks only from where they write their state (remote state = their backend)', () => {
    for (const [name, remote] of Object.entries(stack.json.data?.terraform_remote_state ?? {})) {
      const producer = platform.stacks.find((s) => {
        const b = s.json.terraform?.backend?.s3;
        return b && b.bucket === remote.config.bucket && b.key === remote.config.key;
      });
      expect({ name, producer: producer?.id }).toEqual({ name, producer: expect.any(String) });
      const b = producer!.json.terraform!.backend!.s3;
      expect({ name, region: remote.config.region, encrypt: remote.config.encrypt }).toEqual({ name, region: b.region, encrypt: true });
    }
  });

  it('pins every Helm chart to an exact version (no ranges, no latest)', () => {
    for (const { name, body } of resourcesNamed(stack.json, 'helm_release')) {
      expect({ release: name, version: body.version }).toEqual({ release: name, version: expect.stringMatching(EXACT_SEMVER) });
    }
  });

  it('pins every EKS add-on to an exact vX.Y.Z-eksbuild.N', () => {
    for (const { name, body } of resourcesNamed(stack.json, 'aws_eks_addon')) {
      expect({ addon: name, version: body.addon_version }).toEqual({ addon: name, version: expect.stringMatching(EKS_ADDON_VERSION) });
    }
  });

  it('pins every Terraform provider to an exact version', () => {
    const providers = Object.entries(stack.json.terraform?.required_providers ?? {});
    expect(providers.length).toBeGreaterThan(0);
    for (const [name, p] of providers) {
      expect({ provider: name, version: p.version }).toEqual({ provider: name, version: expect.stringMatching(EXACT_SEMVER) });
    }
  });

  it('pins the EKS control plane to the configured Kubernetes minor', () => {
    for (const { name, body } of resourcesNamed(stack.json, 'aws_eks_cluster')) {
      expect({ cluster: name, version: body.version }).toEqual({ cluster: name, version: stack.env!.cluster.kubernetesVersion });
    }
  });

  it('keeps every node group on the control plane\'s minor, with an explicit AMI type, after the add-ons nodes need', () => {
    for (const { name, body } of resourcesNamed(stack.json, 'aws_eks_node_group')) {
      expect({ nodeGroup: name, version: body.version, amiType: body.ami_type }).toEqual({
        nodeGroup: name,
        version: stack.env!.cluster.kubernetesVersion,
        amiType: expect.stringMatching(/^AL2023_(x86_64|ARM_64)_STANDARD$/),
      });
      const dependsOn: string[] = body.depends_on ?? [];
      for (const addon of ['vpc-cni', 'kube-proxy', 'eks-pod-identity-agent']) {
        const waits = dependsOn.some((d) => d.startsWith(`aws_eks_addon.addons-before-nodes_${addon}_`));
        expect({ nodeGroup: name, addon, waits }).toEqual({ nodeGroup: name, addon, waits: true });
      }
    }
  });
});

describe('the state bucket', () => {
  it('is the one every S3 backend names, in the region where the state stack creates it', () => {
    const region = stateBucketRegion(platform);
    const wrong = platform.stacks
      .filter((s) => s.env)
      .map((s) => ({ stack: s.id, bucket: s.json.terraform?.backend?.s3?.bucket, region: s.json.terraform?.backend?.s3?.region }))
      .filter((b) => b.region !== region || b.bucket !== platform.envs[0].state.bucket);
    expect(wrong).toEqual([]);
  });

  it('an environment in another region without state.region is refused or still points at the bucket\'s region', () => {
    const shipped = shippedInputs();
    const stage = generatedStageInput(shipped);
    delete stage.state.region;
    let built: SynthesizedPlatform | undefined;
    let refusal: unknown;
    try {
      built = synthesizePlatform({ ...shipped, 'stage.ts': stage });
    } catch (err) {
      refusal = err;
    }
    if (refusal !== undefined) {
      expect(refusal).toBeInstanceOf(ConfigError);
      expect((refusal as ConfigError).issues.map((i) => i.path).join('\n')).toMatch(/state\.region/);
      return;
    }
    const region = stateBucketRegion(built!);
    const wrong = built!.stacks
      .filter((s) => s.env)
      .flatMap((s) => [
        { where: `${s.id} backend`, region: s.json.terraform?.backend?.s3?.region },
        ...Object.entries(s.json.data?.terraform_remote_state ?? {}).map(([n, r]) => ({ where: `${s.id} ${n}`, region: r.config.region })),
      ])
      .filter((b) => b.region !== region);
    expect({ bucketRegion: region, wrong }).toEqual({ bucketRegion: region, wrong: [] });
  });
});

describe('pinning is not vacuous', () => {
  it('every environment installs Helm charts and each add-on of its catalog entry (so the version checks above ran)', () => {
    for (const env of platform.envs) {
      const own = platform.stacks.filter((s) => s.env === env);
      const releases = own.flatMap((s) => resourcesNamed(s.json, 'helm_release'));
      const addons = own.flatMap((s) => resourcesNamed(s.json, 'aws_eks_addon')).map((a) => a.body.addon_name as string);
      const release = KUBERNETES_RELEASES[env.cluster.kubernetesVersion];
      // Optional add-ons come with the feature that needs them (nodeHealth: the node monitoring agent).
      // Durable monitoring brings the EBS CSI driver; container logs the CloudWatch observability add-on.
      const expected = [
        ...Object.keys(release.addons),
        ...(env.nodeHealth.enabled ? ['eks-node-monitoring-agent'] : []),
        ...(env.monitoring.enabled && env.monitoring.storage.enabled ? ['aws-ebs-csi-driver'] : []),
        ...(env.containerLogs.enabled ? ['amazon-cloudwatch-observability'] : []),
      ].sort();
      expect({ env: env.name, releases: releases.length > 0, addons: addons.sort() }).toEqual({ env: env.name, releases: true, addons: expected });
    }
  });

  it('pins the storage and logging add-ons to their catalog entry', () => {
    let checked = 0;
    for (const env of platform.envs) {
      const cluster = platform.stacks.find((s) => s.env === env && s.kind === 'cluster')!;
      for (const name of ['aws-ebs-csi-driver', 'amazon-cloudwatch-observability'] as const) {
        const addon = resourcesNamed(cluster.json, 'aws_eks_addon').find((a) => a.body.addon_name === name);
        if (!addon) continue;
        checked += 1;
        expect({ env: env.name, name, version: addon.body.addon_version }).toEqual({
          env: env.name,
          name,
          version: STORAGE_AND_LOGGING_ADDONS[env.cluster.kubernetesVersion][name],
        });
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it('pins each optional add-on to the version of its catalog entry', () => {
    for (const env of platform.envs.filter((e) => e.nodeHealth.enabled)) {
      const cluster = platform.stacks.find((s) => s.env === env && s.kind === 'cluster')!;
      const agent = resourcesNamed(cluster.json, 'aws_eks_addon').find((a) => a.body.addon_name === 'eks-node-monitoring-agent');
      expect({ env: env.name, version: agent?.body.addon_version }).toEqual({
        env: env.name,
        version: KUBERNETES_RELEASES[env.cluster.kubernetesVersion].optionalAddons['eks-node-monitoring-agent'],
      });
    }
  });
});
