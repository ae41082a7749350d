import "server-only";
import { BlockList, isIP } from "node:net";
/**
 * Who is asking, for per-client limits and the log: the address of the TCP peer, which a client cannot choose.
 * X-Forwarded-For is read only when that peer is a configured proxy (TRUSTED_PROXIES), and then from the right:
 * the first address not itself a trusted proxy is the client. Without trusted proxies it is never read, so a client
 * cannot reset its own limits or write a made-up address into the log by sending the header.
 *
 * The peer address comes from `x-console-peer`, which the server's entry point (scripts/standalone-entry.cjs) sets on
 * every request from the socket, overwriting anything a client sent.
 */

export const TRUSTED_PROXIES_VARIABLE = "TRUSTED_PROXIES";
export const PEER_HEADER = "x-console-peer";

/** `10.0.0.0/8, 192.168.1.5, fd00::/8` → the entries, normalized; anything but an address or a CIDR is an error. */
export function parseTrustedProxies(text: string | undefined): { proxies: string[] } | { error: string } {
  const proxies: string[] = [];
  for (const raw of (text ?? "").split(",")) {
    const entry = raw.trim();
    if (entry === "") continue;
    const [address = "", bits, extra] = entry.split("/");
    const family = isIP(address);
    const max = family === 6 ? 128 : 32;
    const prefix = bits === undefined ? max : Number(bits);
    if (family === 0 || extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > max || bits === "")
      return {
        error: `has "${entry.slice(0, 100)}", which is not an IP address or a CIDR range like 10.0.0.0/8 or fd00::/8`,
      };
    proxies.push(`${address}/${prefix}`);
  }
  return { proxies };
}

function blockList(proxies: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of proxies) {
    const [address = "", bits = "32"] = entry.split("/");
    list.addSubnet(address, Number(bits), isIP(address) === 6 ? "ipv6" : "ipv4");
  }
  return list;
}

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) → "10.0.0.1". */
function plain(address: string): string {
  const a = address.trim().toLowerCase();
  return a.startsWith("::ffff:") && isIP(a.slice(7)) === 4 ? a.slice(7) : a;
}

const cache = new WeakMap<readonly string[], BlockList>();

function isTrusted(address: string, proxies: readonly string[]): boolean {
  if (proxies.length === 0) return false;
  let list = cache.get(proxies);
  if (!list) {
    list = blockList(proxies);
    cache.set(proxies, list);
  }
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the peer, or, when the peer is a trusted proxy, the right-most X-Forwarded-For address that
 * is not a trusted proxy. "unknown" when the server was started without the entry point that records the peer.
 */
export function clientAddressOf(headers: Headers, proxies: readonly string[]): string {
  const peer = headers.get(PEER_HEADER);
  if (!peer) return "unknown";
  let client = plain(peer);
  if (!isTrusted(client, proxies)) return client;
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => plain(h))
    .filter((h) => h !== "");
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] ?? "";
    if (isIP(hop) === 0) break;
    client = hop;
    if (!isTrusted(hop, proxies)) break;
  }
  return client;
}
