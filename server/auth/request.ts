import "server-only";
import { getConfig } from "@/server/config/load";
import { clientAddressOf } from "@/server/security/client-address";

/** The first value of a header that proxies append to ("a, b" -> "a"), or undefined. */
function first(headers: Headers, name: string): string | undefined {
  return headers.get(name)?.split(",")[0]?.trim() || undefined;
}

/**
 * The client's address, for per-client limits and the log: the socket's peer, or behind a proxy listed in
 * TRUSTED_PROXIES the address it forwarded (server/security/client-address.ts). Never a header the client chose.
 */
export function clientAddress(headers: Headers): string {
  return clientAddressOf(headers, getConfig().trustedProxies);
}

/** True when the browser reached the console over https (behind a proxy: X-Forwarded-Proto), for Secure cookies. */
export function isHttps(headers: Headers): boolean {
  return first(headers, "x-forwarded-proto") === "https" || (headers.get("origin") ?? "").startsWith("https:");
}

/** The console's origin as the browser sees it (behind a proxy: X-Forwarded-Proto and -Host, as Next.js reads them). */
export function publicOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = first(request.headers, "x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = first(request.headers, "x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}
