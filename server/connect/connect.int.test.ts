/**
 * Kafka Connect through the console, against the test suite's real Connect cluster: two distributed workers
 * (scripts/connect/worker.ts) on the test Kafka cluster, with Kafka's own FileStream connectors. Every change is read
 * back from a worker's REST API, never from the console's own answer alone.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GET as connectorsRoute } from "@/app/api/clusters/[cluster]/connectors/route";
import { GET as connectorRoute } from "@/app/api/clusters/[cluster]/connects/[connect]/connectors/[name]/route";
import { connectorResponseSchema, connectorsResponseSchema } from "@/lib/api/connect";
import {
  deleteConnector,
  pauseConnector,
  restartConnector,
  resetConnectorOffsets,
  resumeConnector,
  stopConnector,
  upsertConnector,
} from "@/server/connect/actions";
import { eventually, uniqueName } from "@/scripts/test-support/helpers";
import { connectFixture, ok, WORKER } from "@/scripts/test-support/connect-fixture";
import { search, text } from "@/scripts/test-support/sse-client";
import { TEST_CONNECT } from "@/scripts/test-support/test-cluster";
import { startWorkerAndWait, stopWorker } from "@/scripts/connect/worker";

const { topics, files: FILES, made } = connectFixture("int");

/** GET from a worker's own REST API: what Connect really has, whatever the console says. */
async function worker<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${WORKER}${path}`);
  const body = (await response.json().catch(() => null)) as T;
  return { status: response.status, body };
}

async function workerState(name: string): Promise<{ connector: string; tasks: string[] }> {
  const { body } = await worker<{ connector: { state: string }; tasks: { state: string }[] }>(
    `/connectors/${name}/status`,
  );
  return { connector: body.connector.state, tasks: body.tasks.map((t) => t.state) };
}

async function list() {
  const response = await connectorsRoute(new Request("http://console/api"), {
    params: Promise.resolve({ cluster: "test" }),
  });
  expect(response.status).toBe(200);
  return connectorsResponseSchema.parse(await response.json());
}

async function detail(name: string) {
  const response = await connectorRoute(new Request("http://console/api"), {
    params: Promise.resolve({ cluster: "test", connect: "local", name }),
  });
  const body: unknown = await response.json();
  if (response.status !== 200) throw new Error(`GET connector ${name}: ${response.status} ${JSON.stringify(body)}`);
  return connectorResponseSchema.parse(body);
}

async function createFileSource(name: string, topic: string, file: string) {
  made.push(name);
  return upsertConnector("test", {
    connect: "local",
    name,
    create: true,
    config: {
      "connector.class": "org.apache.kafka.connect.file.FileStreamSourceConnector",
      "tasks.max": "1",
      file,
      topic,
    },
  });
}

describe("Kafka Connect through the console (real workers)", () => {
  it("runs a FileStreamSource that reads a file into a topic, and shows it with its task and topic", async () => {
    const topic = await topics.create("connect-src", 1);
    const file = join(FILES, `${uniqueName("source")}.txt`);
    writeFileSync(file, "first line\nsecond line\nthird line\n");
    const name = uniqueName("file-source");
    expect(ok(await createFileSource(name, topic, file))).toEqual({ name, created: true });

    const row = await eventually(async () => {
      const found = (await list()).connectors.find((c) => c.name === name);
      expect(found?.state).toBe("RUNNING");
      expect(found?.tasks.map((t) => t.state)).toEqual(["RUNNING"]);
      expect(found?.topics).toEqual([topic]);
      return found;
    });
    expect(row).toMatchObject({
      connect: "local",
      type: "source",
      className: "org.apache.kafka.connect.file.FileStreamSourceConnector",
    });
    expect(await workerState(name)).toEqual({ connector: "RUNNING", tasks: ["RUNNING"] });

    // The records are in the topic, read back through the console's own message stream.
    const values = await eventually(async () => {
      const { messages } = await search("test", topic, { from: "oldest", limit: "10" }, 10_000);
      const got = messages.map((m) => text(m.value));
      expect(got).toEqual(["first line", "second line", "third line"]);
      return got;
    });
    expect(values).toHaveLength(3);

    const page = await eventually(async () => {
      const d = await detail(name);
      expect(d.offsets?.length).toBe(1);
      return d;
    });
    expect(page.tasks).toEqual([{ id: 0, state: "RUNNING", workerId: expect.any(String), workerGone: false }]);
    expect(page.config).toMatchObject({ file, topic, name });
    expect(page.offsets?.[0]?.partition).toEqual({ filename: file });
  });

  it("pauses, resumes, stops, resets offsets when stopped, restarts, deletes: read back from the worker", async () => {
    const topic = await topics.create("connect-life", 1);
    const file = join(FILES, `${uniqueName("life")}.txt`);
    writeFileSync(file, "a\nb\n");
    const name = uniqueName("life");
    ok(await createFileSource(name, topic, file));
    await eventually(async () => expect(await workerState(name)).toEqual({ connector: "RUNNING", tasks: ["RUNNING"] }));
    await eventually(async () => {
      const { body } = await worker<{ offsets: unknown[] }>(`/connectors/${name}/offsets`);
      expect(body.offsets).toHaveLength(1);
    });

    ok(await pauseConnector("test", { connect: "local", name }));
    await eventually(async () => expect(await workerState(name)).toEqual({ connector: "PAUSED", tasks: ["PAUSED"] }));
    await eventually(async () => expect((await detail(name)).state).toBe("PAUSED"));

    ok(await resumeConnector("test", { connect: "local", name }));
    await eventually(async () => expect(await workerState(name)).toEqual({ connector: "RUNNING", tasks: ["RUNNING"] }));

    // Connect resets offsets only of a stopped connector: refused with the reason while it runs.
    const refused = await resetConnectorOffsets("test", { connect: "local", name });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/is RUNNING: Kafka Connect resets the offsets only of a stopped/);

    ok(await stopConnector("test", { connect: "local", name }));
    await eventually(async () => expect(await workerState(name)).toEqual({ connector: "STOPPED", tasks: [] }));
    ok(await resetConnectorOffsets("test", { connect: "local", name }));
    const { body: after } = await worker<{ offsets: unknown[] }>(`/connectors/${name}/offsets`);
    expect(after.offsets).toEqual([]);

    // Resumed with no offsets, the source reads its file again from the start.
    ok(await resumeConnector("test", { connect: "local", name }));
    await eventually(async () => {
      const { messages } = await search("test", topic, { from: "oldest", limit: "10" }, 10_000);
      expect(messages.map((m) => text(m.value))).toEqual(["a", "b", "a", "b"]);
    });

    ok(await restartConnector("test", { connect: "local", name, onlyFailed: false }));
    await eventually(async () => expect(await workerState(name)).toEqual({ connector: "RUNNING", tasks: ["RUNNING"] }));

    const wrong = await deleteConnector("test", { connect: "local", name, confirmation: "nope" });
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.fieldErrors).toEqual({
      confirmation: ["Type the connector's name exactly to delete it."],
    });
    ok(await deleteConnector("test", { connect: "local", name, confirmation: name }));
    expect((await worker(`/connectors/${name}`)).status).toBe(404);
  }, 120_000);

  it("shows a failing sink FAILED with the worker's trace, and brings it back after the config is fixed", async () => {
    const topic = await topics.create("connect-sink", 1);
    const name = uniqueName("bad-sink");
    made.push(name);
    const config = {
      "connector.class": "org.apache.kafka.connect.file.FileStreamSinkConnector",
      "tasks.max": "1",
      topics: topic,
      file: "/nonexistent-directory/for/sure/out.txt",
    };
    ok(await upsertConnector("test", { connect: "local", name, create: true, config }));
    const failed = await eventually(async () => {
      const d = await detail(name);
      expect(d.tasks[0]?.state).toBe("FAILED");
      return d;
    });
    expect(failed.tasks[0]?.trace).toMatch(/Couldn't find or create file|nonexistent-directory/);
    expect((await list()).connectors.find((c) => c.name === name)?.tasks[0]?.state).toBe("FAILED");

    const out = join(FILES, `${uniqueName("sink")}.txt`);
    ok(await upsertConnector("test", { connect: "local", name, create: false, config: { ...config, file: out } }));
    ok(await restartConnector("test", { connect: "local", name, onlyFailed: true }));
    await eventually(async () => expect(await workerState(name)).toEqual({ connector: "RUNNING", tasks: ["RUNNING"] }));
    const { body } = await worker<{ config: Record<string, string> }>(`/connectors/${name}`);
    expect(body.config.file).toBe(out);
    await eventually(async () => expect(existsSync(out)).toBe(true));
    expect(readFileSync(out, "utf8")).toBe("");
  }, 120_000);

  it("gives the worker's per-field errors for an invalid config, and creates nothing", async () => {
    const name = uniqueName("invalid");
    const result = await upsertConnector("test", {
      connect: "local",
      name,
      create: true,
      config: {
        "connector.class": "org.apache.kafka.connect.file.FileStreamSourceConnector",
        "tasks.max": "many",
        file: "/tmp/x",
      },
    });
    expect(result.ok).toBe(false);
    const fieldErrors = !result.ok ? (result.fieldErrors ?? {}) : {};
    expect(Object.keys(fieldErrors).sort()).toEqual(["config.tasks.max", "config.topic"]);
    expect(fieldErrors["config.tasks.max"]?.[0]).toMatch(/many/);
    expect((await worker(`/connectors/${name}`)).status).toBe(404);
  });

  it("names a Connect cluster that does not answer, and still shows the others", async () => {
    const { connects } = await list();
    expect(connects.find((c) => c.name === "local")).toMatchObject({ reachable: true, version: expect.any(String) });
    const gone = connects.find((c) => c.name === "gone");
    expect(gone?.reachable).toBe(false);
    expect(gone?.error).toMatch(/Cannot reach Kafka Connect "gone" at http:\/\/127\.0\.0\.1:2: connection refused/);
  });

  it("refuses changes on a read-only cluster and with an unknown Connect cluster", async () => {
    const readOnly = await pauseConnector("readonly", { connect: "local", name: "x" });
    expect(!readOnly.ok && readOnly.message).toMatch(/read-only/);
    const unknown = await pauseConnector("test", { connect: "nope", name: "x" });
    expect(!unknown.ok && unknown.message).toMatch(/No Kafka Connect cluster named "nope"/);
  });

  it("says clearly when the whole Connect cluster is down, the rest still works, and it recovers", async () => {
    const { GET: topicsRoute } = await import("@/app/api/clusters/[cluster]/topics/route");
    try {
      await Promise.all(TEST_CONNECT.workers.map((w) => stopWorker(TEST_CONNECT, w.id)));
      const down = await list();
      expect(down.connectors).toEqual([]);
      expect(down.connects.find((c) => c.name === "local")).toMatchObject({
        reachable: false,
        error: expect.stringMatching(
          /^Cannot reach Kafka Connect "local" at http:\/\/127\.0\.0\.1:\d+: connection refused\.$/,
        ),
      });
      const topicsAnswer = await topicsRoute(new Request("http://console/api/clusters/test/topics"), {
        params: Promise.resolve({ cluster: "test" }),
      });
      expect(topicsAnswer.status).toBe(200);
      const action = await pauseConnector("test", { connect: "local", name: "anything" });
      expect(!action.ok && action.message).toMatch(/Cannot reach Kafka Connect "local"/);
    } finally {
      await Promise.all(TEST_CONNECT.workers.map((w) => startWorkerAndWait(TEST_CONNECT, w.id)));
    }
    await eventually(async () => expect((await list()).connects.find((c) => c.name === "local")?.reachable).toBe(true));
  }, 120_000);

  it("moves the tasks of a stopped worker to the other one, and says which worker is gone", async () => {
    const topic = await topics.create("connect-move", 2);
    const name = uniqueName("two-tasks");
    made.push(name);
    const out = join(FILES, `${uniqueName("move")}.txt`);
    ok(
      await upsertConnector("test", {
        connect: "local",
        name,
        create: true,
        config: {
          "connector.class": "org.apache.kafka.connect.file.FileStreamSinkConnector",
          "tasks.max": "2",
          topics: topic,
          file: out,
        },
      }),
    );
    const second = TEST_CONNECT.workers[1];
    if (!second) throw new Error("The test Connect cluster has one worker.");
    const secondId = `127.0.0.1:${second.port}`;
    await eventually(async () => {
      const d = await detail(name);
      expect(d.tasks.map((t) => t.state)).toEqual(["RUNNING", "RUNNING"]);
      expect(new Set(d.tasks.map((t) => t.workerId)).size).toBe(2);
    });
    try {
      await stopWorker(TEST_CONNECT, second.id);
      // While Connect waits for the worker to come back, its tasks are unassigned and the page names it gone.
      const during = await eventually(async () => {
        const d = await detail(name);
        expect(d.tasks.find((t) => t.workerId === secondId)?.workerGone ?? true).toBe(true);
        return d;
      }, 15_000);
      expect(during.tasks.every((t) => t.workerId !== secondId || t.workerGone)).toBe(true);
      // After scheduled.rebalance.max.delay.ms, both tasks run on the first worker.
      await eventually(async () => {
        const d = await detail(name);
        expect(d.tasks.map((t) => [t.state, t.workerId])).toEqual([
          ["RUNNING", `127.0.0.1:${TEST_CONNECT.workers[0]?.port}`],
          ["RUNNING", `127.0.0.1:${TEST_CONNECT.workers[0]?.port}`],
        ]);
      }, 60_000);
    } finally {
      await startWorkerAndWait(TEST_CONNECT, second.id);
    }
  }, 180_000);
});
