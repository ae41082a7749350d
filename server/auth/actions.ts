"use server";
import { cookies, headers } from "next/headers";
import { type ActionResult, actionFailed, fieldErrorsFrom } from "@/lib/actions/result";
import { safeNextPath } from "@/lib/auth/paths";
import { signInSchema } from "@/lib/auth/schemas";
import { decoyHash, verifyPassword } from "@/server/auth/password";
import { addressFailures, userFailures } from "@/server/auth/rate-limit";
import { clientAddress, isHttps } from "@/server/auth/request";
import { cookieOptions, sealSession, SESSION_COOKIE } from "@/server/auth/session";
import { getConfig } from "@/server/config/load";

const WRONG = "Wrong user name or password.";

function minutes(ms: number): string {
  const m = Math.max(1, Math.ceil(ms / 60_000));
  return m === 1 ? "a minute" : `${m} minutes`;
}

/**
 * Signs a configured user in with their password: a signed session cookie, and where to go next. Failures are
 * counted per user name and per address (server/auth/rate-limit.ts); past the limit the password is not even
 * checked. A wrong name and a wrong password get the same words and take the same time.
 */
export async function signIn(input: unknown): Promise<ActionResult<{ next: string }>> {
  const { auth } = getConfig();
  if (!auth.enabled || auth.users.length === 0)
    return actionFailed("Sign-in with a password is not enabled on this console.");
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success)
    return actionFailed(
      parsed.error.issues[0]?.message ?? "Enter your user name and password.",
      fieldErrorsFrom(parsed.error.issues),
    );
  const { username, password, next } = parsed.data;
  const address = clientAddress(await headers());
  const userKey = username.toLowerCase();
  const wait = Math.max(userFailures.waitMs(userKey), addressFailures.waitMs(address));
  if (wait > 0) return actionFailed(`Too many failed sign-ins. Try again in ${minutes(wait)}.`);

  const user = auth.users.find((u) => u.name === username);
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !ok) {
    userFailures.fail(userKey);
    addressFailures.fail(address);
    console.warn(`Sign-in refused for user "${username.slice(0, 64)}" from ${address}.`);
    return actionFailed(WRONG);
  }
  userFailures.clear(userKey);
  const now = Date.now();
  const maxAge = Math.round(auth.sessionHours * 3600);
  (await cookies()).set(
    SESSION_COOKIE,
    sealSession({ sub: user.name, via: "password", iat: now, exp: now + maxAge * 1000 }, auth.sessionSecret),
    cookieOptions(isHttps(await headers()), maxAge),
  );
  return { ok: true, data: { next: safeNextPath(next) } };
}

/** Ends the session: the cookie is removed (it was the whole session). */
export async function signOut(): Promise<ActionResult<null>> {
  (await cookies()).delete(SESSION_COOKIE);
  return { ok: true, data: null };
}
