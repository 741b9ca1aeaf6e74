import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook must never reach when private networks are not allowed: loopback, private
 * ranges, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, documentation,
 * benchmarking, multicast and reserved ranges — in IPv4, IPv6 and IPv4-mapped IPv6.
 */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
  ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) INTERNAL.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) INTERNAL.addSubnet(network, prefix, 'ipv6');

/** True for an address on the public internet; false for anything internal (or not an address). */
export function isPublicAddress(address: string): boolean {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = isIP(bare);
  if (family === 4) return !INTERNAL.check(bare, 'ipv4');
  if (family !== 6) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return !INTERNAL.check(mapped[1], 'ipv4');
  return !INTERNAL.check(bare, 'ipv6');
}

/** Why a host name may not be used at all, before any lookup: names that always mean this machine or its network. */
export function internalHostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local') || name.endsWith('.internal') || !name.includes('.') && isIP(name) === 0;
}
