/**
 * Sign-out ends the session, not only the browser's copy of it: a cookie copied before signing out is refused
 * afterwards on pages, the API, server actions and the message stream, and a stream it opened before ends (the
 * production build with login on: scripts/test-support/auth-console.ts). Another session of the same user goes on.
 */
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { AUTH_ORIGIN, TEST_USERS } from "../scripts/test-support/auth-console";
import { callAction } from "./support/actions";
import { createTopic, deleteTopicIfPresent, uniqueName, withAdmin } from "./support/kafka";

/** A signed-in operator, and the session cookie as an attacker who copied it would send it. */
async function signIn(): Promise<{ context: APIRequestContext; cookie: string }> {
  const context = await playwrightRequest.newContext({ baseURL: AUTH_ORIGIN });
  const answer = await callAction(context, AUTH_ORIGIN, "signIn", [
    { username: "operator", password: TEST_USERS.operator.password },
  ]);
  expect(answer.result).toMatchObject({ ok: true });
  const session = (await context.storageState()).cookies.find((c) => c.name === "kc_session");
  if (!session) throw new Error("no session cookie after signing in");
  return { context, cookie: `kc_session=${session.value}` };
}

/** What the console answers to each kind of request made with only this cookie. */
async function answers(cookie: string, topic: string) {
  const bare = await playwrightRequest.newContext({ baseURL: AUTH_ORIGIN, extraHTTPHeaders: { Cookie: cookie } });
  try {
    const api = (await bare.get("/api/clusters")).status();
    const page = await bare.get("/clusters/test/topics", { maxRedirects: 0 });
    const action = await callAction(bare, AUTH_ORIGIN, "produceMessages", [
      "test",
      {
        topic,
        partition: 0,
        key: null,
        value: "before or after sign-out",
        valueFormat: "text",
        headers: [],
        copies: 1,
        compression: "none",
      },
    ]);
    // The stream's status and type arrive with its headers; its body is not needed.
    const controller = new AbortController();
    const stream = await fetch(`${AUTH_ORIGIN}/api/clusters/test/topics/${topic}/messages?from=oldest`, {
      headers: { Cookie: cookie },
      signal: controller.signal,
    });
    controller.abort();
    return {
      api,
      page: page.status() === 303 ? `303 ${page.headers().location ?? ""}` : String(page.status()),
      action: action.result,
      stream: `${stream.status} ${stream.headers.get("content-type") ?? ""}`,
    };
  } finally {
    await bare.dispose();
  }
}

/** The text of a streaming response as it arrives. */
function readText(response: Response): { text: string; ended: boolean } {
  const state = { text: "", ended: false };
  const reader = response.body?.getReader();
  if (!reader) throw new Error("no body");
  void (async () => {
    const decoder = new TextDecoder();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      state.text += decoder.decode(chunk.value, { stream: true });
    state.ended = true;
  })().catch(() => {
    state.ended = true;
  });
  return state;
}

test.use({ baseURL: AUTH_ORIGIN });

test("a session cookie copied before sign-out is refused everywhere after it", async () => {
  const topic = uniqueName("signout");
  await expect(() => createTopic(topic, 1, 1)).toPass({ timeout: 30_000 });
  try {
    const { context, cookie } = await signIn();
    const other = await signIn();

    const before = await answers(cookie, topic);
    expect(before).toMatchObject({
      api: 200,
      page: "200",
      action: { ok: true },
      stream: expect.stringMatching(/^200 text\/event-stream/),
    });

    // A live tail opened with the cookie before sign-out: it outlives that request's check.
    const tail = await fetch(`${AUTH_ORIGIN}/api/clusters/test/topics/${topic}/messages?from=live`, {
      headers: { Cookie: cookie },
    });
    expect(tail.status).toBe(200);
    const tailText = readText(tail);
    await expect.poll(() => tailText.text, { timeout: 15_000 }).toContain("event: progress");

    const out = await callAction(context, AUTH_ORIGIN, "signOut", []);
    expect(out.result).toEqual({ ok: true, data: null });

    const after = await answers(cookie, topic);
    expect(after).toEqual({
      api: 401,
      page: expect.stringMatching(/^303 .*\/login\?next=%2Fclusters%2Ftest%2Ftopics$/),
      action: { ok: false, message: expect.stringMatching(/^Sign in/) },
      stream: expect.stringMatching(/^401 application\/json/),
    });
    // The open tail ends within seconds, saying why.
    await expect.poll(() => tailText.text, { timeout: 15_000 }).toContain("You signed out: this stream has ended.");
    await expect.poll(() => tailText.ended, { timeout: 5_000 }).toBe(true);

    // Only the record written before sign-out is there.
    const offsets = await withAdmin((admin) => admin.fetchTopicOffsets(topic));
    expect(offsets.map((o) => o.high)).toEqual(["1"]);

    // The same user's other session (another browser) is not signed out.
    expect(await answers(other.cookie, topic)).toMatchObject({ api: 200, page: "200", action: { ok: true } });
    await context.dispose();
    await other.context.dispose();
  } finally {
    await deleteTopicIfPresent(topic);
  }
});
