import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

/**
 * Sessions live in a signed cookie, not on the server, so any console instance behind a load balancer accepts a
 * sign-in made on another (they share AUTH_SESSION_SECRET). The cookie is http-only, SameSite=Lax, Secure over
 * https, and holds who signed in, how, until when, and (for single sign-on) the roles their claims gave; a password
 * user's roles are read from the configuration on every request instead. A tampered or expired cookie is ignored.
 * Each session has a random id, so that signing out can end it on every instance (server/auth/revocation.ts); a
 * cookie without one (made before ids existed) is ignored too.
 */
export const SESSION_COOKIE = "kc_session";
export const OIDC_COOKIE = "kc_oidc";

const grantSchema = z.object({ cluster: z.string(), role: z.enum(ROLES), messages: z.boolean() });
const sessionSchema = z.object({
  /** Random, 128 bits: what a sign-out records. */
  sid: z.string().min(16).max(64),
  sub: z.string().min(1).max(256),
  via: z.enum(["password", "oidc"]),
  /** Single sign-on only: the roles the provider's claims gave at sign-in. */
  grants: z.array(grantSchema).max(200).optional(),
  iat: z.number(),
  exp: z.number(),
});
export type Session = z.infer<typeof sessionSchema>;

/** Keys derived per use, so a value signed for one cookie is never valid as another. */
function key(secret: string, purpose: string): Buffer {
  return createHash("sha256").update(`kafka-console:${purpose}:`).update(secret).digest();
}

function mac(secret: string, purpose: string, body: string): Buffer {
  return createHmac("sha256", key(secret, purpose)).update(body).digest();
}

/** `<base64url JSON>.<base64url HMAC-SHA256>` */
export function sign(value: unknown, secret: string, purpose: string): string {
  const body = Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${body}.${mac(secret, purpose, body).toString("base64url")}`;
}

/** The signed value, or undefined when the text is not one this secret signed for this purpose. */
export function unsign(text: string | undefined, secret: string, purpose: string): unknown {
  if (!text || text.length > 8192) return undefined;
  const dot = text.indexOf(".");
  if (dot <= 0) return undefined;
  const body = text.slice(0, dot);
  const given = Buffer.from(text.slice(dot + 1), "base64url");
  const expected = mac(secret, purpose, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    return JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}

/** A new session id: 128 random bits, base64url. */
export function newSessionId(): string {
  return randomBytes(16).toString("base64url");
}

export function sealSession(session: Session, secret: string): string {
  return sign(session, secret, "session");
}

/** The session in a cookie value, when it is signed with this secret and not expired. */
export function openSession(text: string | undefined, secret: string, now = Date.now()): Session | undefined {
  const parsed = sessionSchema.safeParse(unsign(text, secret, "session"));
  if (!parsed.success || parsed.data.exp <= now) return undefined;
  return parsed.data;
}

export function cookieOptions(secure: boolean, maxAgeSeconds: number) {
  return { httpOnly: true, sameSite: "lax" as const, secure, path: "/", maxAge: maxAgeSeconds };
}
