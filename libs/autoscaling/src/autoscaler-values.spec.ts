import { InvalidPropsError } from '@boomi-eks/primitives';
import { CLUSTER_AUTOSCALER_DEFAULTS } from './autoscaler-defaults';
import {
  clusterAutoscalerImageTag,
  clusterAutoscalerValues,
  type ClusterAutoscalerValuesInput,
  LAUNCH_TEMPLATE_NODE_LABELS,
  repeatedFlag,
} from './autoscaler-values';
import { SEED_FLAGS } from '../test/seed-flags';

const INPUT: ClusterAutoscalerValuesInput = { clusterName: 'dev-boomi-molecule', region: 'eu-west-1', kubernetesVersion: '1.33' };
const extraArgsOf = (values: Record<string, unknown>) => values.extraArgs as Record<string, unknown>;

describe('clusterAutoscalerValues: seed 000 flags by default', () => {
  const values = clusterAutoscalerValues(INPUT);

  it.each<[string, unknown]>([...SEED_FLAGS])('extraArgs.%s is %p', (flag, expected) => {
    expect(extraArgsOf(values)[flag]).toEqual(expected);
  });

  it('discovers the ASGs EKS tags for this cluster, in this region, on AWS', () => {
    expect(values).toMatchObject({
      cloudProvider: 'aws',
      awsRegion: 'eu-west-1',
      autoDiscovery: {
        clusterName: 'dev-boomi-molecule',
        tags: ['k8s.io/cluster-autoscaler/enabled', 'k8s.io/cluster-autoscaler/dev-boomi-molecule'],
      },
    });
  });

  it('creates the service account cluster-autoscaler with no IRSA annotation (Pod Identity binds to the name)', () => {
    expect(values.rbac).toEqual({ create: true, serviceAccount: { create: true, name: 'cluster-autoscaler' } });
  });

  it('marks the pod not evictable and scrapeable on 8085, with string annotation values', () => {
    expect(values.podAnnotations).toEqual({
      'cluster-autoscaler.kubernetes.io/safe-to-evict': 'false',
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': '8085',
    });
  });

  it('runs as system-cluster-critical with seed 000 requests and limits (100m/300Mi)', () => {
    expect(values.priorityClassName).toBe('system-cluster-critical');
    expect(values.resources).toEqual({ requests: { cpu: '100m', memory: '300Mi' }, limits: { cpu: '100m', memory: '300Mi' } });
  });

  it('documents the same defaults it applies', () => {
    expect(CLUSTER_AUTOSCALER_DEFAULTS.resources.limits).toEqual({ cpu: '100m', memory: '300Mi' });
    expect(extraArgsOf(values)['max-nodes-total']).toBe(CLUSTER_AUTOSCALER_DEFAULTS.maxNodesTotal);
  });
});

describe('clusterAutoscalerValues: inputs', () => {
  it('takes every flag from the input (the environment autoscaler section spreads in)', () => {
    const values = clusterAutoscalerValues({
      ...INPUT,
      expander: 'random',
      balanceSimilarNodeGroups: false,
      skipNodesWithLocalStorage: true,
      skipNodesWithSystemPods: true,
      scaleDownUnneededTime: '10m',
      scaleDownDelayAfterAdd: '2m',
      scaleDownDelayAfterFailure: '3m',
      scanInterval: '10s',
      maxNodesTotal: 6,
      resources: { requests: { cpu: '50m', memory: '200Mi' }, limits: { cpu: '200m', memory: '400Mi' } },
    });
    expect(extraArgsOf(values)).toMatchObject({
      expander: 'random',
      'balance-similar-node-groups': false,
      'skip-nodes-with-local-storage': true,
      'skip-nodes-with-system-pods': true,
      'scale-down-unneeded-time': '10m',
      'scale-down-delay-after-add': '2m',
      'scale-down-delay-after-failure': '3m',
      'scan-interval': '10s',
      'max-nodes-total': 6,
    });
    expect(values.resources).toEqual({ requests: { cpu: '50m', memory: '200Mi' }, limits: { cpu: '200m', memory: '400Mi' } });
  });

  it('merges user extraArgs last: a user flag wins over a seed flag and a chart flag, new flags are added', () => {
    const values = clusterAutoscalerValues({ ...INPUT, extraArgs: { 'scan-interval': '30s', v: 2, 'scale-down-utilization-threshold': '0.6' } });
    expect(extraArgsOf(values)).toMatchObject({ 'scan-interval': '30s', v: 2, 'scale-down-utilization-threshold': '0.6', expander: 'least-waste' });
  });

  it('deep-merges valuesOverride last: it wins over computed values and keeps their siblings', () => {
    const values = clusterAutoscalerValues({
      ...INPUT,
      extraArgs: { 'scan-interval': '30s' },
      valuesOverride: { replicaCount: 2, extraArgs: { 'scan-interval': '1m' }, image: { pullPolicy: 'Always' } },
    });
    expect(values.replicaCount).toBe(2);
    expect(extraArgsOf(values)['scan-interval']).toBe('1m');
    expect(extraArgsOf(values).expander).toBe('least-waste');
    expect(values.image).toEqual({ repository: 'registry.k8s.io/autoscaling/cluster-autoscaler', tag: 'v1.33.6', pullPolicy: 'Always' });
  });
});

describe('clusterAutoscalerImageTag', () => {
  it.each([
    ['1.32', 'v1.32.7'],
    ['1.33', 'v1.33.6'],
    ['1.34', 'v1.34.5'],
    ['1.35', 'v1.35.2'],
    ['1.36', 'v1.36.1'],
  ])('Kubernetes %s → %s (from CLUSTER_AUTOSCALER_IMAGE_TAGS)', (minor, tag) => {
    expect(clusterAutoscalerImageTag(minor)).toBe(tag);
    expect((clusterAutoscalerValues({ ...INPUT, kubernetesVersion: minor }).image as { tag: string }).tag).toBe(tag);
  });

  it('keeps an explicit tag of the cluster minor', () => {
    expect(clusterAutoscalerImageTag('1.33', 'v1.33.4')).toBe('v1.33.4');
  });

  it('refuses a minor missing from the table, naming kubernetesVersion', () => {
    expect(() => clusterAutoscalerValues({ ...INPUT, kubernetesVersion: '1.29' })).toThrow(InvalidPropsError);
    expect(() => clusterAutoscalerValues({ ...INPUT, kubernetesVersion: '1.29' })).toThrow(
      /^ClusterAutoscaler is invalid \(1 problem\):\n  - kubernetesVersion: \('1\.29'\) has no cluster-autoscaler image tag: use one of 1\.32, 1\.33, 1\.34, 1\.35, 1\.36/,
    );
  });

  it('refuses an explicit tag of another minor, naming imageTag and both minors', () => {
    expect(() => clusterAutoscalerValues({ ...INPUT, imageTag: 'v1.32.3' })).toThrow(
      "imageTag: ('v1.32.3') is for Kubernetes 1.32 but the cluster runs 1.33: the autoscaler's minor must match the cluster's: use a v1.33.x tag",
    );
    expect(() => clusterAutoscalerImageTag('1.33', 'v1.32.3')).toThrow('or remove the field to use v1.33.6');
  });

  it('refuses an explicit tag that is not vX.Y.Z, naming imageTag', () => {
    expect(() => clusterAutoscalerImageTag('1.33', 'latest')).toThrow("imageTag: ('latest') is not a cluster-autoscaler tag such as v1.36.1");
  });

  it('reports every problem of the input at once', () => {
    const resources = { requests: { cpu: '100m', memory: '300Mi' }, limits: { cpu: '50m', memory: '200Mi' } };
    expect(() => clusterAutoscalerValues({ ...INPUT, imageTag: 'v1.32.3', resources })).toThrow('is invalid (3 problems)');
  });
});

describe('repeatedFlag', () => {
  it('numbers the keys from 1 so the chart renders the flag once per value', () => {
    expect(repeatedFlag('balancing-ignore-label', ['a', 'b'])).toEqual({ 'balancing-ignore-label_1': 'a', 'balancing-ignore-label_2': 'b' });
  });
  it('the launch-template labels are the two EKS sets on managed nodes', () => {
    expect(LAUNCH_TEMPLATE_NODE_LABELS).toEqual(['eks.amazonaws.com/sourceLaunchTemplateId', 'eks.amazonaws.com/sourceLaunchTemplateVersion']);
  });
});
