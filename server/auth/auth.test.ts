import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { Throttle } from "@/server/auth/rate-limit";
import { newSessionId, openSession, sealSession, sign, unsign } from "@/server/auth/session";

const SECRET = "a-session-secret-of-at-least-32-characters";

describe("passwords", () => {
  it("verify against their own hash only, and a hash never holds the password", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt:32768:8:1:[\w-]{22}:[\w-]{43}$/);
    expect(hash).not.toContain("correct");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await hashPassword("correct horse battery")).not.toBe(hash); // salted
  });

  it("refuse hashes they cannot read, and absurd costs, without throwing", async () => {
    for (const bad of [
      "",
      "plain",
      "bcrypt:x",
      "scrypt:1:8:1:c2FsdA:aGFzaA",
      "scrypt:99999999999:8:1:c2FsdA:aGFzaGhhc2hoYXNoaGFzaA",
      "scrypt:x:y:z:a:b",
      "scrypt:1000:8:1:c2FsdA:aGFzaGhhc2hoYXNoaGFzaA",
    ]) {
      expect(await verifyPassword("anything", bad), bad).toBe(false);
    }
  });
});

describe("session cookies", () => {
  const now = 1_800_000_000_000;
  const session = { sid: newSessionId(), sub: "ana", via: "password" as const, iat: now, exp: now + 3_600_000 };

  it("open with the secret that sealed them, until they expire", () => {
    const cookie = sealSession(session, SECRET);
    expect(openSession(cookie, SECRET, now + 1000)).toEqual(session);
    expect(openSession(cookie, SECRET, now + 3_600_000)).toBeUndefined();
    expect(openSession(cookie, `${SECRET}x`, now)).toBeUndefined();
  });

  it("refuse any change to their content or signature, and values signed for another purpose", () => {
    const cookie = sealSession(session, SECRET);
    const [body, mac] = cookie.split(".") as [string, string];
    const forged = Buffer.from(JSON.stringify({ ...session, sub: "admin" })).toString("base64url");
    expect(openSession(`${forged}.${mac}`, SECRET, now)).toBeUndefined();
    expect(openSession(`${body}.${mac.slice(0, -2)}AA`, SECRET, now)).toBeUndefined();
    expect(openSession(`${body}.`, SECRET, now)).toBeUndefined();
    expect(openSession(body, SECRET, now)).toBeUndefined();
    expect(openSession(sign(session, SECRET, "oidc-flow"), SECRET, now)).toBeUndefined();
    expect(unsign(sign({ a: 1 }, SECRET, "x"), SECRET, "x")).toEqual({ a: 1 });
    expect(openSession(undefined, SECRET, now)).toBeUndefined();
  });

  it("have a random id each, and one without an id (made before ids existed) is refused", () => {
    expect(newSessionId()).toMatch(/^[\w-]{22}$/);
    expect(newSessionId()).not.toBe(newSessionId());
    const { sid: _sid, ...old } = session;
    expect(openSession(sealSession({ ...old } as typeof session, SECRET), SECRET, now)).toBeUndefined();
  });
});

describe("failed sign-in throttle", () => {
  it("allows the free tries, then delays growing per failure, up to the cap; a quiet period forgets", () => {
    const throttle = new Throttle({ free: 3, firstDelayMs: 1_000, maxDelayMs: 5_000 });
    const t = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(throttle.waitMs("ana", t)).toBe(0);
      throttle.reserve("ana", t);
    }
    expect(throttle.waitMs("ana", t)).toBe(0);
    throttle.reserve("ana", t);
    expect(throttle.waitMs("ana", t)).toBe(1_000);
    throttle.reserve("ana", t + 1_000);
    expect(throttle.waitMs("ana", t + 1_000)).toBe(2_000);
    for (let i = 0; i < 5; i++) throttle.reserve("ana", t + 2_000);
    expect(throttle.waitMs("ana", t + 2_000)).toBe(5_000);
    expect(throttle.waitMs("bo", t)).toBe(0);
    expect(throttle.waitMs("ana", t + 2_000 + 15 * 60_000 + 1)).toBe(0);
  });

  it("counts an attempt before it is checked, and gives it back when it succeeds", () => {
    const throttle = new Throttle({ free: 1, firstDelayMs: 1_000, maxDelayMs: 5_000 });
    throttle.reserve("ana", 0);
    throttle.reserve("ana", 0);
    // A second attempt in flight already counts: a third must wait, whatever the first two turn out to be.
    expect(throttle.waitMs("ana", 0)).toBe(1_000);
    throttle.release("ana");
    throttle.release("ana");
    expect(throttle.waitMs("ana", 0)).toBe(0);
  });
});
