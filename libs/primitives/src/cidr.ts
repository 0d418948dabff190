/** IPv4 CIDR arithmetic: pure functions, no dependencies. */

export interface Cidr {
  /** Network address as an unsigned 32-bit integer. */
  readonly network: number;
  readonly prefix: number;
}

const ADDRESS_RE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const PREFIX_RE = /^\d{1,2}$/;

/**
 * Parses a dotted-quad IPv4 address (`a.b.c.d`, each octet 0–255) into an
 * unsigned 32-bit integer; undefined when malformed.
 */
export function parseIpv4Address(text: string): number | undefined {
  const m = ADDRESS_RE.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  return ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
}

export interface ParseCidrOptions {
  /**
   * Accept an address with host bits set (`10.0.0.1/24`), as Kubernetes'
   * NetworkPolicy `ipBlock.cidr` and `loadBalancerSourceRanges` do; the
   * result is the block's network (`10.0.0.0/24`). @default false (undefined is returned)
   */
  readonly allowHostBits?: boolean;
}

/** Parses `a.b.c.d/n`; returns undefined when malformed or, unless allowed, when host bits are set. */
export function parseCidr(text: string, options: ParseCidrOptions = {}): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = parseIpv4Address(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (address === undefined || !PREFIX_RE.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > 32) return undefined;
  const network = (address & prefixMask(prefix)) >>> 0;
  if (network !== address && !options.allowHostBits) return undefined;
  return { network, prefix };
}

/** True when `address` (an unsigned 32-bit integer, see parseIpv4Address) lies in `block`. */
export function cidrContains(block: Cidr, address: number): boolean {
  return (address & prefixMask(block.prefix)) >>> 0 === block.network;
}

/**
 * IPv6 CIDR notation (`2001:db8::/32`): hex groups and colons, a prefix of
 * 0–128. A shape check only (the group count is not verified).
 */
export function isIpv6CidrNotation(text: string): boolean {
  const m = /^([0-9a-fA-F:]+)\/(\d{1,3})$/.exec(text);
  return m !== null && m[1].includes(':') && Number(m[2]) <= 128;
}

/** Like parseCidr, but throws with the offending text. */
export function mustParseCidr(text: string): Cidr {
  const cidr = parseCidr(text);
  if (!cidr) throw new Error(`'${text}' is not an IPv4 CIDR block with its host bits zero`);
  return cidr;
}

export function formatCidr(cidr: Cidr): string {
  const n = cidr.network;
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}/${cidr.prefix}`;
}

export function prefixMask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** True when the two blocks share at least one address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  const mask = prefixMask(Math.min(a.prefix, b.prefix));
  return (a.network & mask) >>> 0 === (b.network & mask) >>> 0;
}

/** The `index`-th block of length `prefix` inside `parent`. */
export function subdivide(parent: Cidr, prefix: number, index: number): Cidr {
  if (prefix < parent.prefix || prefix > 32) {
    throw new Error(`cannot carve a /${prefix} out of ${formatCidr(parent)}`);
  }
  const count = 2 ** (prefix - parent.prefix);
  if (index < 0 || index >= count) {
    throw new Error(`${formatCidr(parent)} holds ${count} /${prefix} blocks; index ${index} is out of range`);
  }
  return { network: (parent.network + index * 2 ** (32 - prefix)) >>> 0, prefix };
}

/** Dotted-quad form of an unsigned 32-bit address. */
export function formatAddress(address: number): string {
  const n = address >>> 0;
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/**
 * The `index`-th address of a block, counting the network address as 0:
 * `nthAddress('172.20.0.0/16', 10)` is `172.20.0.10`. Throws when the block
 * has fewer addresses.
 */
export function nthAddress(block: string, index: number): string {
  const cidr = mustParseCidr(block);
  const size = 2 ** (32 - cidr.prefix);
  if (!Number.isInteger(index) || index < 0 || index >= size) {
    throw new Error(`${block} holds ${size} addresses; address ${index} is out of range`);
  }
  return formatAddress(cidr.network + index);
}

/** Where EKS puts the kube-dns Service: the 10th address of the service CIDR. */
export const KUBE_DNS_ADDRESS_INDEX = 10;

/**
 * The ClusterIP of the `kube-dns` Service of an EKS cluster: EKS assigns the
 * 10th address of `serviceIpv4Cidr` (172.20.0.10 for the default 172.20.0.0/16,
 * 10.100.0.10 for 10.100.0.0/16), and every kubelet's `clusterDNS` points at it.
 */
export function kubeDnsIp(serviceIpv4Cidr: string): string {
  return nthAddress(serviceIpv4Cidr, KUBE_DNS_ADDRESS_INDEX);
}
