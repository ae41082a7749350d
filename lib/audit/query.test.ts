import { describe, expect, it } from "vitest";
import type { AuditEntry } from "./entry";
import {
  auditListStateToSearch,
  auditQuerySchema,
  DEFAULT_AUDIT_LIST_STATE,
  isFiltered,
  matchesAuditFilter,
  parseAuditListState,
} from "./query";

function entry(change: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: "1",
    time: "2026-11-21T10:30:05.123Z",
    actor: { name: "Alice", via: "password" },
    cluster: "prod",
    action: "messages.produce",
    params: { topic: "orders", key: "customer-42", value: '{"total": 99}', headers: [{ key: "trace", value: "abc" }] },
    result: { ok: true, summary: "1 record written: partition 0, offset 7" },
    durationMs: 12,
    ...change,
  };
}

describe("matchesAuditFilter", () => {
  it("matches everything with no filter", () => {
    expect(matchesAuditFilter(entry(), { q: "" })).toBe(true);
  });

  it("filters by cluster, actor (any case), action and result", () => {
    expect(matchesAuditFilter(entry(), { q: "", cluster: "prod" })).toBe(true);
    expect(matchesAuditFilter(entry(), { q: "", cluster: "pro" })).toBe(false);
    expect(matchesAuditFilter(entry(), { q: "", actor: "alice" })).toBe(true);
    expect(matchesAuditFilter(entry(), { q: "", actor: "bob" })).toBe(false);
    expect(matchesAuditFilter(entry(), { q: "", action: "messages.produce" })).toBe(true);
    expect(matchesAuditFilter(entry(), { q: "", action: "topic.delete" })).toBe(false);
    expect(matchesAuditFilter(entry(), { q: "", result: "ok" })).toBe(true);
    expect(matchesAuditFilter(entry(), { q: "", result: "failed" })).toBe(false);
    const failed = entry({ result: { ok: false, message: "Topic orders does not exist." } });
    expect(matchesAuditFilter(failed, { q: "", result: "failed" })).toBe(true);
  });

  it("finds every word of the text in the params, the result or the names", () => {
    expect(matchesAuditFilter(entry(), { q: "ORDERS customer-42" })).toBe(true);
    expect(matchesAuditFilter(entry(), { q: "offset 7" })).toBe(true);
    expect(matchesAuditFilter(entry(), { q: "produce alice prod" })).toBe(true);
    expect(matchesAuditFilter(entry(), { q: "orders payments" })).toBe(false);
    expect(matchesAuditFilter(entry({ result: { ok: false, message: "Not enough brokers" } }), { q: "brokers" })).toBe(
      true,
    );
  });
});

describe("auditQuerySchema", () => {
  it("has defaults, and takes empty parameters as none", () => {
    expect(auditQuerySchema.parse({})).toEqual({ q: "", limit: 50 });
    expect(auditQuerySchema.parse({ cluster: "", action: "", result: "", actor: "" })).toEqual({ q: "", limit: 50 });
    expect(
      auditQuerySchema.parse({
        cluster: "prod",
        action: "topic.delete",
        result: "failed",
        limit: "10",
        before: "1234",
      }),
    ).toEqual({ cluster: "prod", action: "topic.delete", result: "failed", q: "", limit: 10, before: "1234" });
  });

  it("refuses bad values with messages naming the parameter", () => {
    const message = (input: Record<string, string>) => auditQuerySchema.safeParse(input).error?.issues[0]?.message;
    expect(message({ action: "topic.rename" })).toMatch(/^action must be one of topic.create/);
    expect(message({ result: "maybe" })).toBe("result must be ok or failed.");
    expect(message({ limit: "0" })).toBe("limit must be at least 1.");
    expect(message({ limit: "100000" })).toBe("limit is at most 500.");
    expect(message({ before: "-1" })).toBe("before must be the nextCursor of a previous page.");
  });
});

describe("the Audit page's URL", () => {
  it("round-trips the filters, leaving defaults out", () => {
    const state = {
      cluster: "prod",
      actor: "alice",
      action: "topic.create" as const,
      result: "failed" as const,
      q: "orders",
    };
    const search = auditListStateToSearch(state);
    expect(search).toBe("cluster=prod&actor=alice&action=topic.create&result=failed&q=orders");
    expect(parseAuditListState(new URLSearchParams(search))).toEqual(state);
    expect(auditListStateToSearch(DEFAULT_AUDIT_LIST_STATE)).toBe("");
    expect(isFiltered(DEFAULT_AUDIT_LIST_STATE)).toBe(false);
    expect(isFiltered({ ...DEFAULT_AUDIT_LIST_STATE, q: "x" })).toBe(true);
  });

  it("ignores values it does not know", () => {
    expect(parseAuditListState(new URLSearchParams("action=nope&result=maybe&cluster="))).toEqual(
      DEFAULT_AUDIT_LIST_STATE,
    );
  });
});
