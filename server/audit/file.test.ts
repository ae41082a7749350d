import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "@/lib/audit/entry";
import { matchesAuditFilter } from "@/lib/audit/query";
import { auditParams } from "@/lib/audit/sanitize";
import { AuditFile, resolveAuditFile } from "@/server/audit/file";
import { readAllPages, uniqueName } from "@/scripts/test-support/helpers";

const DIR = join(process.cwd(), ".data", "test-results", "audit-file-tests");
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** A fresh file path in a folder that does not exist yet (the writer creates it). */
function newPath(): string {
  return join(DIR, uniqueName("run"), "nested", "audit.jsonl");
}

let counter = 0;
function entry(change: Partial<AuditEntry> = {}): AuditEntry {
  counter += 1;
  return {
    id: `e-${counter}-${uniqueName("id")}`,
    time: new Date(Date.UTC(2026, 10, 21, 10, 0, 0) + counter * 1000).toISOString(),
    actor: { name: "anonymous", via: "anonymous" },
    cluster: "test",
    action: "topic.create",
    params: { name: `topic-${counter}`, partitions: 3, replicationFactor: 3, configs: {} },
    result: { ok: true },
    durationMs: 5,
    ...change,
  };
}

const all = () => true;

const readAll = (file: AuditFile, matches: (e: AuditEntry) => boolean = all, limit = 7) =>
  readAllPages(file, matches, limit);

describe("the audit file", () => {
  it("appends many entries at once from several writers with every line intact", async () => {
    const path = newPath();
    const writers = Array.from({ length: 8 }, () => new AuditFile(path));
    // Lines of very different sizes (up to ~100 KB), so a torn or interleaved write would show.
    const written = Array.from({ length: 400 }, (_, i) =>
      entry({
        action: "messages.produce",
        params: auditParams("messages.produce", {
          topic: "t",
          key: `k${i}`,
          value: "v".repeat(i * 50),
          headers: Array.from({ length: i % 40 }, (_, h) => ({ key: `h${h}`, value: "x".repeat(190) })),
        }),
      }),
    );
    await Promise.all(written.map((e, i) => (writers[i % writers.length] as AuditFile).append(e)));

    const lines = readFileSync(path, "utf8").split("\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(written.length);
    const parsed = lines.map((line) => JSON.parse(line) as AuditEntry);
    expect(new Set(parsed.map((e) => e.id))).toEqual(new Set(written.map((e) => e.id)));
    // Each writer keeps its own order.
    const order = parsed.map((e) => e.id);
    for (const mine of writers.keys()) {
      const ids = written.filter((_, i) => i % writers.length === mine).map((e) => e.id);
      expect(order.filter((id) => ids.includes(id))).toEqual(ids);
    }
    expect(await readAll(writers[0] as AuditFile, all, 50)).toHaveLength(written.length);
  });

  it("reads back newest first, a page at a time, filtered, skipping lines that are not entries", async () => {
    const path = newPath();
    const file = new AuditFile(path);
    const written: AuditEntry[] = [];
    for (let i = 0; i < 30; i++) {
      const e = entry({
        cluster: i % 3 === 0 ? "prod" : "test",
        action: i % 2 === 0 ? "topic.create" : "topic.delete",
        result: i % 5 === 0 ? { ok: false, message: `refused ${i}` } : { ok: true },
      });
      written.push(e);
      await file.append(e);
      // A foreign line and a torn one in the middle of the log.
      if (i === 10) writeFileSync(path, 'not json\n{"id":"torn","time":"2026-\n', { flag: "a" });
    }
    const newestFirst = [...written].reverse();
    expect((await readAll(file)).map((e) => e.id)).toEqual(newestFirst.map((e) => e.id));

    const first = await file.read(all, 4);
    expect(first.entries.map((e) => e.id)).toEqual(newestFirst.slice(0, 4).map((e) => e.id));
    expect(first.nextCursor).toMatch(/^\d+$/);
    const second = await file.read(all, 4, BigInt(first.nextCursor ?? "0"));
    expect(second.entries.map((e) => e.id)).toEqual(newestFirst.slice(4, 8).map((e) => e.id));

    const filter = { cluster: "prod", result: "failed" as const, q: "" };
    const matching = newestFirst.filter((e) => matchesAuditFilter(e, filter));
    expect(matching.length).toBeGreaterThan(1);
    expect((await readAll(file, (e) => matchesAuditFilter(e, filter), 1)).map((e) => e.id)).toEqual(
      matching.map((e) => e.id),
    );
    const deletes = await readAll(file, (e) => matchesAuditFilter(e, { action: "topic.delete", q: "" }), 5);
    expect(deletes.map((e) => e.id)).toEqual(newestFirst.filter((e) => e.action === "topic.delete").map((e) => e.id));
  });

  it("reads a bounded part of a large file per request, with a cursor to go on", async () => {
    const path = newPath();
    const file = new AuditFile(path);
    const needle = entry({ cluster: "needle" });
    await file.append(needle);
    // About 12 MB of newer entries that do not match, written in one go.
    const filler = JSON.stringify(entry({ params: { name: "filler", padding: "p".repeat(900) } }));
    writeFileSync(path, `${filler}\n`.repeat(12_000), { flag: "a" });
    const matches = (e: AuditEntry) => e.cluster === "needle";
    const first = await file.read(matches, 10);
    expect(first.entries).toEqual([]);
    expect(first.nextCursor).not.toBeNull();
    expect(await readAll(file, matches, 10)).toEqual([needle]);
  });

  it("answers an empty page for a file that does not exist yet", async () => {
    expect(await new AuditFile(newPath()).read(all, 10)).toEqual({ entries: [], nextCursor: null });
  });

  it("resolves a relative path under the project, also from the standalone server's folder", () => {
    const root = process.cwd();
    expect(resolveAuditFile(".data/audit/audit.jsonl", root)).toBe(join(root, ".data/audit/audit.jsonl"));
    expect(resolveAuditFile(".data/audit/audit.jsonl", join(root, ".next", "standalone"))).toBe(
      join(root, ".data/audit/audit.jsonl"),
    );
    expect(resolveAuditFile("/var/log/audit.jsonl", root)).toBe("/var/log/audit.jsonl");
    // Outside a checkout (the Docker image runs from /app): the working directory.
    const elsewhere = join(DIR, "app");
    mkdirSync(elsewhere, { recursive: true });
    expect(resolveAuditFile("audit.jsonl", elsewhere)).toBe(join(elsewhere, "audit.jsonl"));
  });
});
