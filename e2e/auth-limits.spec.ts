/**
 * Sign-in limits, cluster names and the audit log attacked from outside, against the production build with login on
 * (scripts/test-support/auth-console.ts; 127.0.0.1 is a trusted proxy there, so X-Forwarded-For names the client)
 * and the one with login off. Each test failed before its fix.
 */
import { statSync } from "node:fs";
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { E2E_AUTH_AUDIT_FILE } from "../scripts/test-support/audit-files";
import { AUTH_ORIGIN, TEST_USERS } from "../scripts/test-support/auth-console";
import { callAction } from "./support/actions";
import { E2E_PORT } from "../playwright.config";
import { createTopic, deleteTopicIfPresent, uniqueName } from "./support/kafka";

const WRONG = { ok: false, message: "Wrong user name or password." };

async function fresh(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: AUTH_ORIGIN });
}

function signIn(context: APIRequestContext, username: string, password: string, from: string) {
  return callAction(context, AUTH_ORIGIN, "signIn", [{ username, password }], {
    headers: { "X-Forwarded-For": from },
  });
}

test("40 parallel wrong passwords get 4 password checks, not 30: attempts count before the check", async () => {
  const context = await fresh();
  try {
    const name = uniqueName("burst");
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(context, name, `guess-${i}`, "198.51.100.40")),
    );
    const seconds = (Date.now() - started) / 1000;
    const checked = answers.filter((a) => JSON.stringify(a.result) === JSON.stringify(WRONG)).length;
    const slowed = answers.filter((a) =>
      /^Too many failed sign-ins\. Try again in /.test((a.result as { message?: string }).message ?? ""),
    ).length;
    // 3 free tries and the one that earns the first delay (1 s). On a loaded machine the 40 requests can take
    // seconds to reach the check, and each owed delay (1 s, then 2 s, 4 s …) that passes within the burst lets one
    // more attempt through, legitimately: 1 more after 1 s, 2 after 3 s, 3 after 7 s.
    expect(checked).toBeGreaterThanOrEqual(4);
    expect(checked).toBeLessThanOrEqual(4 + Math.floor(Math.log2(seconds + 1)));
    expect(slowed).toBe(40 - checked);
  } finally {
    await context.dispose();
  }
});

test("a stranger's wrong passwords slow the stranger, never lock the real user out; the user is told", async () => {
  const context = await fresh();
  try {
    // 3 free tries and the one that earns the first delay are checked; later ones only once the owed delay
    // (1 s, 2 s, 4 s …) has passed, which a loaded machine's slow answers can reach: count what was checked.
    let checked = 0;
    for (let i = 0; i < 8; i++) {
      const answer = await signIn(context, "reader", `guess-${i}`, "203.0.113.66");
      if (JSON.stringify(answer.result) === JSON.stringify(WRONG)) checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
    expect(checked).toBeLessThan(8);
    const slowed = await signIn(context, "reader", "guess-8", "203.0.113.66");
    expect((slowed.result as { message: string }).message).toMatch(/^Too many failed sign-ins\. Try again in /);

    const real = await signIn(context, "reader", TEST_USERS.reader.password, "198.51.100.7");
    expect(real.result).toEqual({
      ok: true,
      data: {
        next: "/",
        notice: expect.stringMatching(
          new RegExp(
            `^${checked} failed sign-ins to your account since you last signed in, .* from 203\\.0\\.113\\.66\\.`,
          ),
        ),
      },
    });
    // Told once: the next sign-in has nothing to report.
    const again = await signIn(await fresh(), "reader", TEST_USERS.reader.password, "198.51.100.7");
    expect(again.result).toEqual({ ok: true, data: { next: "/", notice: null } });
  } finally {
    await context.dispose();
  }
});

test("without a session, an unknown and a real cluster get the same answer; so do they for a viewer", async () => {
  const anonymous = await fresh();
  const viewer = await fresh();
  try {
    const input = { name: uniqueName("probe"), partitions: 1, replicationFactor: 1 };
    const ask = async (context: APIRequestContext, cluster: string) =>
      (await callAction(context, AUTH_ORIGIN, "createTopic", [cluster, input])).result;
    expect(await ask(anonymous, "no-such-cluster")).toEqual(await ask(anonymous, "test"));
    expect(await ask(anonymous, "test")).toMatchObject({ ok: false, message: expect.stringMatching(/^Sign in/) });

    const signedIn = await callAction(viewer, AUTH_ORIGIN, "signIn", [
      { username: "viewer", password: TEST_USERS.viewer.password },
    ]);
    expect(signedIn.result).toMatchObject({ ok: true });
    // "viewer" may use "test" only: "readonly" exists, "no-such-cluster" does not; the answers must not tell.
    const unknown = await ask(viewer, "no-such-cluster");
    expect(unknown).toEqual(await ask(viewer, "readonly"));
    expect(JSON.stringify(unknown)).not.toContain("configured");
  } finally {
    await anonymous.dispose();
    await viewer.dispose();
  }
});

test("requests without a session cannot grow the audit log: one short, rate-limited entry at most", async () => {
  const context = await fresh();
  try {
    const before = statSync(E2E_AUTH_AUDIT_FILE, { throwIfNoEntry: false })?.size ?? 0;
    const big = "x".repeat(100_000);
    for (let i = 0; i < 20; i++)
      await callAction(context, AUTH_ORIGIN, "createTopic", [
        `test${big.slice(0, 1000)}`,
        { name: big, configs: { a: big } },
      ]);
    const grown = (statSync(E2E_AUTH_AUDIT_FILE, { throwIfNoEntry: false })?.size ?? 0) - before;
    // Before the fix: about 110 KB per request. Now at most 6 entries a minute, each a few hundred bytes.
    expect(grown).toBeLessThan(6 * 600);
  } finally {
    await context.dispose();
  }
});

test("with login off, a client cannot escape the per-address stream limit by changing X-Forwarded-For", async () => {
  const topic = uniqueName("xff");
  await expect(() => createTopic(topic, 1, 1)).toPass({ timeout: 30_000 });
  const aborts: AbortController[] = [];
  try {
    const open = async (i: number) => {
      const abort = new AbortController();
      aborts.push(abort);
      const response = await fetch(
        `http://127.0.0.1:${E2E_PORT}/api/clusters/test/topics/${topic}/messages?from=live`,
        {
          headers: { "X-Forwarded-For": `198.51.100.${i}`, Accept: "text/event-stream" },
          signal: abort.signal,
        },
      );
      return response.status;
    };
    // MESSAGES_MAX_STREAMS_PER_USER is 10 per client address; each stream claims another address.
    const statuses: number[] = [];
    for (let i = 1; i <= 11; i++) statuses.push(await open(i));
    expect(statuses.slice(0, 10)).toEqual(Array.from({ length: 10 }, () => 200));
    expect(statuses[10]).toBe(429);
  } finally {
    for (const abort of aborts) abort.abort();
    await deleteTopicIfPresent(topic);
  }
});
