import { describe, expect, it } from "vitest";
import type { AuditEntry } from "@/lib/audit/entry";
import { auditVisibility, HIDDEN_PAYLOAD } from "@/server/audit/access";

const produce: AuditEntry = {
  id: "1",
  time: "2026-11-21T10:00:00.000Z",
  actor: { name: "ops", via: "password" },
  cluster: "prod",
  action: "messages.produce",
  params: { topic: "orders", key: "customer-1", value: "card=4111", headers: [{ key: "h", value: "v" }], copies: 1 },
  result: { ok: true },
  durationMs: 4,
};

describe("what of the audit log a user sees", () => {
  it("everything with a grant on every cluster (login off)", () => {
    const { visible, shown } = auditVisibility([{ cluster: "*", role: "admin", messages: true }]);
    expect(visible(produce)).toBe(true);
    expect(visible({ ...produce, cluster: "not-configured" })).toBe(true);
    expect(shown(produce)).toBe(produce);
  });

  it("only the clusters a user has a role on, and message contents only where they may read them", () => {
    const { visible, shown } = auditVisibility([{ cluster: "prod", role: "viewer", messages: false }]);
    expect(visible(produce)).toBe(true);
    expect(visible({ ...produce, cluster: "staging" })).toBe(false);
    expect(visible({ ...produce, cluster: "not-configured" })).toBe(false);
    expect(shown(produce).params).toEqual({
      topic: "orders",
      key: HIDDEN_PAYLOAD,
      value: HIDDEN_PAYLOAD,
      headers: HIDDEN_PAYLOAD,
      copies: 1,
    });
    const topicChange: AuditEntry = { ...produce, action: "topic.create", params: { name: "orders", partitions: 3 } };
    expect(shown(topicChange)).toBe(topicChange);
    expect(auditVisibility([{ cluster: "prod", role: "viewer", messages: true }]).shown(produce)).toBe(produce);
  });
});
