import { mkdirSync, renameSync, rmdirSync, existsSync } from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { AuditEntry } from "@/lib/audit/entry";
import { REDACTED } from "@/lib/audit/sanitize";
import { previewOffsetReset } from "@/server/groups/actions";
import { produceMessages } from "@/server/messages/actions";
import { createTopic, deleteTopic } from "@/server/topics/actions";
import { auditSinks, readAuditLog } from "@/server/audit/log";
import { trackTopics, uniqueName } from "@/scripts/test-support/helpers";

const topics = trackTopics();
afterAll(topics.cleanup);

/** The entries of the configured audit log (the integration run's file) whose params or result mention `text`. */
async function entriesAbout(text: string): Promise<AuditEntry[]> {
  return (await readAuditLog({ q: text, limit: 100 })).entries;
}

describe("every server action that changes something is audited through runMutation", () => {
  it("records a change that was made, and a refused one with Kafka's reason, newest first", async () => {
    const name = uniqueName("audited");
    topics.created.push(name);
    const started = Date.now();
    expect(await createTopic("test", { name, partitions: 2, replicationFactor: 3 })).toEqual({
      ok: true,
      data: { name },
    });
    const again = await createTopic("test", { name, partitions: 2, replicationFactor: 3 });
    expect(again.ok).toBe(false);

    const [refused, created] = await entriesAbout(name);
    expect(created).toMatchObject({
      actor: { name: "anonymous", via: "anonymous" },
      cluster: "test",
      action: "topic.create",
      // The validated input: defaults filled in.
      params: { name, partitions: 2, replicationFactor: 3, configs: {} },
      result: { ok: true },
    });
    expect(Date.parse(created?.time ?? "")).toBeGreaterThanOrEqual(started - 1_000);
    expect(created?.durationMs).toBeGreaterThanOrEqual(0);
    expect(created?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(refused).toMatchObject({
      cluster: "test",
      action: "topic.create",
      result: { ok: false, message: again.ok ? "" : again.message },
    });
    expect(refused?.result.ok === false && refused.result.message).toMatch(/already exists/i);
  });

  it(
    "records attempts refused before anything reached Kafka: invalid input, a read-only, unknown or missing " +
      "cluster",
    async () => {
      const name = uniqueName("refused");
      const invalid = await deleteTopic("test", { name, confirmation: "not the name" });
      expect(invalid).toMatchObject({ ok: false, message: "Type the topic's name exactly to confirm." });
      const readOnly = await createTopic("readonly", { name, partitions: 1, replicationFactor: 1 });
      const unknown = await createTopic("no-such-cluster", { name, partitions: 1, replicationFactor: 1 });
      const missing = await createTopic("", { name, partitions: 1, replicationFactor: 1 });

      const entries = await entriesAbout(name);
      expect(entries.map((e) => [e.cluster, e.action, e.result])).toEqual([
        ["", "topic.create", { ok: false, message: missing.ok ? "" : missing.message }],
        ["no-such-cluster", "topic.create", { ok: false, message: unknown.ok ? "" : unknown.message }],
        ["readonly", "topic.create", { ok: false, message: readOnly.ok ? "" : readOnly.message }],
        ["test", "topic.delete", { ok: false, message: "Type the topic's name exactly to confirm." }],
      ]);
      // Input that did not validate is kept as it was sent.
      expect(entries.at(-1)?.params).toEqual({ name, confirmation: "not the name" });
    },
  );

  it("keeps a produced record's contents short and its secrets out, and sums up where it landed", async () => {
    const topic = await topics.create("audited-produce", 1);
    const value = `<script>alert(1)</script>${"v".repeat(500)}`;
    const result = await produceMessages("test", {
      topic,
      partition: 0,
      key: "k",
      value,
      valueFormat: "text",
      headers: [
        { key: "token", value: "secret-123" },
        { key: "trace", value: "t-1" },
      ],
      copies: 2,
      compression: "none",
    });
    expect(result.ok).toBe(true);
    const [entry] = await entriesAbout(topic);
    expect(entry?.action).toBe("messages.produce");
    expect(entry?.params).toMatchObject({
      topic,
      key: "k",
      headers: [
        { key: "token", value: REDACTED },
        { key: "trace", value: "t-1" },
      ],
      copies: 2,
    });
    const params = entry?.params as { value: string };
    expect(params.value.startsWith("<script>alert(1)</script>vvv")).toBe(true);
    expect(params.value).toMatch(/… \(325 more characters\)$/);
    expect(JSON.stringify(entry)).not.toContain("secret-123");
    expect(entry?.result).toEqual({ ok: true, summary: "2 records written to partition 0" });
  });

  it("does not audit the offset reset's preview, which changes nothing", async () => {
    const group = uniqueName("preview-only");
    await previewOffsetReset("test", { groupId: group, scope: { kind: "all" }, strategy: { kind: "earliest" } });
    expect(await entriesAbout(group)).toEqual([]);
  });

  it(
    "reports a change as done with a warning when the audit log cannot take it, and logs the entry without " +
      "secrets",
    async () => {
      const path = auditSinks().file?.path;
      if (!path) throw new Error("The integration run writes the audit log to a file (AUDIT_LOG_FILE).");
      const aside = `${path}.aside`;
      const had = existsSync(path);
      if (had) renameSync(path, aside);
      // A folder where the file should be: every append fails (EISDIR), as a full or read-only disk would.
      mkdirSync(path);
      const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
      try {
        const topic = await topics.create("audit-down", 1);
        const result = await produceMessages("test", {
          topic,
          partition: null,
          key: null,
          value: "hello",
          valueFormat: "text",
          headers: [{ key: "password", value: "hunter2" }],
          copies: 1,
          compression: "none",
        });
        expect(result.ok).toBe(true);
        expect(result.ok && result.warning).toMatch(
          /^The audit log could not record this \(writing to the audit file failed\)/,
        );
        const logged = errors.mock.calls.map((call) => call.map(String).join(" ")).join("\n");
        expect(logged).toContain("was not written to the audit file");
        expect(logged).toContain(topic);
        expect(logged).not.toContain("hunter2");

        // A refusal stays exactly as it was: no warning added to it.
        const refused = await createTopic("readonly", { name: uniqueName("x"), partitions: 1, replicationFactor: 1 });
        expect(refused).toEqual({
          ok: false,
          message: 'Cluster "readonly" is read-only: the console makes no changes to it.',
        });
      } finally {
        errors.mockRestore();
        rmdirSync(path);
        if (had) renameSync(aside, path);
      }
    },
  );
});
