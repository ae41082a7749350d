/**
 * DNS rebinding against the production build with login off (the default `npm start`): a page on evil.example whose
 * name now resolves to 127.0.0.1 sends `Host: evil.example:<port>`, a matching Origin and `Sec-Fetch-Site:
 * same-origin`. It used to read the API and delete a topic. Every kind of request is now refused in words, and the
 * console's own names (IP addresses, localhost, CONSOLE_ALLOWED_HOSTS) still work.
 */
import { expect, test } from "@playwright/test";
import { E2E_ALLOWED_HOST, E2E_PORT } from "../playwright.config";
import { serverActions } from "./support/actions";
import { createTopic, deleteTopicIfPresent, topicNames, uniqueName } from "./support/kafka";
import { rawRequest } from "./support/raw-http";

const EVIL = `evil.example:${E2E_PORT}`;
const asEvil = { Host: EVIL, Origin: `http://${EVIL}`, "Sec-Fetch-Site": "same-origin" };

test("a rebound name gets 421 in words on the API, pages, the stream and actions; nothing deleted", async () => {
  const topic = uniqueName("rebind");
  await expect(() => createTopic(topic, 1, 1)).toPass({ timeout: 30_000 });
  try {
    // The same requests by the console's own address work: the refusals below are about the name only.
    expect(
      (await rawRequest(E2E_PORT, { path: "/api/clusters", headers: { Host: `127.0.0.1:${E2E_PORT}` } })).status,
    ).toBe(200);

    const api = await rawRequest(E2E_PORT, { path: "/api/clusters", headers: asEvil });
    expect(api.status).toBe(421);
    expect(JSON.parse(api.body)).toEqual({
      error: { code: "misdirected_request", message: expect.stringContaining('does not answer to "evil.example') },
    });
    expect(api.body).not.toContain("bootstrap");

    const page = await rawRequest(E2E_PORT, { path: "/clusters/test/topics", headers: asEvil });
    expect(page.status).toBe(421);
    expect(page.body).toContain("CONSOLE_ALLOWED_HOSTS");
    expect(page.body).not.toContain(topic);

    const stream = await rawRequest(E2E_PORT, {
      path: `/api/clusters/test/topics/${topic}/messages?from=oldest`,
      headers: { ...asEvil, Accept: "text/event-stream" },
    });
    expect(stream.status).toBe(421);

    const action = serverActions().get("deleteTopic");
    if (!action) throw new Error("deleteTopic is not in the build's manifest");
    const deleted = await rawRequest(E2E_PORT, {
      method: "POST",
      path: action.path,
      headers: { ...asEvil, "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8" },
      body: JSON.stringify(["test", { name: topic, confirm: topic }]),
    });
    expect(deleted.status).toBe(421);
    // A rebinding page may set X-Forwarded-Host on its requests too: held to the same rule.
    const forwarded = await rawRequest(E2E_PORT, {
      path: "/api/clusters",
      headers: { Host: `127.0.0.1:${E2E_PORT}`, "X-Forwarded-Host": EVIL },
    });
    expect(forwarded.status).toBe(421);
    expect(await topicNames()).toContain(topic);
  } finally {
    await deleteTopicIfPresent(topic);
  }
});

test("the console's own names answer: localhost, IP addresses and CONSOLE_ALLOWED_HOSTS", async () => {
  for (const host of [
    `localhost:${E2E_PORT}`,
    `127.0.0.1:${E2E_PORT}`,
    `[::1]:${E2E_PORT}`,
    `${E2E_ALLOWED_HOST}:${E2E_PORT}`,
  ]) {
    const answer = await rawRequest(E2E_PORT, { path: "/api/health", headers: { Host: host } });
    expect(answer.status, host).toBe(200);
  }
});
