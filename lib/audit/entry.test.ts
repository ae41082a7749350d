import { describe, expect, it } from "vitest";
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  type AuditEntry,
  auditEntrySchema,
  isAuditAction,
  parseAuditLine,
} from "./entry";

const ENTRY: AuditEntry = {
  id: "0b6f3f0e-7d2c-4b1e-9d7a-2f0c9a1b2c3d",
  time: "2026-11-21T10:30:05.123Z",
  actor: { name: "anonymous", via: "anonymous" },
  cluster: "prod",
  action: "topic.create",
  params: { name: "orders", partitions: 6, replicationFactor: 3, configs: {} },
  result: { ok: true },
  durationMs: 42,
};

describe("audit entries", () => {
  it("every action has a label", () => {
    for (const action of AUDIT_ACTIONS) expect(AUDIT_ACTION_LABELS[action]).toMatch(/\w/);
    expect(isAuditAction("topic.delete")).toBe(true);
    expect(isAuditAction("group.offsets.preview")).toBe(false);
  });

  it("reads back a line it wrote", () => {
    expect(parseAuditLine(JSON.stringify(ENTRY))).toEqual(ENTRY);
    const failed: AuditEntry = { ...ENTRY, result: { ok: false, message: "Topic 'orders' already exists." } };
    expect(parseAuditLine(JSON.stringify(failed))).toEqual(failed);
  });

  it("refuses torn lines, other JSON and unknown actions", () => {
    expect(parseAuditLine(JSON.stringify(ENTRY).slice(0, 40))).toBeNull();
    expect(parseAuditLine("")).toBeNull();
    expect(parseAuditLine('{"hello":"world"}')).toBeNull();
    expect(parseAuditLine(JSON.stringify({ ...ENTRY, action: "topic.rename" }))).toBeNull();
    expect(parseAuditLine(JSON.stringify({ ...ENTRY, time: "yesterday" }))).toBeNull();
    expect(parseAuditLine(JSON.stringify({ ...ENTRY, result: { ok: false } }))).toBeNull();
    expect(auditEntrySchema.safeParse({ ...ENTRY, durationMs: -1 }).success).toBe(false);
  });
});
