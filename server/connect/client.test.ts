import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { connectRequest } from "@/server/connect/client";
import type { ConnectConfig } from "@/server/config/connect";

/**
 * The Connect client's answer to a 409, over real HTTP: a worker that answers with Connect's own rebalance body is
 * asked again, one that answers "already exists" is not. Connect itself is in connect.int.test.ts (a config change
 * followed at once by a restart meets the rebalance there); here the answers are scripted, to count the requests.
 */

const STALE =
  "Cannot complete request momentarily due to stale configuration (typically caused by a concurrent config change)";

let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A worker that answers the n-th request with `answers[n]` (the last one again after that); counts the requests. */
async function worker(
  answers: { status: number; message?: string }[],
): Promise<{ connect: ConnectConfig; seen: () => number }> {
  let count = 0;
  server = createServer((request, response) => {
    const answer = answers[Math.min(count, answers.length - 1)] ?? { status: 500 };
    count += 1;
    request.resume();
    response.statusCode = answer.status;
    response.setHeader("content-type", "application/json");
    response.end(
      answer.message === undefined ? "" : JSON.stringify({ error_code: answer.status, message: answer.message }),
    );
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { connect: { name: "local", address: `http://127.0.0.1:${port}` }, seen: () => count };
}

describe("a Connect request that meets a rebalance", () => {
  it("is sent again until the worker takes it", async () => {
    const { connect, seen } = await worker([
      { status: 409, message: STALE },
      { status: 409, message: "Request cannot be completed because a rebalance is expected" },
      { status: 204 },
    ]);
    await expect(connectRequest(connect, "POST", "/connectors/x/restart")).resolves.toBeUndefined();
    expect(seen()).toBe(3);
  });

  it("is reported as busy, in Connect's words, when another try would not fit in the call's time", async () => {
    const { connect, seen } = await worker([{ status: 409, message: STALE }]);
    const started = Date.now();
    await expect(connectRequest(connect, "PUT", "/connectors/x/config", {}, 1_500)).rejects.toThrow(
      `Kafka Connect "local" is busy (${STALE}); try again in a few seconds.`,
    );
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(seen()).toBeGreaterThanOrEqual(3);
  });

  it("but a 409 that is not a rebalance is reported at once", async () => {
    const { connect, seen } = await worker([{ status: 409, message: "Connector x already exists" }]);
    await expect(connectRequest(connect, "POST", "/connectors", {})).rejects.toThrow("Connector x already exists");
    expect(seen()).toBe(1);
  });
});
