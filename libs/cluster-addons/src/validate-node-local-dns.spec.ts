import { formatIssue } from '@boomi-eks/primitives';
import { NODE_LOCAL_DNS_DEFAULTS, RESERVED_LINK_LOCAL, validateNodeLocalDns } from '@boomi-eks/cluster-addons/rules';

const paths = (input: { kubeDnsIp?: string; localIp?: string }) => validateNodeLocalDns(input).map((i) => i.path);

describe('validateNodeLocalDns', () => {
  it('accepts the default link-local address and a kube-dns IPv4', () => {
    expect(paths({ kubeDnsIp: '172.20.0.10' })).toEqual([]);
    expect(NODE_LOCAL_DNS_DEFAULTS.localIp).toBe('169.254.20.10');
  });

  it.each([
    ['172.20.0.10', []],
    ['255.255.255.255', []],
    ['172.20.0.256', ['kubeDnsIp']],
    ['172.20.0.0/16', ['kubeDnsIp']],
    ['kube-dns', ['kubeDnsIp']],
  ])('kubeDnsIp %s → %j', (kubeDnsIp, expected) => {
    expect(paths({ kubeDnsIp })).toEqual(expected);
  });

  it.each([
    ['169.254.20.10', []],
    ['169.254.0.1', []],
    ['169.253.20.10', ['localIp']],
    ['169.254.20.256', ['localIp']],
    ...Object.keys(RESERVED_LINK_LOCAL).map((ip) => [ip, ['localIp']] as [string, string[]]),
  ])('localIp %s → %j', (localIp, expected) => {
    expect(paths({ localIp })).toEqual(expected);
  });

  it('names what already uses a reserved address, and the fix', () => {
    expect(validateNodeLocalDns({ localIp: '169.254.170.23' }).map(formatIssue)).toEqual([
      "localIp: ('169.254.170.23') is the EKS Pod Identity agent on every EKS node: use another link-local address, e.g. 169.254.20.10",
    ]);
  });

  it('reports both addresses at once, and skips deploy-time tokens', () => {
    expect(paths({ kubeDnsIp: 'x', localIp: 'y' })).toEqual(['kubeDnsIp', 'localIp']);
    expect(validateNodeLocalDns({ kubeDnsIp: 'TOKEN' }, { isUnresolved: (v) => v === 'TOKEN' })).toEqual([]);
  });
});
