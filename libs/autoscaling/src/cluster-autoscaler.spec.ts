import { TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import { parse } from 'yaml';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Release } from '@cdktf/provider-helm/lib/release';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { onlyResource, synthConstruct } from '@boomi-eks/testing';
import { ClusterAutoscaler, type ClusterAutoscalerProps } from './cluster-autoscaler';
import { SEED_FLAGS } from '../test/seed-flags';

const helm = (scope: Construct) => new HelmProvider(scope, 'helm', { kubernetes: { host: 'https://example.eks.amazonaws.com' } });
const BASE: ClusterAutoscalerProps = { clusterName: 'dev-boomi-molecule', region: 'us-east-1', kubernetesVersion: '1.33' };

function synthRelease(props: Partial<ClusterAutoscalerProps> = {}) {
  const { json, result } = synthConstruct((s) => {
    helm(s);
    return new ClusterAutoscaler(s, 'cluster-autoscaler', { ...BASE, ...props });
  });
  const release = onlyResource(json, Release.tfResourceType);
  return { json, release, construct: result };
}
/** The Release's values as Helm reads them (after Terraform turns $${ back into ${). */
const valuesOf = (release: Record<string, any>) => parse(String(release.values[0]).replace(/\$\$\{/g, '${'));

describe('ClusterAutoscaler release', () => {
  const { release, construct } = synthRelease();
  const values = valuesOf(release);

  it('installs the upstream chart at the pinned version in kube-system', () => {
    expect(release).toMatchObject({
      name: 'cluster-autoscaler',
      namespace: 'kube-system',
      repository: 'https://kubernetes.github.io/autoscaler',
      chart: 'cluster-autoscaler',
      version: '9.50.1',
    });
  });

  it('rolls back a failed upgrade and waits for readiness', () => {
    expect(release).toMatchObject({ atomic: true, cleanup_on_fail: true, wait: true, timeout: 600 });
  });

  it('passes one YAML values document', () => {
    expect(release.values).toHaveLength(1);
    expect(release.set).toBeUndefined();
  });

  it.each<[string, unknown]>([...SEED_FLAGS])('renders seed flag %s = %p', (flag, expected) => {
    expect(values.extraArgs[flag]).toEqual(expected);
  });

  it('renders discovery, image, service account, annotations, priority and resources', () => {
    expect(values).toMatchObject({
      cloudProvider: 'aws',
      awsRegion: 'us-east-1',
      autoDiscovery: {
        clusterName: 'dev-boomi-molecule',
        tags: ['k8s.io/cluster-autoscaler/enabled', 'k8s.io/cluster-autoscaler/dev-boomi-molecule'],
      },
      image: { repository: 'registry.k8s.io/autoscaling/cluster-autoscaler', tag: 'v1.33.6' },
      rbac: { serviceAccount: { create: true, name: 'cluster-autoscaler' } },
      podAnnotations: {
        'cluster-autoscaler.kubernetes.io/safe-to-evict': 'false',
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': '8085',
      },
      priorityClassName: 'system-cluster-critical',
      resources: { requests: { cpu: '100m', memory: '300Mi' }, limits: { cpu: '100m', memory: '300Mi' } },
    });
    expect(values.rbac.serviceAccount.annotations).toBeUndefined();
  });

  it('passes both launch-template labels as --balancing-ignore-label (the chart strips the _N suffix)', () => {
    // As charts/cluster-autoscaler/templates/deployment.yaml (9.50.1) renders extraArgs:
    // `range $key, $value` (keys sorted) → `--{{ $key | mustRegexFind "^[^_]+" }}={{ $value }}`.
    const args = Object.keys(values.extraArgs)
      .sort()
      .map((key) => `--${/^[^_]+/.exec(key)![0]}=${values.extraArgs[key]}`);
    expect(args.filter((a) => a.startsWith('--balancing-ignore-label='))).toEqual([
      '--balancing-ignore-label=eks.amazonaws.com/sourceLaunchTemplateId',
      '--balancing-ignore-label=eks.amazonaws.com/sourceLaunchTemplateVersion',
    ]);
    expect(args).toContain('--balance-similar-node-groups=true');
  });

  it('leaves the ignore labels out when balancing is off', () => {
    const off = valuesOf(synthRelease({ balanceSimilarNodeGroups: false }).release);
    expect(Object.keys(off.extraArgs).filter((k) => k.startsWith('balancing-ignore-label'))).toEqual([]);
  });

  it('exposes its name, namespace, service account and the values it rendered', () => {
    expect(construct.releaseName).toBe('cluster-autoscaler');
    expect(construct.namespace).toBe('kube-system');
    expect(construct.serviceAccount).toBe('cluster-autoscaler');
    expect(values).toEqual(JSON.parse(JSON.stringify(construct.values)));
  });
});

describe('ClusterAutoscaler image tag per minor', () => {
  it.each([
    ['1.32', 'v1.32.7'],
    ['1.34', 'v1.34.5'],
    ['1.36', 'v1.36.1'],
  ])('Kubernetes %s renders image.tag %s', (kubernetesVersion, tag) => {
    expect(valuesOf(synthRelease({ kubernetesVersion }).release).image.tag).toBe(tag);
  });

  it('refuses a minor without a pinned tag, naming kubernetesVersion', () => {
    expect(() => synthRelease({ kubernetesVersion: '1.28' })).toThrow("kubernetesVersion: ('1.28') has no cluster-autoscaler image tag");
  });

  it('refuses an explicit tag of another minor, naming imageTag', () => {
    expect(() => synthRelease({ imageTag: 'v1.34.0' })).toThrow("imageTag: ('v1.34.0') is for Kubernetes 1.34 but the cluster runs 1.33");
  });

  it('leaves a deploy-time Kubernetes version to Terraform when the tag is given, and asks for the tag otherwise', () => {
    const fromVariable = (s: Construct) => new TerraformVariable(s, 'kubernetes_version', { type: 'string' }).stringValue;
    const { json } = synthConstruct((s) => {
      helm(s);
      new ClusterAutoscaler(s, 'ca', { ...BASE, kubernetesVersion: fromVariable(s), imageTag: 'v1.36.1' });
    });
    expect(valuesOf(onlyResource(json, Release.tfResourceType)).image.tag).toBe('v1.36.1');
    expect(() =>
      synthConstruct((s) => {
        helm(s);
        new ClusterAutoscaler(s, 'ca', { ...BASE, kubernetesVersion: fromVariable(s) });
      }),
    ).toThrow('imageTag: (missing) is required when kubernetesVersion is known only at deploy time');
  });
});

describe('ClusterAutoscaler wiring', () => {
  it('uses the helm provider it is given', () => {
    const { json } = synthConstruct((s) => {
      helm(s);
      const eks = new HelmProvider(s, 'helm-eks', { alias: 'eks', kubernetes: { host: 'https://example' } });
      new ClusterAutoscaler(s, 'ca', { ...BASE, provider: eks });
    });
    expect(onlyResource(json, Release.tfResourceType).provider).toBe('helm.eks');
  });

  it('depends on what it is given', () => {
    const { json } = synthConstruct((s) => {
      helm(s);
      const role = new IamRole(s, 'role', { assumeRolePolicy: '{}' });
      new ClusterAutoscaler(s, 'ca', { ...BASE, dependsOn: [role] });
    });
    expect(onlyResource(json, Release.tfResourceType).depends_on).toEqual(['aws_iam_role.role']);
  });

  it('keeps a cluster name from another resource as a Terraform reference in the values', () => {
    const { json } = synthConstruct((s) => {
      helm(s);
      const name = new TerraformVariable(s, 'cluster_name', { type: 'string' });
      new ClusterAutoscaler(s, 'ca', { ...BASE, clusterName: name.stringValue });
    });
    const text: string = onlyResource(json, Release.tfResourceType).values[0];
    expect(text).toContain('clusterName: ${var.cluster_name}');
    expect(text).toContain('k8s.io/cluster-autoscaler/${var.cluster_name}');
    expect(text).not.toContain('$${var');
  });

  it('escapes a literal ${ in values as $${ so Terraform does not interpolate it', () => {
    const { release } = synthRelease({ valuesOverride: { podLabels: { note: 'cost-${team}' } } });
    expect(release.values[0]).toContain('note: cost-$${team}');
    expect(valuesOf(release).podLabels).toEqual({ note: 'cost-${team}' });
  });
});
