import { KUBE_PROMETHEUS_STACK_CHART, NODE_LOCAL_DNS_CHART, NODE_PROBLEM_DETECTOR_CHART } from './chart-versions';

const EXACT = /^\d+\.\d+\.\d+$/;

describe('pinned charts', () => {
  it.each([
    ['node-problem-detector', NODE_PROBLEM_DETECTOR_CHART, '2.4.0'],
    ['node-local-dns', NODE_LOCAL_DNS_CHART, '2.3.0'],
    ['kube-prometheus-stack', KUBE_PROMETHEUS_STACK_CHART, '77.6.2'],
  ])('%s is pinned to exactly %s', (chart, pinned, version) => {
    expect(pinned.chart).toBe(chart);
    expect(pinned.version).toBe(version);
    expect(pinned.version).toMatch(EXACT);
  });

  it('takes the deliveryhero charts from their OCI registry (the chartmuseum at charts.deliveryhero.io was retired in 2024)', () => {
    for (const c of [NODE_PROBLEM_DETECTOR_CHART, NODE_LOCAL_DNS_CHART]) expect(c.repository).toBe('oci://ghcr.io/deliveryhero/helm-charts');
  });

  it('takes kube-prometheus-stack from the prometheus-community repository', () => {
    expect(KUBE_PROMETHEUS_STACK_CHART.repository).toBe('https://prometheus-community.github.io/helm-charts');
  });
});
