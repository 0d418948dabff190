import { formatIssue } from '@boomi-eks/primitives';
import { CLUSTER_DEFAULTS, validateCluster, type ClusterRulesInput } from '@boomi-eks/eks/rules';

const VALID: ClusterRulesInput = { publicAccessCidrs: ['203.0.113.0/24'], adminPrincipalArns: ['arn:aws:iam::123456789012:role/admin'] };
const paths = (props: Partial<ClusterRulesInput>) => validateCluster({ ...VALID, ...props }).map((i) => i.path);

describe('validateCluster', () => {
  it('accepts valid props and the defaults', () => {
    expect(validateCluster(VALID)).toEqual([]);
  });

  describe('endpoint access', () => {
    it('refuses a public endpoint with no CIDRs (the default list is empty), with value, problem and fix', () => {
      expect(validateCluster({ adminPrincipalArns: VALID.adminPrincipalArns }).map(formatIssue)).toEqual([
        'publicAccessCidrs: ([]) is empty while the public endpoint is on, which would open the API to the whole internet: ' +
          'list your admin and CI egress CIDRs, or turn the public endpoint off',
      ]);
    });

    it('accepts no CIDRs once the public endpoint is off (private only)', () => {
      expect(paths({ endpointPublicAccess: false, publicAccessCidrs: [] })).toEqual([]);
    });

    it('refuses both endpoints off, and accepts either one on', () => {
      expect(paths({ endpointPublicAccess: false, endpointPrivateAccess: false })).toEqual(['endpointPrivateAccess']);
      expect(paths({ endpointPublicAccess: true, endpointPrivateAccess: false })).toEqual([]);
      expect(paths({ endpointPublicAccess: false, endpointPrivateAccess: true })).toEqual([]);
    });

    it('refuses a public CIDR that is not a CIDR block, at its index', () => {
      expect(paths({ publicAccessCidrs: ['203.0.113.0/24', '203.0.113.0'] })).toEqual(['publicAccessCidrs[1]']);
    });
  });

  describe('service CIDR (a /12 to /24 inside RFC 1918)', () => {
    it.each([
      ['172.20.0.0/16', []],
      ['10.0.0.0/12', []],
      ['192.168.0.0/24', []],
      ['10.0.0.0/11', ['serviceIpv4Cidr']],
      ['172.20.0.0/25', ['serviceIpv4Cidr']],
      ['100.64.0.0/16', ['serviceIpv4Cidr']],
      ['172.15.0.0/16', ['serviceIpv4Cidr']],
      ['not-a-cidr', ['serviceIpv4Cidr']],
    ])('%s → %j', (cidr, expected) => {
      expect(paths({ serviceIpv4Cidr: cidr })).toEqual(expected);
    });

    it('names the rule and offers the default as the fix', () => {
      const [issue] = validateCluster({ ...VALID, serviceIpv4Cidr: '172.20.0.0/25' });
      expect(issue.message).toBe('must be a /12 to /24 inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (an EKS rule)');
      expect(issue.fix).toContain(CLUSTER_DEFAULTS.serviceIpv4Cidr);
    });
  });

  it('refuses an empty admin list', () => {
    expect(paths({ adminPrincipalArns: [] })).toEqual(['adminPrincipalArns']);
  });

  it('reports every problem at once', () => {
    expect(validateCluster({ endpointPublicAccess: true, publicAccessCidrs: [], serviceIpv4Cidr: '10.0.0.0/8', adminPrincipalArns: [] }).map((i) => i.path)).toEqual([
      'publicAccessCidrs',
      'serviceIpv4Cidr',
      'adminPrincipalArns',
    ]);
  });

  it('skips values the isUnresolved predicate marks (deploy-time tokens)', () => {
    const TOKEN = '${TfToken[TOKEN.1]}';
    const isUnresolved = (v: unknown) => v === TOKEN;
    expect(validateCluster({ ...VALID, serviceIpv4Cidr: TOKEN, publicAccessCidrs: [TOKEN] }, { isUnresolved })).toEqual([]);
    expect(validateCluster({ ...VALID, serviceIpv4Cidr: TOKEN, publicAccessCidrs: [TOKEN] }).map((i) => i.path)).toEqual([
      'publicAccessCidrs[0]',
      'serviceIpv4Cidr',
    ]);
  });
});
