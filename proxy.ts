/**
 * Runs before every request but static assets (Next.js's Proxy, formerly Middleware; the Node.js runtime).
 *
 * 0. Only the console's own names: a request whose Host (or X-Forwarded-Host) is neither an IP address, localhost,
 *    nor a configured name is answered 421 in words, whatever it asks for (server/security/host.ts: DNS rebinding).
 * 1. Mutations only from the console's own origin: a POST (every server action), PUT, PATCH or DELETE from another
 *    origin, or that the browser marks cross-site, is answered 403 `{ error: { code: "forbidden_origin" } }` before
 *    anything runs (server/security/origin.ts). Next.js refuses foreign server actions too, but only with a bare 500;
 *    this also covers what is not a server action, and CONSOLE_ALLOWED_ORIGINS extends it.
 * 2. Content-Security-Policy: pages get a policy with a fresh nonce, set on the request too, where Next.js reads it
 *    and puts it on its own scripts (every page is rendered per request: the root layout reads a cookie). The API
 *    gets a policy that allows nothing. The fixed headers (nosniff, ...) come from next.config.ts.
 *
 * The proxy never reads or wraps a response body, so the message stream (SSE) is passed on as it is written.
 */
import { type NextRequest, NextResponse } from "next/server";
import { SERVER_ACTION_BODY_LIMIT_BYTES, tooLargeMessage } from "@/lib/actions/limits";
import { API_POLICY, makeNonce, pagePolicy, SECURITY_HEADERS } from "@/server/security/headers";
import { checkHost } from "@/server/security/host";
import { checkOrigin } from "@/server/security/origin";
import { getConfig } from "@/server/config/load";
import { authGate, requestActor } from "@/server/auth/gate";
import { recordOversizedForm } from "@/server/audit/unauthenticated";

function isApi(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

/**
 * A server action's body over the limit (Content-Length; browsers always send it for a form) answers 413, and any
 * method but GET/HEAD/OPTIONS on the read-only API answers 405 naming the allowed ones. null when neither applies.
 */
function oversized(
  request: NextRequest,
): { status: number; code: string; message: string; headers?: Record<string, string> } | null {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (request.headers.has("next-action") && length > SERVER_ACTION_BODY_LIMIT_BYTES)
    return { status: 413, code: "payload_too_large", message: tooLargeMessage(length) };
  if (isApi(request.nextUrl.pathname) && !["GET", "HEAD", "OPTIONS"].includes(request.method))
    return {
      status: 405,
      code: "method_not_allowed",
      message: `The console's HTTP API only reads: ${request.method} is not allowed here, only GET.`,
      headers: { Allow: "GET, HEAD" },
    };
  return null;
}

/** A refusal in words: JSON `{ error: { code, message } }` for the API and actions, plain text for a page. */
function refusal(
  request: NextRequest,
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {},
): NextResponse {
  const wantsPage = !isApi(request.nextUrl.pathname) && request.method === "GET" && !request.headers.has("rsc");
  const response = wantsPage
    ? new NextResponse(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } })
    : NextResponse.json({ error: { code, message } }, { status });
  response.headers.set("Cache-Control", "no-store");
  for (const [key, value] of Object.entries(extra)) response.headers.set(key, value);
  for (const { key, value } of SECURITY_HEADERS) response.headers.set(key, value);
  response.headers.set("Content-Security-Policy", API_POLICY);
  return response;
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  // 0. Only the console's own names (server/security/host.ts): a page whose name was re-pointed at this machine
  //    (DNS rebinding) gets nothing, not even a read.
  const host = checkHost(
    { host: request.headers.get("host"), forwardedHost: request.headers.get("x-forwarded-host") },
    getConfig().allowedHosts,
  );
  if (!host.allowed) {
    console.warn(`Refused ${request.method} ${request.nextUrl.pathname.slice(0, 200)}: ${host.message}`);
    return refusal(request, 421, "misdirected_request", host.message);
  }

  const verdict = checkOrigin(
    {
      method: request.method,
      origin: request.headers.get("origin"),
      secFetchSite: request.headers.get("sec-fetch-site"),
      host: request.headers.get("host"),
      forwardedHost: request.headers.get("x-forwarded-host"),
    },
    getConfig().allowedOrigins,
  );

  if (!verdict.allowed) {
    console.warn(`Refused ${request.method} ${request.nextUrl.pathname.slice(0, 200)}: ${verdict.message}`);
    return refusal(request, 403, "forbidden_origin", verdict.message);
  }

  // 1b. Input past the documented limits gets a typed refusal in words, not a bare error digest or an empty 405.
  const tooBig = oversized(request);
  if (tooBig) {
    console.warn(`Refused ${request.method} ${request.nextUrl.pathname.slice(0, 200)}: ${tooBig.message}`);
    // A form refused for its size is audited (one short, rate-limited line: server/audit/unauthenticated.ts).
    if (tooBig.code === "payload_too_large")
      await recordOversizedForm(
        await requestActor(request),
        Number(request.headers.get("content-length")),
        request.nextUrl.pathname,
        tooBig.message,
      );
    return refusal(request, tooBig.status, tooBig.code, tooBig.message, tooBig.headers);
  }

  // 3. With login on, no page or API answers without a session (server/auth/gate.ts).
  const gated = await authGate(request);
  if (gated) {
    for (const { key, value } of SECURITY_HEADERS) gated.headers.set(key, value);
    gated.headers.set("Content-Security-Policy", API_POLICY);
    return gated;
  }

  const requestHeaders = new Headers(request.headers);
  // An allowed extra origin is the address the browser used: Next.js's own server-action check compares the
  // Origin with X-Forwarded-Host, so it is told that host (as a reverse proxy that forwards it would).
  if (verdict.forwardedHost) requestHeaders.set("x-forwarded-host", verdict.forwardedHost);

  if (isApi(request.nextUrl.pathname)) {
    const response = verdict.forwardedHost
      ? NextResponse.next({ request: { headers: requestHeaders } })
      : NextResponse.next();
    response.headers.set("Content-Security-Policy", API_POLICY);
    return response;
  }

  const policy = pagePolicy({ nonce: makeNonce(), dev: process.env.NODE_ENV === "development" });
  // Always replaced, so a policy (and nonce) sent by the client never reaches the renderer.
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Everything but the build's static files (hashed JS/CSS, which carry next.config.ts's headers).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
