import { KUBE_DNS_ADDRESS_INDEX, cidrContains, cidrsOverlap, formatCidr, isIpv6CidrNotation, kubeDnsIp, mustParseCidr, nthAddress, parseCidr, parseIpv4Address, subdivide, type Cidr } from './cidr';

/** Builds the expected network number from dotted octets, unsigned. */
const ip = (a: number, b: number, c: number, d: number): number => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

describe('parseCidr', () => {
  it.each<[string, Cidr]>([
    ['10.100.0.0/16', { network: ip(10, 100, 0, 0), prefix: 16 }],
    ['172.20.0.0/16', { network: ip(172, 20, 0, 0), prefix: 16 }],
    ['192.168.255.0/24', { network: ip(192, 168, 255, 0), prefix: 24 }],
    ['203.0.113.7/32', { network: ip(203, 0, 113, 7), prefix: 32 }],
    ['255.255.255.255/32', { network: 0xffffffff, prefix: 32 }],
    ['0.0.0.0/0', { network: 0, prefix: 0 }],
  ])('parses %s', (text, expected) => {
    expect(parseCidr(text)).toEqual(expected);
  });

  it('returns an unsigned network for addresses with the high bit set', () => {
    expect(parseCidr('192.168.0.0/16')?.network).toBe(3232235520);
  });

  it.each([
    ['10.100.0.1/16', 'host bits set in the last octet'],
    ['10.100.1.0/23', 'host bit set inside the third octet'],
    ['11.0.0.0/7', 'host bit set inside the first octet'],
    ['1.0.0.0/0', 'any address with /0'],
  ])('returns undefined for %s (%s)', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });

  it.each([
    ['10.256.0.0/16', 'octet > 255'],
    ['300.0.0.0/8', 'first octet > 255'],
    ['10.0.0.0/33', 'prefix > 32'],
    ['10.0.0.0/99', 'prefix far above 32'],
    ['10.0.0.0', 'no prefix'],
    ['10.0.0/8', 'three octets'],
    ['10.0.0.0.0/8', 'five octets'],
    ['1000.0.0.0/8', 'four-digit octet'],
    ['10.0.0.0/123', 'three-digit prefix'],
    ['-1.0.0.0/8', 'negative octet'],
    ['10.0.0.0/-1', 'negative prefix'],
    [' 10.0.0.0/8', 'leading space'],
    ['10.0.0.0/8 ', 'trailing space'],
    ['a.b.c.d/8', 'letters'],
    ['', 'empty string'],
    ['junk', 'junk'],
  ])('returns undefined for %p (%s)', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe('mustParseCidr', () => {
  it('returns the parsed block', () => {
    expect(mustParseCidr('10.0.0.0/8')).toEqual({ network: ip(10, 0, 0, 0), prefix: 8 });
  });

  it('throws with the offending text and the host-bits hint', () => {
    expect(() => mustParseCidr('10.0.0.1/8')).toThrow("'10.0.0.1/8' is not an IPv4 CIDR block with its host bits zero");
  });
});

describe('formatCidr', () => {
  it.each(['0.0.0.0/0', '10.100.0.0/16', '10.100.240.0/20', '172.16.0.0/12', '192.168.1.128/25', '255.255.255.255/32'])(
    'round-trips %s',
    (text) => {
      expect(formatCidr(mustParseCidr(text))).toBe(text);
    },
  );

  it('formats a hand-built block', () => {
    expect(formatCidr({ network: ip(198, 51, 100, 0), prefix: 24 })).toBe('198.51.100.0/24');
  });
});

describe('cidrsOverlap', () => {
  it.each([
    // nested, in both argument orders
    ['10.0.0.0/8', '10.100.0.0/16', true],
    ['10.100.0.0/16', '10.0.0.0/8', true],
    ['192.168.0.0/16', '192.168.128.0/17', true],
    ['10.100.0.0/16', '10.100.255.255/32', true],
    ['0.0.0.0/0', '203.0.113.0/24', true],
    // identical
    ['10.100.0.0/16', '10.100.0.0/16', true],
    ['203.0.113.7/32', '203.0.113.7/32', true],
    // disjoint
    ['10.100.0.0/16', '172.20.0.0/16', false],
    ['10.0.0.0/8', '192.168.0.0/16', false],
    // adjacent: touching but sharing no address
    ['10.100.0.0/24', '10.100.1.0/24', false],
    ['10.100.0.0/16', '10.101.0.0/16', false],
    ['192.168.0.0/17', '192.168.128.0/17', false],
    ['10.100.0.255/32', '10.100.1.0/32', false],
  ])('%s and %s → %p', (a, b, expected) => {
    expect(cidrsOverlap(mustParseCidr(a), mustParseCidr(b))).toBe(expected);
  });
});

describe('subdivide', () => {
  const vpc = mustParseCidr('10.100.0.0/16');

  it.each([
    [20, 0, '10.100.0.0/20'],
    [20, 1, '10.100.16.0/20'],
    [20, 15, '10.100.240.0/20'],
    [18, 3, '10.100.192.0/18'],
    [24, 255, '10.100.255.0/24'],
    [16, 0, '10.100.0.0/16'],
    [32, 65535, '10.100.255.255/32'],
  ])('carves /%i block #%i of 10.100.0.0/16 as %s', (prefix, index, expected) => {
    expect(formatCidr(subdivide(vpc, prefix, index))).toBe(expected);
  });

  it('keeps the network unsigned above 128.0.0.0', () => {
    const last = subdivide(mustParseCidr('192.168.0.0/16'), 24, 255);
    expect(last).toEqual({ network: ip(192, 168, 255, 0), prefix: 24 });
  });

  it.each([
    [20, 16, '10.100.0.0/16 holds 16 /20 blocks; index 16 is out of range'],
    [20, -1, '10.100.0.0/16 holds 16 /20 blocks; index -1 is out of range'],
    [16, 1, '10.100.0.0/16 holds 1 /16 blocks; index 1 is out of range'],
  ])('throws for /%i index %i', (prefix, index, message) => {
    expect(() => subdivide(vpc, prefix, index)).toThrow(message);
  });

  it.each([
    [8, 'cannot carve a /8 out of 10.100.0.0/16'],
    [15, 'cannot carve a /15 out of 10.100.0.0/16'],
    [33, 'cannot carve a /33 out of 10.100.0.0/16'],
  ])('throws for a /%i (bad prefix)', (prefix, message) => {
    expect(() => subdivide(vpc, prefix, 0)).toThrow(message);
  });
});

describe('nthAddress', () => {
  it('counts from the network address', () => {
    expect(nthAddress('172.20.0.0/16', 0)).toBe('172.20.0.0');
    expect(nthAddress('172.20.0.0/16', 10)).toBe('172.20.0.10');
    expect(nthAddress('10.0.0.0/8', 256)).toBe('10.0.1.0');
  });

  it('reaches the last address of the block and no further', () => {
    expect(nthAddress('192.168.1.0/24', 255)).toBe('192.168.1.255');
    expect(() => nthAddress('192.168.1.0/24', 256)).toThrow(/192\.168\.1\.0\/24 holds 256 addresses; address 256 is out of range/);
    expect(() => nthAddress('192.168.1.0/24', -1)).toThrow(/out of range/);
  });

  it('refuses a malformed block', () => {
    expect(() => nthAddress('172.20.0.1/16', 10)).toThrow(/not an IPv4 CIDR block/);
  });
});

describe('kubeDnsIp', () => {
  it.each([
    ['172.20.0.0/16', '172.20.0.10'],
    ['10.100.0.0/16', '10.100.0.10'],
    ['192.168.128.0/20', '192.168.128.10'],
    ['172.16.0.0/12', '172.16.0.10'],
  ])('is the 10th address of %s (%s), where EKS puts the kube-dns Service', (cidr, ip) => {
    expect(kubeDnsIp(cidr)).toBe(ip);
  });

  it('is derived from KUBE_DNS_ADDRESS_INDEX', () => {
    expect(KUBE_DNS_ADDRESS_INDEX).toBe(10);
  });
});

describe('parseIpv4Address', () => {
  it.each([
    ['0.0.0.0', 0],
    ['10.0.0.1', ip(10, 0, 0, 1)],
    ['169.254.20.10', ip(169, 254, 20, 10)],
    ['255.255.255.255', 0xffffffff],
  ])('parses %s', (text, expected) => {
    expect(parseIpv4Address(text)).toBe(expected);
  });

  it.each(['', '10.0.0', '10.0.0.256', '10.0.0.1/32', 'a.b.c.d', ' 10.0.0.1', '1.2.3.4.5', '1000.0.0.1'])('rejects %j', (text) => {
    expect(parseIpv4Address(text)).toBeUndefined();
  });
});

describe('parseCidr with allowHostBits', () => {
  it('accepts an address with host bits set and returns its network', () => {
    expect(parseCidr('10.0.0.1/24')).toBeUndefined();
    expect(parseCidr('10.0.0.1/24', { allowHostBits: true })).toEqual({ network: ip(10, 0, 0, 0), prefix: 24 });
    expect(parseCidr('203.0.113.10/32', { allowHostBits: true })).toEqual({ network: ip(203, 0, 113, 10), prefix: 32 });
  });

  it.each(['999.0.0.0/8', '10.0.0.0/33', '10.0.0.0', '10.0.0.0/', '10.0.0.0/8/8', 'office'])('still rejects %j', (text) => {
    expect(parseCidr(text, { allowHostBits: true })).toBeUndefined();
  });
});

describe('cidrContains', () => {
  const linkLocal = mustParseCidr('169.254.0.0/16');
  it.each([
    ['169.254.20.10', true],
    ['169.254.0.0', true],
    ['169.254.255.255', true],
    ['169.255.0.1', false],
    ['10.0.0.1', false],
  ])('169.254.0.0/16 contains %s: %p', (address, inside) => {
    expect(cidrContains(linkLocal, parseIpv4Address(address)!)).toBe(inside);
  });

  it('a /0 contains everything and a /32 only itself', () => {
    expect(cidrContains(mustParseCidr('0.0.0.0/0'), 0xffffffff)).toBe(true);
    expect(cidrContains(mustParseCidr('10.0.0.1/32'), ip(10, 0, 0, 1))).toBe(true);
    expect(cidrContains(mustParseCidr('10.0.0.1/32'), ip(10, 0, 0, 2))).toBe(false);
  });
});

describe('isIpv6CidrNotation', () => {
  it.each(['2001:db8::/32', '::/0', 'fd00::1/128'])('accepts %s', (text) => {
    expect(isIpv6CidrNotation(text)).toBe(true);
  });

  it.each(['10.0.0.0/8', '2001:db8::/129', '2001:db8::', 'abc/64', 'g::/64'])('rejects %s', (text) => {
    expect(isIpv6CidrNotation(text)).toBe(false);
  });
});
