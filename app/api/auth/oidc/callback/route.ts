import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { finishSignIn, SignInError } from "@/server/auth/oidc";
import { publicOrigin } from "@/server/auth/request";
import { cookieOptions, OIDC_COOKIE, sealSession, SESSION_COOKIE } from "@/server/auth/session";
import { getConfig } from "@/server/config/load";

export const dynamic = "force-dynamic";

/** The provider sends the browser back here with a code: checked, exchanged, and the user signed in. */
export async function GET(request: Request): Promise<Response> {
  const { auth } = getConfig();
  // The registered redirect URI's origin when configured; else this request's, as the browser addressed it.
  const origin = auth.oidc?.publicOrigin ?? publicOrigin(request);
  const back = (error: string) => {
    const response = NextResponse.redirect(new URL(`/login?error=${error}`, origin), 303);
    response.cookies.delete(OIDC_COOKIE);
    return response;
  };
  if (!auth.enabled || !auth.oidc) return back("disabled");
  // The URL the provider redirected to, as registered (the request's own URL may name the internal host).
  const url = new URL(request.url);
  const callbackUrl = new URL(`${url.pathname}${url.search}`, origin);
  try {
    const { session, next } = await finishSignIn(
      auth.oidc,
      auth.sessionSecret,
      callbackUrl,
      (await cookies()).get(OIDC_COOKIE)?.value,
      auth.sessionHours,
    );
    if ((session.grants ?? []).length === 0) return back("no-access");
    const response = NextResponse.redirect(new URL(next, origin), 303);
    response.cookies.delete(OIDC_COOKIE);
    response.cookies.set(
      SESSION_COOKIE,
      sealSession(session, auth.sessionSecret),
      cookieOptions(origin.startsWith("https:"), Math.round(auth.sessionHours * 3600)),
    );
    return response;
  } catch (error) {
    return back(error instanceof SignInError ? error.code : "refused");
  }
}
