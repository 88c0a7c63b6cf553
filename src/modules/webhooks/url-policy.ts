import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Which webhook URLs are acceptable. http(s) only, always; private, loopback,
 * link-local and other non-public addresses only while WEBHOOKS_ALLOW_PRIVATE is
 * on (SSRF protection for hosted deployments, checked at creation and again on
 * the resolved address before every delivery).
 */
const NON_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NON_PUBLIC.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['64:ff9b::', 96],
] as const) {
  NON_PUBLIC.addSubnet(net, prefix, 'ipv6');
}

/** The URL when it is absolute http(s) with a host; otherwise a message saying why not. */
export function parseWebhookUrl(text: string): URL | string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'url must be an absolute http(s) URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'url must use http or https';
  if (!url.hostname) return 'url must have a host';
  return url;
}

/** True for loopback, private, link-local, CGNAT, multicast, documentation and unspecified addresses. */
export function isNonPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return NON_PUBLIC.check(bare, 'ipv4');
  if (family !== 6) return true; // not an address at all: refuse rather than guess
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return NON_PUBLIC.check(mapped[1], 'ipv4');
  return NON_PUBLIC.check(bare, 'ipv6');
}

/**
 * Resolves the URL's host (every address it has) and answers the first non-public
 * address, or null when all are public. Throws when the host does not resolve.
 */
export async function nonPublicTarget(url: URL): Promise<string | null> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return isNonPublicAddress(host) ? host : null;
  const addresses = await lookup(host, { all: true, verbatim: true });
  if (!addresses.length) throw new Error(`${host} does not resolve`);
  return addresses.find((a) => isNonPublicAddress(a.address))?.address ?? null;
}
