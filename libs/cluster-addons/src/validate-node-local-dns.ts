/**
 * The rules of NodeLocal DNSCache's input, as a pure function:
 * `nodeLocalDnsValues` (and so `NodeLocalDns`) throws them as one
 * `InvalidPropsError`; `@boomi-eks/config` reports the same issues under
 * `nodeLocalDns.*`.
 */
import { cidrContains, mustParseCidr, parseIpv4Address, type PropsIssue, type ValidateOptions } from '@boomi-eks/primitives';
import { NODE_LOCAL_DNS_DEFAULTS, RESERVED_LINK_LOCAL } from './cluster-addons-defaults';

export type { ValidateOptions } from '@boomi-eks/primitives';

const isIpv4 = (ip: string): boolean => parseIpv4Address(ip) !== undefined;
const LINK_LOCAL = mustParseCidr('169.254.0.0/16');
const isLinkLocal = (ip: string): boolean => cidrContains(LINK_LOCAL, parseIpv4Address(ip)!);

/** Every problem of the addresses: kube-dns's must be IPv4; the cache's own a free link-local one. */
export function validateNodeLocalDns(
  input: { readonly kubeDnsIp?: string; readonly localIp?: string },
  options: ValidateOptions = {},
): PropsIssue[] {
  const unresolved = options.isUnresolved ?? (() => false);
  const out: PropsIssue[] = [];
  const { kubeDnsIp } = input;
  if (kubeDnsIp !== undefined && !unresolved(kubeDnsIp) && !isIpv4(kubeDnsIp)) {
    out.push({ path: 'kubeDnsIp', value: kubeDnsIp, message: 'is not an IPv4 address', fix: "pass kubeDnsIp(cluster.serviceIpv4Cidr) from @boomi-eks/primitives, e.g. '172.20.0.10'" });
  }
  const localIp = input.localIp ?? NODE_LOCAL_DNS_DEFAULTS.localIp;
  if (!unresolved(localIp)) {
    if (!isIpv4(localIp)) {
      out.push({ path: 'localIp', value: localIp, message: 'is not an IPv4 address', fix: `every part must be 0-255, e.g. ${NODE_LOCAL_DNS_DEFAULTS.localIp}` });
    } else if (!isLinkLocal(localIp)) {
      out.push({ path: 'localIp', value: localIp, message: 'is not a link-local address (169.254.0.0/16)', fix: `use one such as ${NODE_LOCAL_DNS_DEFAULTS.localIp}` });
    } else if (RESERVED_LINK_LOCAL[localIp]) {
      out.push({
        path: 'localIp',
        value: localIp,
        message: `is ${RESERVED_LINK_LOCAL[localIp]} on every EKS node`,
        fix: `use another link-local address, e.g. ${NODE_LOCAL_DNS_DEFAULTS.localIp}`,
      });
    }
  }
  return out;
}
