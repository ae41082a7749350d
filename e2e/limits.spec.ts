/**
 * Input past the documented limits, against the production build: each is refused with a typed error in words (not
 * a bare error digest, a reset connection or an empty body), and nothing is changed.
 */
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "../playwright.config";
import { serverActions } from "./support/actions";
import { createTopic, deleteTopicIfPresent, uniqueName, withAdmin } from "./support/kafka";
import { rawRequest } from "./support/raw-http";

const HOST = { Host: `127.0.0.1:${E2E_PORT}` };

test("a 10 MB produce action gets 413 in words and writes nothing", async () => {
  const topic = uniqueName("limits");
  await expect(() => createTopic(topic, 1, 1)).toPass({ timeout: 30_000 });
  try {
    const action = serverActions().get("produceMessages");
    if (!action) throw new Error("produceMessages is not in the build's manifest");
    const body = JSON.stringify(["test", { topic, value: "x".repeat(10_000_000), valueFormat: "text" }]);
    const answer = await rawRequest(E2E_PORT, {
      method: "POST",
      path: action.path,
      headers: {
        ...HOST,
        Origin: `http://127.0.0.1:${E2E_PORT}`,
        "Next-Action": action.id,
        "Content-Type": "text/plain;charset=UTF-8",
        "Content-Length": String(Buffer.byteLength(body)),
      },
      body,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: "payload_too_large", message: expect.stringMatching(/^This form is 9\.5 MiB to send; .* 4 MiB/) },
    });
    const offsets = await withAdmin((admin) => admin.fetchTopicOffsets(topic));
    expect(offsets.map((o) => o.high)).toEqual(["0"]);
  } finally {
    await deleteTopicIfPresent(topic);
  }
});

test("a 100 KB query string gets 431 in words instead of a reset connection", async () => {
  const answer = await rawRequest(E2E_PORT, { path: `/api/clusters?q=${"a".repeat(100_000)}`, headers: HOST });
  expect(answer.status).toBe(431);
  expect(JSON.parse(answer.body)).toEqual({
    error: { code: "request_too_large", message: expect.stringContaining("at most 16 KiB") },
  });
});

test("a POST to a read-only API route gets 405 in words with Allow", async () => {
  const answer = await rawRequest(E2E_PORT, {
    method: "POST",
    path: "/api/clusters",
    headers: { ...HOST, "Content-Type": "application/json", "Content-Length": "2" },
    body: "{}",
  });
  expect(answer.status).toBe(405);
  expect(answer.headers.allow).toBe("GET, HEAD");
  expect(JSON.parse(answer.body)).toEqual({
    error: {
      code: "method_not_allowed",
      message: "The console's HTTP API only reads: POST is not allowed here, only GET.",
    },
  });
});
