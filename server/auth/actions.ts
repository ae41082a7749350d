"use server";
import { cookies, headers } from "next/headers";
import { type ActionResult, actionFailed, fieldErrorsFrom } from "@/lib/actions/result";
import { safeNextPath } from "@/lib/auth/paths";
import { signInSchema } from "@/lib/auth/schemas";
import { decoyHash, verifyPassword } from "@/server/auth/password";
import {
  addressThrottle,
  type FailedSince,
  noteFailure,
  pairThrottle,
  takeFailures,
  userThrottle,
} from "@/server/auth/rate-limit";
import { clientAddress, isHttps } from "@/server/auth/request";
import { sessionRevocations } from "@/server/auth/revocation";
import { cookieOptions, newSessionId, openSession, sealSession, SESSION_COOKIE } from "@/server/auth/session";
import { getConfig } from "@/server/config/load";

const WRONG = "Wrong user name or password.";

function wait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return seconds === 1 ? "a second" : `${seconds} seconds`;
  const m = Math.ceil(seconds / 60);
  return m === 1 ? "a minute" : `${m} minutes`;
}

function notice(failed: FailedSince | undefined): string | null {
  if (!failed) return null;
  const when = new Date(failed.lastAt).toISOString().replace("T", " ").slice(0, 16);
  return (
    `${failed.count === 1 ? "1 failed sign-in" : `${failed.count} failed sign-ins`} to your account since you last ` +
    `signed in, the last at ${when} UTC from ${failed.lastFrom}. If that was not you, tell your administrator.`
  );
}

/**
 * Signs a configured user in with their password: a signed session cookie, where to go next, and a word about
 * failed sign-ins to this account since the last one. Failures slow the next attempt (server/auth/rate-limit.ts)
 * per user and address, per address and, mildly, per user, and never lock an account; each attempt is counted
 * before the password is checked, so parallel attempts cannot slip past. A wrong name and a wrong password get the
 * same words and take the same time.
 */
export async function signIn(input: unknown): Promise<ActionResult<{ next: string; notice: string | null }>> {
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
  const pairKey = `${userKey}\u0000${address}`;
  const keys = [
    [pairThrottle, pairKey],
    [addressThrottle, address],
    [userThrottle, userKey],
  ] as const;
  // Checked and reserved with no await in between: nothing else runs until every key holds this attempt.
  const owed = Math.max(...keys.map(([throttle, key]) => throttle.waitMs(key)));
  if (owed > 0) return actionFailed(`Too many failed sign-ins. Try again in ${wait(owed)}.`);
  for (const [throttle, key] of keys) throttle.reserve(key);

  const user = auth.users.find((u) => u.name === username);
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !ok) {
    noteFailure(userKey, address);
    console.warn(`Sign-in refused for user "${username.slice(0, 64)}" from ${address}.`);
    return actionFailed(WRONG);
  }
  pairThrottle.clear(pairKey);
  addressThrottle.release(address);
  userThrottle.clear(userKey);
  const now = Date.now();
  const maxAge = Math.round(auth.sessionHours * 3600);
  (await cookies()).set(
    SESSION_COOKIE,
    sealSession(
      { sid: newSessionId(), sub: user.name, via: "password", iat: now, exp: now + maxAge * 1000 },
      auth.sessionSecret,
    ),
    cookieOptions(isHttps(await headers()), maxAge),
  );
  return { ok: true, data: { next: safeNextPath(next), notice: notice(takeFailures(userKey)) } };
}

/**
 * Ends the session: the cookie is removed, and the session's id is recorded as signed out until it would have
 * expired (server/auth/revocation.ts), so a copy of the cookie is refused by every instance, not only this browser.
 * If the shared record cannot be written, this instance still refuses the cookie and the answer says the rest.
 */
export async function signOut(): Promise<ActionResult<null>> {
  const { auth } = getConfig();
  const jar = await cookies();
  const session = auth.enabled ? openSession(jar.get(SESSION_COOKIE)?.value, auth.sessionSecret) : undefined;
  jar.delete(SESSION_COOKIE);
  if (!session) return { ok: true, data: null };
  try {
    await sessionRevocations().end({ sid: session.sid, iat: session.iat, exp: session.exp });
  } catch (error) {
    console.error(
      `Sign-out of "${session.sub.slice(0, 64)}": the sign-out could not be recorded for the other console ` +
        `instances: ${error instanceof Error ? error.message : String(error)}`,
    );
    return {
      ok: true,
      data: null,
      warning:
        "Signed out here, but the sign-out could not be recorded for the other console instances: a copy of the " +
        "session cookie may work there until it expires.",
    };
  }
  return { ok: true, data: null };
}
