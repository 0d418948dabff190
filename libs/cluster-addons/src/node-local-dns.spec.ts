import { parse } from 'yaml';
import { kubeDnsIp } from '@boomi-eks/primitives';
import { NODE_LOCAL_DNS_DEFAULTS } from './cluster-addons-defaults';
import { NodeLocalDns, nodeLocalDnsValues } from './node-local-dns';
import { synthRelease } from '../test/release-fixtures';

describe('NodeLocalDns release', () => {
  const { release, construct } = synthRelease((s) => new NodeLocalDns(s, 'dns', { kubeDnsIp: kubeDnsIp('172.20.0.0/16') }));

  it('installs the pinned deliveryhero chart from OCI in kube-system (where the kube-dns pods are)', () => {
    expect(release).toMatchObject({
      name: 'node-local-dns',
      namespace: 'kube-system',
      repository: 'oci://ghcr.io/deliveryhero/helm-charts',
      chart: 'node-local-dns',
      version: '2.3.0',
      atomic: true,
      wait: true,
    });
  });

  it('wires the kube-dns IP (10th address of the service CIDR) and the link-local IP into the chart', () => {
    expect(parse(release.values[0]).config).toEqual({ dnsServer: '172.20.0.10', localDns: '169.254.20.10', dnsDomain: 'cluster.local' });
    expect([construct.kubeDnsIp, construct.localIp]).toEqual(['172.20.0.10', '169.254.20.10']);
  });

  it('gives the node-cache container cpu and memory requests and limits', () => {
    expect(parse(release.values[0]).resources).toEqual({
      requests: { cpu: '25m', memory: '128Mi' },
      limits: { cpu: '200m', memory: '128Mi' },
    });
  });
});

describe('nodeLocalDnsValues', () => {
  it('follows a non-default service CIDR', () => {
    expect(nodeLocalDnsValues({ kubeDnsIp: kubeDnsIp('10.100.0.0/16') }).config).toEqual(
      expect.objectContaining({ dnsServer: '10.100.0.10' }),
    );
  });

  it('keeps the chart’s Prometheus pod annotations on (port 9253)', () => {
    expect(nodeLocalDnsValues({ kubeDnsIp: '172.20.0.10' }).prometheusScraping).toEqual({ enabled: true });
  });

  it('takes another link-local IP, domain and resources, then valuesOverride', () => {
    const v = nodeLocalDnsValues({
      kubeDnsIp: '172.20.0.10',
      localIp: '169.254.20.25',
      dnsDomain: 'corp.local',
      valuesOverride: { config: { commProtocol: 'prefer_udp' } },
    });
    expect(v.config).toEqual({ dnsServer: '172.20.0.10', localDns: '169.254.20.25', dnsDomain: 'corp.local', commProtocol: 'prefer_udp' });
    expect(v.resources).toEqual(NODE_LOCAL_DNS_DEFAULTS.resources);
  });

  it.each([
    [{ kubeDnsIp: '172.20.0.0/16' }, "kubeDnsIp: ('172.20.0.0/16') is not an IPv4 address"],
    [{ kubeDnsIp: '172.20.0.300' }, "kubeDnsIp: ('172.20.0.300') is not an IPv4 address"],
    [{ kubeDnsIp: '172.20.0.10', localIp: '10.0.0.10' }, "localIp: ('10.0.0.10') is not a link-local address (169.254.0.0/16)"],
    [{ kubeDnsIp: '172.20.0.10', localIp: '169.254.169.254' }, "localIp: ('169.254.169.254') is the instance metadata service on every EKS node"],
  ])('refuses %p, naming the prop', (input, message) => {
    expect(() => nodeLocalDnsValues(input)).toThrow(message);
  });
});
