import { parse } from 'yaml';
import { Monitoring } from './monitoring';
import { monitoringValues } from './monitoring-values';
import { synthRelease } from '../test/release-fixtures';

describe('Monitoring release', () => {
  const { release, construct } = synthRelease((s) => new Monitoring(s, 'monitoring'));

  it('installs the pinned kube-prometheus-stack into its own namespace, created by Helm', () => {
    expect(release).toMatchObject({
      name: 'kube-prometheus-stack',
      namespace: 'monitoring',
      create_namespace: true,
      repository: 'https://prometheus-community.github.io/helm-charts',
      chart: 'kube-prometheus-stack',
      version: '77.6.2',
      atomic: true,
      wait: true,
      timeout: 900,
    });
  });

  it('renders exactly the values it exposes', () => {
    expect(parse(release.values[0])).toEqual(construct.values);
    expect(construct.values).toEqual(monitoringValues());
  });

  it('has no Grafana password anywhere in the Terraform JSON', () => {
    expect(JSON.stringify(release)).not.toMatch(/prom-operator/);
    expect(parse(release.values[0]).grafana.adminPassword).toBeNull();
    expect(construct.grafanaAdminSecretName).toBe('kube-prometheus-stack-grafana');
  });

  it('takes another namespace and timeout', () => {
    const { release: r } = synthRelease((s) => new Monitoring(s, 'm', { namespace: 'observability', timeoutSeconds: 1200 }));
    expect([r.namespace, r.timeout]).toEqual(['observability', 1200]);
  });
});
