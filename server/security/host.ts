import "server-only";
import { isIP } from "node:net";
/**
 * The Host check against DNS rebinding, applied by proxy.ts to every request (pages, routes, server actions, the
 * message stream) before anything else. Pure, so it is tested without a server.
 *
 * A page on evil.example whose name later resolves to 127.0.0.1 is, to the browser, same-origin with itself: its
 * requests reach the console with `Host: evil.example:8080` and a matching Origin, so the origin check alone passes
 * them. The Host header is the one thing such a page cannot make look like the console's own name. Accepted:
 * - IP literals (127.0.0.1, 10.0.0.5, [::1]): reaching the console by address involves no name to rebind;
 * - `localhost` and `*.localhost`, which browsers resolve to loopback themselves;
 * - the hosts of AUTH_OIDC_REDIRECT_URI and CONSOLE_ALLOWED_ORIGINS, and CONSOLE_ALLOWED_HOSTS.
 * X-Forwarded-Host, when present, is held to the same rule: a page may set it on its own requests.
 */

export const ALLOWED_HOSTS_VARIABLE = "CONSOLE_ALLOWED_HOSTS";

/** `name` allows it on any port; `name:port` on that port only. Lower-case. */
const HOST_ENTRY =
  /^(?:\*\.)?[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$/;

/** CONSOLE_ALLOWED_HOSTS: `kafka.example.com, console.internal:8080, *.corp.example`; unset or blank is none. */
export function parseAllowedHosts(text: string | undefined): { hosts: string[] } | { error: string } {
  const hosts: string[] = [];
  for (const raw of (text ?? "").split(",")) {
    const entry = raw.trim().toLowerCase();
    if (entry === "") continue;
    if (!HOST_ENTRY.test(entry))
      return {
        error:
          `has "${raw.trim().slice(0, 100)}", which is not a host name like kafka.example.com or ` +
          `kafka.example.com:8443 (no scheme, no path; *.example.com for every name under one domain)`,
      };
    if (!hosts.includes(entry)) hosts.push(entry);
  }
  return { hosts };
}

/** "Kafka.Example.com:8080" -> { name: "kafka.example.com", port: "8080" }; "[::1]:8080" -> { name: "::1", ... }. */
export function splitHost(host: string): { name: string; port: string | null } {
  const h = host.trim().toLowerCase();
  if (h.startsWith("[")) {
    const end = h.indexOf("]");
    const port = h.slice(end + 1).startsWith(":") ? h.slice(end + 2) : null;
    return { name: h.slice(1, end === -1 ? undefined : end), port };
  }
  const colon = h.lastIndexOf(":");
  return colon === -1 ? { name: h, port: null } : { name: h.slice(0, colon), port: h.slice(colon + 1) };
}

export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const { name, port } = splitHost(host);
  if (name === "") return false;
  if (isIP(name) !== 0) return true;
  if (name === "localhost" || name.endsWith(".localhost")) return true;
  const full = port === null ? name : `${name}:${port}`;
  return allowed.some((entry) => {
    const { name: allowedName, port: allowedPort } = splitHost(entry);
    const nameOk = allowedName.startsWith("*.") ? name.endsWith(allowedName.slice(1)) : allowedName === name;
    return nameOk && (allowedPort === null || entry === full || allowedPort === port);
  });
}

export type HostVerdict = { allowed: true } | { allowed: false; message: string };

/** Whether a request's Host (and X-Forwarded-Host, if any) is one the console answers to. */
export function checkHost(
  request: { host: string | null; forwardedHost: string | null },
  allowed: readonly string[],
): HostVerdict {
  const host = request.host?.trim() ?? "";
  const forwarded = (request.forwardedHost ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter((h) => h !== "");
  const refused = [host, ...forwarded].find((h) => !hostAllowed(h, allowed));
  if (refused === undefined) return { allowed: true };
  const shown = refused === "" ? "no host" : `"${refused.slice(0, 100)}"`;
  return {
    allowed: false,
    message:
      `This console does not answer to ${shown}. Open it by its own address (localhost, its IP address or a ` +
      `name in ${ALLOWED_HOSTS_VARIABLE}); if it is reached through another name, add that name to ` +
      `${ALLOWED_HOSTS_VARIABLE}.`,
  };
}

/** The hosts of origins ("https://kafka.example.com" -> "kafka.example.com"), for the allowed list. */
export function hostsOfOrigins(origins: readonly (string | null)[]): string[] {
  return origins.flatMap((o) => {
    if (!o) return [];
    try {
      return [new URL(o).host.toLowerCase()];
    } catch {
      return [];
    }
  });
}
