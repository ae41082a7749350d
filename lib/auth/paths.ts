/** Where the login page lives, and where a sign-in returns to. */
export const LOGIN_PATH = "/login";

/** Where the OpenID provider sends the browser back to (the redirect URI registered with it ends in this). */
export const OIDC_CALLBACK_PATH = "/api/auth/oidc/callback";

/**
 * A path on this console to go to after signing in, or "/" for anything else: only a single leading slash followed
 * by a non-slash, non-backslash, so `//evil.example` and `/\evil.example` (which browsers read as another host)
 * and absolute URLs never become an open redirect.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || next.length > 2048) return "/";
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (/[\u0000-\u001f\\]/.test(next)) return "/";
  if (next === LOGIN_PATH || next.startsWith(`${LOGIN_PATH}?`)) return "/";
  return next;
}

export function loginPath(next?: string): string {
  const target = safeNextPath(next);
  return target === "/" ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(target)}`;
}
