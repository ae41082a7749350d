import "server-only";
/**
 * Who may reach the console and from where (pure: parse.ts calls this):
 *   CONSOLE_ALLOWED_ORIGINS   origins besides the console's own from which changes are accepted (proxy.ts)
 *   CONSOLE_ALLOWED_HOSTS     host names the console answers to besides IP addresses and localhost (DNS rebinding)
 *   TRUSTED_PROXIES           addresses/CIDRs of reverse proxies whose X-Forwarded-For is believed
 */
import { TRUSTED_PROXIES_VARIABLE, parseTrustedProxies } from "@/server/security/client-address";
import { ALLOWED_HOSTS_VARIABLE, hostsOfOrigins, parseAllowedHosts } from "@/server/security/host";
import { ALLOWED_ORIGINS_VARIABLE, parseAllowedOrigins } from "@/server/security/origin";

export interface NetworkConfig {
  allowedOrigins: string[];
  /** With the hosts of CONSOLE_ALLOWED_ORIGINS and of the OpenID redirect URI (`publicOrigin`). */
  allowedHosts: string[];
  trustedProxies: string[];
}

export function parseNetworkConfig(
  env: Record<string, string | undefined>,
  publicOrigin: string | null,
  problems: string[],
): NetworkConfig {
  const origins = parseAllowedOrigins(env[ALLOWED_ORIGINS_VARIABLE]);
  if ("error" in origins) problems.push(`${ALLOWED_ORIGINS_VARIABLE} ${origins.error}`);
  const hosts = parseAllowedHosts(env[ALLOWED_HOSTS_VARIABLE]);
  if ("error" in hosts) problems.push(`${ALLOWED_HOSTS_VARIABLE} ${hosts.error}`);
  const proxies = parseTrustedProxies(env[TRUSTED_PROXIES_VARIABLE]);
  if ("error" in proxies) problems.push(`${TRUSTED_PROXIES_VARIABLE} ${proxies.error}`);
  const allowedOrigins = "origins" in origins ? origins.origins : [];
  return {
    allowedOrigins,
    allowedHosts: [...("hosts" in hosts ? hosts.hosts : []), ...hostsOfOrigins([...allowedOrigins, publicOrigin])],
    trustedProxies: "proxies" in proxies ? proxies.proxies : [],
  };
}
