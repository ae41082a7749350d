import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIsCurrent, ROOT, STANDALONE_SERVER } from "@/scripts/build-info";
import { authConsoleEnv, METRICS_TEST_TOKEN, TEST_USERS, type TestUser } from "@/scripts/test-support/auth-console";
import { runKafkaTool } from "@/scripts/test-support/kafka-tools";
import { testPort } from "@/scripts/test-support/ports";
import { describeSockets, establishedSockets } from "@/scripts/test-support/sockets";
import { TEST_BROKER_PORTS } from "@/scripts/test-support/test-cluster";
import { eventually, trackTopics, withFixtureAdmin } from "@/scripts/test-support/helpers";
import { serverActions } from "@/e2e/support/actions";

/**
 * A 1,000,000-record topic read by several signed-in users at once through the production build (login on), each
 * with a slow reader (takes a piece every 200 ms) and a reader that goes away midway. The console must keep its
 * memory bounded (the stream is pulled: a slow reader slows the fetching, see server/sse.ts and
 * server/messages/stream.ts) and close every broker connection the streams opened within seconds of the disconnect.
 * Memory and connections are measured from outside the server: its RSS and its sockets to the brokers in /proc, and
 * its JS heap as its own /metrics reports it.
 */

const PORT = testPort(18091);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const RECORDS = 1_000_000;
const USERS: TestUser[] = ["reader", "operator", "admin"];
/**
 * What six streams may add to the server's memory: each holds at most its queue (8 MiB) and one fetch response
 * (REQUEST_MAX_BYTES, 16 MiB) with its decoded records, so about 40 MiB at worst; a stream that buffered what its
 * slow reader did not take would hold hundreds of MiB of the 1M records (about 200 bytes each as SSE).
 */
const RSS_GROWTH_BOUND = 300 * 1_048_576;
const HEAP_GROWTH_BOUND = 200 * 1_048_576;
/** How long after the last disconnect every connection the streams opened must be closed. */
const CLOSE_WITHIN_MS = 10_000;

const topics = trackTopics();
let server: ChildProcess | undefined;
let serverLog = "";

function rssOf(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(match?.[1] ?? 0) * 1024;
}

/** The server's JS heap in use, from its own /metrics (prom-client's default metrics). */
async function heapUsed(): Promise<number | undefined> {
  try {
    const response = await fetch(`${ORIGIN}/metrics`, {
      headers: { Authorization: `Bearer ${METRICS_TEST_TOKEN}` },
      signal: AbortSignal.timeout(5_000),
    });
    const match = /^kafka_console_nodejs_heap_size_used_bytes (\d+(?:\.\d+)?(?:e\+\d+)?)$/m.exec(await response.text());
    return match?.[1] ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

async function signIn(user: TestUser): Promise<string> {
  const action = serverActions().get("signIn");
  if (!action) throw new Error("signIn is not in the build's manifest");
  const response = await fetch(`${ORIGIN}${action.path}`, {
    method: "POST",
    headers: {
      "Next-Action": action.id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: ORIGIN,
    },
    body: JSON.stringify([{ username: user, password: TEST_USERS[user].password }]),
    redirect: "manual",
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith("kc_session="));
  if (!cookie) throw new Error(`sign-in of ${user} gave no session (${response.status})`);
  return cookie;
}

interface Reader {
  /** Bytes received so far. */
  bytes: number;
  status: number;
  /** Resolves when the reader has gone away (or the stream ended). */
  gone: Promise<void>;
  disconnect(): void;
}

/**
 * One stream of the whole topic. `slow`: takes one piece every 200 ms (the socket's buffers fill, the server's writes
 * wait); else reads as fast as it can. Goes away after `leaveAfterBytes` bytes, or when disconnect() is called.
 */
function openReader(topic: string, cookie: string, slow: boolean, leaveAfterBytes = Infinity): Promise<Reader> {
  return new Promise((resolveOpen, rejectOpen) => {
    let resolveGone: () => void = () => undefined;
    const reader: Reader = {
      bytes: 0,
      status: 0,
      gone: new Promise<void>((r) => (resolveGone = r)),
      disconnect: () => {
        request.destroy();
        resolveGone();
      },
    };
    const request = httpRequest(
      `${ORIGIN}/api/clusters/test/topics/${topic}/messages?from=oldest&limit=${RECORDS}`,
      { headers: { Cookie: cookie, Accept: "text/event-stream" } },
      (response) => {
        reader.status = response.statusCode ?? 0;
        let timer: NodeJS.Timeout | undefined;
        response.on("data", (chunk: Buffer) => {
          reader.bytes += chunk.length;
          if (reader.bytes >= leaveAfterBytes) {
            reader.disconnect();
            return;
          }
          if (slow) {
            response.pause();
            timer = setTimeout(() => response.resume(), 200);
          }
        });
        response.on("close", () => {
          clearTimeout(timer);
          resolveGone();
        });
        resolveOpen(reader);
      },
    );
    request.on("error", (error) => {
      if (reader.status === 0) rejectOpen(error);
      resolveGone();
    });
    request.end();
  });
}

async function waitForHealth(): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server?.exitCode !== null) throw new Error(`The console exited while starting:\n${serverLog}`);
    const status = await fetch(`${ORIGIN}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`The console did not start in 90 s:\n${serverLog}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  if (!buildIsCurrent()) {
    // A fresh checkout runs the integration tests before the browser tests, which would build it anyway.
    const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env } });
    if (build.status !== 0) throw new Error("npm run build failed");
  }
  const env: NodeJS.ProcessEnv = { ...process.env, ...authConsoleEnv() };
  for (const key of Object.keys(env)) if (key.startsWith("AUTH_OIDC_")) delete env[key];
  server = spawn(process.execPath, [STANDALONE_SERVER], {
    cwd: dirname(STANDALONE_SERVER),
    env: {
      ...env,
      AUTH_TYPE: "LOGIN_FORM",
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AUDIT_LOG_FILE: join(ROOT, ".data", "test-results", "slow-readers-audit.jsonl"),
      AUDIT_TOPIC: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    serverLog = (serverLog + chunk.toString("utf8")).slice(-20_000);
  };
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);
  await waitForHealth();
}, 900_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server?.once("exit", r));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  }
  await topics.cleanup();
});

describe("slow readers and disconnects on a 1M-record stream, several users at once, login on", () => {
  it(
    "keeps the server's memory bounded and closes every broker connection within seconds",
    { timeout: 180_000 },
    async () => {
      const pid = server?.pid;
      if (pid === undefined) throw new Error("no server");
      const topic = await topics.create("slow-readers", 3);
      const produced = Date.now();
      await runKafkaTool("kafka-producer-perf-test", [
        "--topic",
        topic,
        "--num-records",
        String(RECORDS),
        "--record-size",
        "100",
        "--throughput",
        "-1",
        "--command-property",
        "acks=1",
        "--command-property",
        "linger.ms=20",
        "--command-property",
        "batch.size=262144",
      ]);
      const offsets = await withFixtureAdmin((admin) => admin.fetchTopicOffsets(topic));
      expect(offsets.reduce((sum, p) => sum + Number(p.high), 0)).toBe(RECORDS);
      console.log(`${RECORDS} records produced in ${((Date.now() - produced) / 1000).toFixed(1)} s`);

      const cookies = await Promise.all(USERS.map((user) => signIn(user)));
      // Warm up: the server's shared clients, its modules and JIT, so what is measured below is the streams' own.
      for (const cookie of cookies) {
        const warm = await openReader(topic, cookie, false, 2_000_000);
        expect(warm.status).toBe(200);
        await warm.gone;
      }
      // /metrics asks the cluster too (through the shared clients): warmed up as well.
      await heapUsed();
      // The warm-up streams' own connections close before the baseline is taken: it holds the shared clients' only.
      await eventually(async () => {
        const before = establishedSockets(pid, TEST_BROKER_PORTS);
        await new Promise((r) => setTimeout(r, 1_000));
        expect([...establishedSockets(pid, TEST_BROKER_PORTS)].sort()).toEqual([...before].sort());
      }, 15_000);
      const baselineSockets = establishedSockets(pid, TEST_BROKER_PORTS);
      const baselineRss = rssOf(pid);
      const baselineHeap = await heapUsed();

      let peakRss = baselineRss;
      let peakHeap = baselineHeap ?? 0;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          peakRss = Math.max(peakRss, rssOf(pid));
          peakHeap = Math.max(peakHeap, (await heapUsed()) ?? 0);
          await new Promise((r) => setTimeout(r, 250));
        }
      })();

      const started = Date.now();
      const readers = await Promise.all(
        cookies.flatMap((cookie) => [
          openReader(topic, cookie, true),
          // Goes away midway: after about a tenth of the topic.
          openReader(topic, cookie, false, 25_000_000),
        ]),
      );
      expect(readers.map((r) => r.status)).toEqual(Array(6).fill(200));
      const slow = readers.filter((_, i) => i % 2 === 0);
      const fast = readers.filter((_, i) => i % 2 === 1);
      // The streams opened connections of their own. A stream answers with its headers before its consumer has
      // connected, so look until they show (the slow readers keep theirs open for ten seconds).
      await eventually(
        () => {
          const during = establishedSockets(pid, TEST_BROKER_PORTS);
          expect([...during].filter((s) => !baselineSockets.has(s)).length).toBeGreaterThan(0);
          return Promise.resolve();
        },
        8_000,
        50,
      );

      await Promise.all(fast.map((r) => r.gone));
      // The slow readers have had time to fall far behind; then they go away too.
      await new Promise((r) => setTimeout(r, Math.max(0, 10_000 - (Date.now() - started))));
      for (const r of slow) r.disconnect();
      const left = Date.now();
      sampling = false;
      await sampler;

      // Every connection the streams opened is closed within seconds.
      await eventually(
        () => {
          const open = [...establishedSockets(pid, TEST_BROKER_PORTS)].filter((s) => !baselineSockets.has(s));
          // Described (ports), so a failure says which broker the connection left open goes to.
          expect(describeSockets(pid, open)).toEqual([]);
          return Promise.resolve();
        },
        CLOSE_WITHIN_MS,
        100,
      );
      const closedAfter = Date.now() - left;

      const mib = (n: number) => `${(n / 1_048_576).toFixed(0)} MiB`;
      console.log(
        `fast readers left after ${fast.map((r) => mib(r.bytes)).join(", ")}; slow readers had ${slow
          .map((r) => mib(r.bytes))
          .join(", ")}; RSS ${mib(baselineRss)} -> peak ${mib(peakRss)}; heap ${mib(baselineHeap ?? 0)} -> peak ` +
          `${mib(peakHeap)}; connections closed ${closedAfter} ms after the last disconnect`,
      );
      for (const r of fast) expect(r.bytes).toBeGreaterThanOrEqual(25_000_000);
      // A slow reader took far less than the topic: the server did not read ahead for it without bound.
      expect(peakRss - baselineRss).toBeLessThan(RSS_GROWTH_BOUND);
      if (baselineHeap !== undefined) expect(peakHeap - baselineHeap).toBeLessThan(HEAP_GROWTH_BOUND);
      expect(server?.exitCode).toBeNull();
    },
  );
});
