import "server-only";
/**
 * Mutations only from the console's own pages: the rule proxy.ts applies to every request before any server
 * action runs. Pure, so it is tested without a server.
 *
 * The console's own origin is the host the request was sent to, as Next.js decides it for its own server-action
 * check: the first `X-Forwarded-Host` (set by a reverse proxy, or by Next.js itself from `Host`), else `Host`. Like
 * Next.js, only the host (and port) is compared, since behind a proxy the server does not know the browser's
 * scheme. Extra origins (CONSOLE_ALLOWED_ORIGINS) are compared whole: scheme, host and port.
 */

export const ALLOWED_ORIGINS_VARIABLE = "CONSOLE_ALLOWED_ORIGINS";

/** What the check reads of a request: its method and four headers (null when absent). */
export interface MutationRequest {
  method: string;
  origin: string | null;
  secFetchSite: string | null;
  host: string | null;
  forwardedHost: string | null;
}

export type OriginVerdict =
  /** `forwardedHost`: an allowed extra origin's host, for Next.js's own check to compare with (see proxy.ts). */
  { allowed: true; forwardedHost?: string } | { allowed: false; message: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** POST (every server action), PUT, PATCH, DELETE and anything else that is not a read. */
export function isMutation(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * `https://console.example.com, http://10.0.0.5:8080` → the origins, normalized (lower-case host, no default
 * port); unset or blank is none. Anything that is not an http(s) origin (a path, a query, a wildcard, user info)
 * is an error naming the entry.
 */
export function parseAllowedOrigins(text: string | undefined): { origins: string[] } | { error: string } {
  const entries = (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const origins: string[] = [];
  for (const entry of entries) {
    const origin = originOf(entry);
    if (!origin)
      return {
        error:
          `has "${entry}", which is not an origin like https://console.example.com (http or https, a ` +
          `host and an optional port, no path)`,
      };
    if (!origins.includes(origin)) origins.push(origin);
  }
  return { origins };
}

function originOf(entry: string): string | null {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return null;
  }
  const bare =
    (url.protocol === "http:" || url.protocol === "https:") &&
    url.username === "" &&
    url.password === "" &&
    url.search === "" &&
    url.hash === "";
  // "https://host" and "https://host/" are the same origin; "https://host/console" is not an origin.
  if (!bare || url.pathname !== "/" || /[?#*]/.test(entry) || !/^https?:\/\/[^/]+\/?$/i.test(entry)) return null;
  return url.origin;
}

/** The host the request was sent to: the first X-Forwarded-Host, else Host (lower-case). */
export function ownHost(request: Pick<MutationRequest, "host" | "forwardedHost">): string | null {
  const forwarded = request.forwardedHost?.split(",")[0]?.trim();
  const host = forwarded || request.host?.trim();
  return host ? host.toLowerCase() : null;
}

function refused(from: string): OriginVerdict {
  return {
    allowed: false,
    message:
      `Changes are accepted only from the console's own pages, and this request came from ${from}. ` +
      (`Make the change in the console itself; if the console is reached through another address, add that ` +
        `origin to ${ALLOWED_ORIGINS_VARIABLE}.`),
  };
}

/**
 * Whether a request may go on. Reads always may. A mutation is refused when its Origin is present and is neither
 * the console's own host nor one of `allowedOrigins` (an opaque `null` origin is never allowed), or when the
 * browser says it is cross-site (Sec-Fetch-Site) and the Origin is not an allowed one. A request with neither
 * header is not from a browser page (curl, a script), so it carries no one else's cookies: allowed, as Next.js does.
 */
export function checkOrigin(request: MutationRequest, allowedOrigins: readonly string[]): OriginVerdict {
  if (!isMutation(request.method)) return { allowed: true };
  const crossSite = request.secFetchSite?.trim().toLowerCase() === "cross-site";
  const origin = request.origin?.trim();
  if (!origin) return crossSite ? refused("another site") : { allowed: true };
  if (origin === "null") return refused("a page without an origin (a sandboxed frame, a file or a data: URL)");

  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return refused(`"${origin.slice(0, 100)}", which is not an origin`);
  }
  if (allowedOrigins.includes(url.origin)) {
    const host = ownHost(request);
    return host === url.host ? { allowed: true } : { allowed: true, forwardedHost: url.host };
  }
  if (!crossSite && url.host === ownHost(request)) return { allowed: true };
  return refused(url.origin);
}
