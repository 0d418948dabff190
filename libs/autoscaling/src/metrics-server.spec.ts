import type { Construct } from 'constructs';
import { parse } from 'yaml';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Release } from '@cdktf/provider-helm/lib/release';
import { onlyResource, synthConstruct } from '@boomi-eks/testing';
import { METRICS_SERVER_DEFAULTS, MetricsServer, metricsServerValues, type MetricsServerProps } from './metrics-server';

const helm = (scope: Construct) => new HelmProvider(scope, 'helm', { kubernetes: { host: 'https://example.eks.amazonaws.com' } });
function synthRelease(props?: MetricsServerProps) {
  const { json, result } = synthConstruct((s) => {
    helm(s);
    return new MetricsServer(s, 'metrics-server', props);
  });
  return { release: onlyResource(json, Release.tfResourceType), construct: result };
}

describe('MetricsServer release', () => {
  const { release, construct } = synthRelease();

  it('installs the upstream chart at the pinned version in kube-system', () => {
    expect(release).toMatchObject({
      name: 'metrics-server',
      namespace: 'kube-system',
      repository: 'https://kubernetes-sigs.github.io/metrics-server/',
      chart: 'metrics-server',
      version: '3.13.0',
      atomic: true,
      wait: true,
    });
  });

  it('gives the container requests and limits', () => {
    expect(parse(release.values[0]).resources).toEqual({
      requests: { cpu: '100m', memory: '200Mi' },
      limits: { cpu: '500m', memory: '600Mi' },
    });
  });

  it('exposes its name, namespace and values', () => {
    expect(construct.releaseName).toBe('metrics-server');
    expect(construct.namespace).toBe('kube-system');
    expect(construct.values).toEqual(metricsServerValues());
  });
});

describe('metricsServerValues', () => {
  it('defaults to the documented resources', () => {
    expect(metricsServerValues().resources).toEqual(METRICS_SERVER_DEFAULTS.resources);
  });

  it('takes resources and deep-merges valuesOverride last', () => {
    const values = metricsServerValues({
      resources: { requests: { cpu: '50m', memory: '100Mi' }, limits: { cpu: '1', memory: '1Gi' } },
      valuesOverride: { replicas: 2, resources: { limits: { memory: '2Gi' } } },
    });
    expect(values).toEqual({
      replicas: 2,
      resources: { requests: { cpu: '50m', memory: '100Mi' }, limits: { cpu: '1', memory: '2Gi' } },
    });
  });
});
