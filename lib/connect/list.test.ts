import { describe, expect, it } from "vitest";
import type { ConnectorSummary } from "@/lib/api/connect";
import { shortClass, taskCounts, visibleConnectors } from "./list";

function row(
  name: string,
  state: ConnectorSummary["state"],
  tasks: ConnectorSummary["state"][] = [],
): ConnectorSummary {
  return {
    connect: "local",
    name,
    type: "source",
    className: "org.apache.kafka.connect.file.FileStreamSourceConnector",
    state,
    workerId: "w:1",
    tasks: tasks.map((s, id) => ({ id, state: s, workerId: "w:1" })),
    topics: [`${name}-topic`],
  };
}

const rows = [row("b", "RUNNING", ["RUNNING", "FAILED"]), row("a", "RUNNING", ["RUNNING"]), row("c", "FAILED")];

describe("the connectors list", () => {
  it("sorts by name, or broken ones first (a failed task counts)", () => {
    expect(visibleConnectors(rows, { q: "", state: "", failedFirst: false }).map((r) => r.name)).toEqual([
      "a",
      "b",
      "c",
    ]);
    expect(visibleConnectors(rows, { q: "", state: "", failedFirst: true }).map((r) => r.name)).toEqual([
      "b",
      "c",
      "a",
    ]);
  });

  it("filters by state and searches names, classes and topics", () => {
    expect(visibleConnectors(rows, { q: "", state: "FAILED", failedFirst: false }).map((r) => r.name)).toEqual([
      "b",
      "c",
    ]);
    expect(visibleConnectors(rows, { q: "C-TOP", state: "", failedFirst: false }).map((r) => r.name)).toEqual(["c"]);
    expect(visibleConnectors(rows, { q: "filestream", state: "", failedFirst: false })).toHaveLength(3);
  });

  it("counts tasks and shortens class names", () => {
    expect(taskCounts(rows[0] ?? row("x", "RUNNING"))).toEqual({ running: 1, failed: 1, total: 2 });
    expect(shortClass("org.apache.kafka.connect.file.FileStreamSinkConnector")).toBe("FileStreamSinkConnector");
  });
});
