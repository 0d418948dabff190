import type { Construct } from 'constructs';
import { parse } from 'yaml';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Release } from '@cdktf/provider-helm/lib/release';
import { onlyResource, synthConstruct } from '@boomi-eks/testing';
import { Karpenter } from './karpenter';
import { KARPENTER_VALUES_DEFAULTS } from './karpenter-values';

const helm = (scope: Construct) => new HelmProvider(scope, 'helm', { kubernetes: { host: 'https://example.eks.amazonaws.com' } });

describe('Karpenter release', () => {
  const { json } = synthConstruct((s) => {
    helm(s);
    return new Karpenter(s, 'karpenter', { clusterName: 'prod-boomi-molecule', interruptionQueueName: 'prod-boomi-molecule-karpenter', chartVersion: '1.14.1' });
  });
  const release = onlyResource(json, Release.tfResourceType);
  const values = parse(String(release.values[0]));

  it('installs the chart from its OCI registry at the pinned version, in kube-system, atomically', () => {
    expect(release).toMatchObject({
      name: 'karpenter',
      namespace: 'kube-system',
      repository: 'oci://public.ecr.aws/karpenter',
      chart: 'karpenter',
      version: '1.14.1',
      atomic: true,
      wait: true,
    });
  });

  it('wires the cluster name and the interruption queue into the controller settings', () => {
    expect(values.settings).toEqual({ clusterName: 'prod-boomi-molecule', interruptionQueue: 'prod-boomi-molecule-karpenter' });
  });

  it('names the service account Pod Identity binds, and sets the documented defaults', () => {
    expect(values.serviceAccount).toEqual({ create: true, name: 'karpenter' });
    expect(values.replicas).toBe(KARPENTER_VALUES_DEFAULTS.replicas);
    expect(values.controller.resources).toEqual({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } });
  });
});
