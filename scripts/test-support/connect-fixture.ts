/**
 * What the Kafka Connect integration tests share: the first test worker's URL, a folder of their own for the files
 * their connectors read and write, the connectors they make (deleted after the file's last test, straight on the
 * worker) and the topics they make. Call once at the top of a test file: it registers its beforeAll and afterAll.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { filesDir, waitForWorkers } from "../connect/worker";
import { trackTopics } from "./helpers";
import { TEST_CONNECT, TEST_CONNECT_URLS } from "./test-cluster";

export const WORKER = TEST_CONNECT_URLS[0] ?? "";

export function connectFixture(folder: string) {
  const topics = trackTopics();
  const files = join(filesDir(TEST_CONNECT), folder);
  const made: string[] = [];
  beforeAll(async () => {
    mkdirSync(files, { recursive: true });
    await waitForWorkers(TEST_CONNECT);
  }, 120_000);
  afterAll(async () => {
    for (const name of made) await fetch(`${WORKER}/connectors/${name}`, { method: "DELETE" }).catch(() => undefined);
    await topics.cleanup();
  });
  return { topics, files, made };
}

/** The data of an action that must have succeeded; its message otherwise. */
export function ok<T>(result: { ok: true; data: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(`The action failed: ${result.message}`);
  return result.data;
}
