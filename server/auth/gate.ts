import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { AuditActor } from "@/lib/audit/entry";
import { loginPath } from "@/lib/auth/paths";
import { sessionEnded } from "@/server/auth/revocation";
import { openSession, SESSION_COOKIE } from "@/server/auth/session";
import { getConfig } from "@/server/config/load";

/** Reachable without a session: the sign-in page and flow, health, metrics (own token), the icon and the logo. */
function isPublic(pathname: string): boolean {
  return (
    pathname === "/login" ||
    pathname.startsWith("/api/auth/") ||
    pathname === "/api/health" ||
    // Prometheus has no session: /metrics checks METRICS_TOKEN itself (required when login is on).
    pathname === "/metrics" ||
    pathname === "/favicon.svg" ||
    pathname === "/logo.svg" ||
    pathname === "/favicon.ico"
  );
}

/**
 * The proxy's first line: with login on, a request without a valid session gets the sign-in page (pages) or a 401
 * in words (the API), before any page renders or any Kafka request is made. Server actions pass: each one refuses
 * for itself (server/run-action.ts), so a form whose session expired gets its message in the form. This only
 * checks that someone is signed in (with a session that was not signed out); what they may do is checked by every
 * route handler and action.
 */
export async function authGate(request: NextRequest): Promise<NextResponse | null> {
  const { auth } = getConfig();
  const { pathname, search } = request.nextUrl;
  if (!auth.enabled || isPublic(pathname) || request.headers.has("next-action")) return null;
  const session = openSession(request.cookies.get(SESSION_COOKIE)?.value, auth.sessionSecret);
  if (session && !(await sessionEnded(session))) return null;
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    return NextResponse.json(
      {
        error: {
          code: "unauthenticated",
          message: "Sign in to use the console: your session is missing or has expired.",
        },
      },
      { status: 401, headers: { "Cache-Control": "no-store" } },
    );
  }
  return NextResponse.redirect(new URL(loginPath(`${pathname}${search}`), request.url), 303);
}

/** Who sent this request, for the audit log: the signed-in user, "anonymous" while login is off, or nobody. */
export async function requestActor(request: NextRequest): Promise<AuditActor> {
  const { auth } = getConfig();
  if (!auth.enabled) return { name: "anonymous", via: "anonymous" };
  const session = openSession(request.cookies.get(SESSION_COOKIE)?.value, auth.sessionSecret);
  if (!session || (await sessionEnded(session))) return { name: "(not signed in)", via: "none" };
  return { name: session.sub, via: session.via };
}
