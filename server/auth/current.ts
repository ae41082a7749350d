import "server-only";
import { cookies } from "next/headers";
import { type Grant, type Need, allows } from "@/lib/auth/permissions";
import { getConfig } from "@/server/config/load";
import { sessionEnded } from "@/server/auth/revocation";
import { openSession, SESSION_COOKIE } from "@/server/auth/session";
import { ConsoleError } from "@/server/errors";

/** Who is asking, and what they may do. */
export interface Actor {
  name: string;
  via: "anonymous" | "password" | "oidc";
  grants: Grant[];
}

/** Login off (the default, as in kafka-ui): everyone may do everything that is not read-only. */
export const ANONYMOUS: Actor = {
  name: "anonymous",
  via: "anonymous",
  grants: [{ cluster: "*", role: "admin", messages: true }],
};

/**
 * The actor of the current request (route handler, server action or server component), from its session cookie;
 * null when login is on and the request carries no valid session. A password user's roles come from the
 * configuration now, so a removed user or a changed role takes effect at once; a single sign-on user's from sign-in.
 * A session that was signed out (on any instance: server/auth/revocation.ts) is no session.
 */
export async function currentActor(): Promise<Actor | null> {
  const { auth } = getConfig();
  if (!auth.enabled) return ANONYMOUS;
  const session = openSession((await cookies()).get(SESSION_COOKIE)?.value, auth.sessionSecret);
  if (!session || (await sessionEnded(session))) return null;
  if (session.via === "oidc")
    return auth.oidc ? { name: session.sub, via: "oidc", grants: session.grants ?? [] } : null;
  const user = auth.users.find((u) => u.name === session.sub);
  return user ? { name: user.name, via: "password", grants: user.grants } : null;
}

/**
 * The id and issue time of the current request's session (what a sign-out records), or null while login is off or
 * without a valid session: for work that outlives the request's first check (the message stream).
 */
export async function currentSessionRef(): Promise<{ sid: string; iat: number } | null> {
  const { auth } = getConfig();
  if (!auth.enabled) return null;
  const session = openSession((await cookies()).get(SESSION_COOKIE)?.value, auth.sessionSecret);
  return session ? { sid: session.sid, iat: session.iat } : null;
}

/** The actor, or a 401 "sign in" error in words. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor)
    throw new ConsoleError(
      "unauthenticated",
      "Sign in to use the console: your session is missing or has expired.",
      401,
    );
  return actor;
}

const NEED_WORDS: Record<Need, string> = {
  read: "see this cluster",
  messages: "read message contents on this cluster (a viewer needs viewer+messages)",
  viewer: "see this cluster",
  operator: "do this: it needs the operator role on this cluster",
  admin: "do this: it needs the admin role on this cluster",
};

/** The actor when they may do `need` on the cluster; else a 403 that says what is missing. */
export async function authorize(cluster: string, need: Need): Promise<Actor> {
  const actor = await requireActor();
  if (!allows(actor.grants, cluster, need))
    throw new ConsoleError("forbidden", `${actor.name} may not ${NEED_WORDS[need]}.`, 403);
  return actor;
}
