/**
 * Input past the documented limits, against the production build: each is refused with a typed error in words (not
 * a bare error digest, a reset connection or an empty body), and nothing is changed.
 */
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "../playwright.config";
import { E2E_AUDIT_FILE } from "../scripts/test-support/audit-files";
import { serverActions } from "./support/actions";
import { createTopic, deleteTopicIfPresent, uniqueName, withAdmin } from "./support/kafka";
import { rawRequest } from "./support/raw-http";

const HOST = { Host: `127.0.0.1:${E2E_PORT}` };

/** The audit file's lines that record oversized forms. */
async function oversizedEntries(): Promise<string[]> {
  const text = await readFile(E2E_AUDIT_FILE, "utf8").catch(() => "");
  return text.split("\n").filter((line) => line.includes('"action":"form.too-large"'));
}

/** A server action's POST with a body of `bytes` bytes (sent whole, as a browser would). */
function postAction(bytes: number) {
  const action = serverActions().get("produceMessages");
  if (!action) throw new Error("produceMessages is not in the build's manifest");
  const body = JSON.stringify(["test", { topic: "x", value: "x".repeat(bytes - 60), valueFormat: "text" }]);
  return rawRequest(E2E_PORT, {
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
}

test("a 10 MB produce action gets 413 in words, writes nothing and is audited", async () => {
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
    // The attempt is in the audit log, as one short line without the input.
    const entry = (await oversizedEntries()).find((line) => line.includes(`"bytes":${Buffer.byteLength(body)}`));
    expect(entry).toBeDefined();
    expect(entry?.length).toBeLessThan(800);
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

test("an oversized form is audited as one short line, at most 6 a minute", async () => {
  const before = (await oversizedEntries()).length;
  const answers = [];
  for (let i = 0; i < 9; i++) answers.push(await postAction(5_000_000));
  expect(answers.map((a) => a.status)).toEqual(Array(9).fill(413));
  const added = (await oversizedEntries()).slice(before);
  // The first test of this file may have used part of this minute's allowance.
  expect(added.length).toBeGreaterThanOrEqual(1);
  expect(added.length).toBeLessThanOrEqual(6);
  for (const line of added) expect(line.length).toBeLessThan(800);
  expect(JSON.parse(added[0] ?? "{}")).toMatchObject({
    actor: { name: "anonymous", via: "anonymous" },
    cluster: "",
    action: "form.too-large",
    params: { bytes: expect.any(Number), page: expect.stringMatching(/^\//) },
    result: { ok: false, message: expect.stringMatching(/^This form is 4\.8 MiB to send/) },
  });
});
