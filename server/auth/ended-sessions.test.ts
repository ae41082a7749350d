import { describe, expect, it, vi } from "vitest";
import { EndedSessions } from "@/server/auth/ended-sessions";

const now = 1_800_000_000_000;
const session = (n: number, iat = now + n, exp = now + 3_600_000) => ({
  sid: `session-id-${String(n).padStart(8, "0")}`,
  iat,
  exp,
});

describe("ended sessions", () => {
  it("hold a signed-out session until it would have expired, then forget it", () => {
    const ended = new EndedSessions();
    ended.add(session(1), now);
    ended.add(session(2, now, now - 1), now);
    expect(ended.has(session(1))).toBe(true);
    expect(ended.has(session(2))).toBe(false);
    expect(ended.has(session(3))).toBe(false);
    ended.prune(now + 3_600_000);
    expect(ended.size).toBe(0);
  });

  it("stay bounded: past the limit the oldest become a floor, so no sign-out is ever forgotten", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const ended = new EndedSessions(100);
    for (let n = 1; n <= 1_000; n++) ended.add(session(n), now);
    expect(ended.size).toBeLessThanOrEqual(100);
    for (let n = 1; n <= 1_000; n++) expect(ended.has(session(n)), `session ${n}`).toBe(true);
    // A session issued after the floor that was never signed out still works.
    expect(ended.has({ sid: "another-session-id-x", iat: now + 2_000 })).toBe(false);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
