import { parse } from 'yaml';
import { NODE_PROBLEM_DETECTOR_DEFAULTS } from './cluster-addons-defaults';
import {
  NODE_PROBLEM_DETECTOR_METRICS_PORT,
  NodeProblemDetector,
  nodeProblemDetectorValues,
} from './node-problem-detector';
import { synthRelease } from '../test/release-fixtures';

describe('NodeProblemDetector release', () => {
  const { release, construct } = synthRelease((s) => new NodeProblemDetector(s, 'npd'));

  it('installs the pinned deliveryhero chart from OCI in kube-system', () => {
    expect(release).toMatchObject({
      name: 'node-problem-detector',
      namespace: 'kube-system',
      repository: 'oci://ghcr.io/deliveryhero/helm-charts',
      chart: 'node-problem-detector',
      version: '2.4.0',
      atomic: true,
      wait: true,
      timeout: 600,
    });
  });

  it('renders exactly the values it exposes', () => {
    expect(parse(release.values[0])).toEqual(construct.values);
    expect(construct.values).toEqual(nodeProblemDetectorValues());
  });

  it('gives the container cpu and memory requests and limits', () => {
    expect(parse(release.values[0]).resources).toEqual({
      requests: { cpu: '20m', memory: '64Mi' },
      limits: { cpu: '200m', memory: '128Mi' },
    });
  });
});

describe('nodeProblemDetectorValues', () => {
  const values = nodeProblemDetectorValues();

  it('runs the kernel and read-only filesystem monitors, not the dockerd one (EKS AL2023 runs containerd)', () => {
    expect(values.settings).toEqual({
      log_monitors: ['/config/kernel-monitor.json', '/config/readonly-monitor.json'],
      prometheus_port: 20257,
    });
  });

  it('runs on every node, spot and tainted ones included, as system-node-critical', () => {
    expect(values.tolerations).toEqual([{ operator: 'Exists' }]);
    expect(values.priorityClassName).toBe('system-node-critical');
  });

  it('is not annotated for Prometheus unless asked', () => {
    expect(values.annotations).toBeUndefined();
  });

  it('annotates the pods for the kubernetes-pods scrape job when asked', () => {
    expect(nodeProblemDetectorValues({ prometheusScrape: true }).annotations).toEqual({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': String(NODE_PROBLEM_DETECTOR_METRICS_PORT),
    });
  });

  it('takes resources and deep-merges valuesOverride last', () => {
    const v = nodeProblemDetectorValues({
      resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { cpu: '100m', memory: '64Mi' } },
      valuesOverride: { settings: { heartBeatPeriod: '1m0s' }, resources: { limits: { memory: '96Mi' } } },
    });
    expect(v.resources).toEqual({ requests: { cpu: '10m', memory: '32Mi' }, limits: { cpu: '100m', memory: '96Mi' } });
    expect(v.settings).toEqual({ ...(values.settings as object), heartBeatPeriod: '1m0s' });
  });

  it('documents its defaults in one object', () => {
    expect(values.resources).toEqual(NODE_PROBLEM_DETECTOR_DEFAULTS.resources);
  });
});
