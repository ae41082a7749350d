import { describe, expect, it } from "vitest";
import type { ConnectorSummary } from "@/lib/api/connect";
import {
  connectorListViewToSearch,
  DEFAULT_CONNECTOR_LIST_VIEW,
  parseConnectorListView,
  shortClass,
  taskCounts,
  visibleConnectors,
} from "./list";

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

describe("the list view in the URL", () => {
  it("writes only what differs from the default, and reads it back", () => {
    expect(connectorListViewToSearch(DEFAULT_CONNECTOR_LIST_VIEW)).toBe("");
    const view = { q: "orders sink", state: "FAILED", failedFirst: false } as const;
    const search = connectorListViewToSearch(view);
    expect(search).toBe("q=orders+sink&state=FAILED&failedFirst=false");
    expect(parseConnectorListView(new URLSearchParams(search))).toEqual(view);
  });

  it("ignores an unknown state or flag value", () => {
    expect(parseConnectorListView(new URLSearchParams("state=BROKEN&failedFirst=maybe"))).toEqual(
      DEFAULT_CONNECTOR_LIST_VIEW,
    );
  });
});
