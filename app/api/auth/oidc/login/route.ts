import { NextResponse } from "next/server";
import { startSignIn } from "@/server/auth/oidc";
import { publicOrigin } from "@/server/auth/request";
import { cookieOptions, OIDC_COOKIE } from "@/server/auth/session";
import { getConfig } from "@/server/config/load";

export const dynamic = "force-dynamic";

/** Starts single sign-on: off to the provider, with the flow's checks remembered in a signed cookie. */
export async function GET(request: Request): Promise<Response> {
  const { auth } = getConfig();
  // The registered redirect URI's origin when configured; else this request's, as the browser addressed it.
  const origin = auth.oidc?.publicOrigin ?? publicOrigin(request);
  const next = new URL(request.url).searchParams.get("next") ?? "/";
  if (!auth.enabled || !auth.oidc) return NextResponse.redirect(new URL("/login?error=disabled", origin), 303);
  try {
    const flow = await startSignIn(auth.oidc, auth.sessionSecret, origin, next);
    const response = NextResponse.redirect(flow.url, 303);
    response.cookies.set(OIDC_COOKIE, flow.cookie, cookieOptions(origin.startsWith("https:"), flow.maxAge));
    return response;
  } catch {
    return NextResponse.redirect(new URL("/login?error=unavailable", origin), 303);
  }
}
