import { describe, expect, it } from "vitest";
import type { GroupSummary } from "@/lib/api/types";
import {
  DEFAULT_GROUP_LIST_STATE,
  defaultGroupOrder,
  filterGroups,
  GROUP_SORTS,
  GROUP_STATES,
  groupListStateToSearch,
  type GroupListState,
  nextGroupSort,
  parseGroupListState,
  sortGroups,
} from "./list";

function group(groupId: string, fields: Partial<GroupSummary> = {}): GroupSummary {
  return {
    groupId,
    state: "Stable",
    protocolType: "consumer",
    members: 1,
    topics: [],
    partitions: 1,
    lag: 0,
    lagSeconds: 0,
    lagSecondsComplete: true,
    status: "caught-up",
    coordinator: 1,
    ...fields,
  };
}

const ids = (groups: readonly GroupSummary[]) => groups.map((g) => g.groupId);
const view = (fields: Partial<GroupListState>): GroupListState => ({ ...DEFAULT_GROUP_LIST_STATE, ...fields });

describe("URL state", () => {
  it("opens on most lag first", () => {
    expect(DEFAULT_GROUP_LIST_STATE).toEqual({ q: "", state: null, behind: false, sort: "lag", order: "desc" });
    expect(parseGroupListState(new URLSearchParams(""))).toEqual(DEFAULT_GROUP_LIST_STATE);
  });

  it("reads every parameter", () => {
    expect(
      parseGroupListState(new URLSearchParams("q=orders%20eu&state=Empty&behind=1&sort=members&order=asc")),
    ).toEqual({
      q: "orders eu",
      state: "Empty",
      behind: true,
      sort: "members",
      order: "asc",
    });
  });

  it("falls back to defaults for unknown values, and to the sort's own order", () => {
    expect(parseGroupListState(new URLSearchParams("sort=bogus&order=up&state=stable"))).toEqual(
      DEFAULT_GROUP_LIST_STATE,
    );
    expect(parseGroupListState(new URLSearchParams("sort=groupId")).order).toBe("asc");
    expect(parseGroupListState(new URLSearchParams("sort=state")).order).toBe("asc");
    expect(parseGroupListState(new URLSearchParams("sort=lagSeconds")).order).toBe("desc");
    expect(parseGroupListState(new URLSearchParams("sort=groupId&order=sideways")).order).toBe("asc");
  });

  it("sorts ids and states A to Z and numbers largest first by default", () => {
    expect(GROUP_SORTS.map((sort) => [sort, defaultGroupOrder(sort)])).toEqual([
      ["groupId", "asc"],
      ["state", "asc"],
      ["members", "desc"],
      ["topics", "desc"],
      ["lag", "desc"],
      ["lagSeconds", "desc"],
    ]);
  });

  it("leaves defaults out of the query string", () => {
    expect(groupListStateToSearch(DEFAULT_GROUP_LIST_STATE)).toBe("");
    expect(groupListStateToSearch(view({ sort: "groupId", order: "asc" }))).toBe("sort=groupId");
    expect(groupListStateToSearch(view({ sort: "groupId", order: "desc" }))).toBe("sort=groupId&order=desc");
    expect(groupListStateToSearch(view({ sort: "members", order: "desc" }))).toBe("sort=members");
    expect(groupListStateToSearch(view({ order: "asc" }))).toBe("order=asc");
    expect(groupListStateToSearch(view({ q: "a b&c", state: "Dead" }))).toBe("q=a+b%26c&state=Dead");
    expect(groupListStateToSearch(view({ behind: true }))).toBe("behind=1");
  });

  it("round-trips through the query string", () => {
    const views: GroupListState[] = [
      DEFAULT_GROUP_LIST_STATE,
      view({ q: " x ", state: "PreparingRebalance", sort: "state", order: "desc" }),
      view({ sort: "lagSeconds", order: "asc" }),
      view({ behind: true, state: "Empty" }),
      view({ q: "100% / #1?", sort: "groupId" }),
      ...GROUP_STATES.map((state) => view({ state })),
      ...GROUP_SORTS.flatMap((sort) => [view({ sort, order: "asc" }), view({ sort, order: "desc" })]),
    ];
    for (const v of views)
      expect(parseGroupListState(new URLSearchParams(groupListStateToSearch(v))), JSON.stringify(v)).toEqual(v);
  });
});

describe("nextGroupSort", () => {
  it("flips the sorted column and starts another column in its natural order", () => {
    expect(nextGroupSort({ sort: "lag", order: "desc" }, "lag")).toEqual({ sort: "lag", order: "asc" });
    expect(nextGroupSort({ sort: "lag", order: "asc" }, "lag")).toEqual({ sort: "lag", order: "desc" });
    expect(nextGroupSort({ sort: "lag", order: "asc" }, "groupId")).toEqual({ sort: "groupId", order: "asc" });
    expect(nextGroupSort({ sort: "groupId", order: "desc" }, "state")).toEqual({ sort: "state", order: "asc" });
    expect(nextGroupSort({ sort: "groupId", order: "asc" }, "lagSeconds")).toEqual({
      sort: "lagSeconds",
      order: "desc",
    });
  });
});

describe("filterGroups", () => {
  const groups = [
    group("orders-service", { topics: ["orders.eu", "orders.us"] }),
    group("Billing", { state: "Empty", topics: ["payments", "Invoices"] }),
    group("audit", { state: "Dead", topics: [] }),
    group("eu-reporting", { state: "Empty", topics: ["clicks"] }),
  ];

  it("keeps every group without a search or state", () => {
    expect(ids(filterGroups(groups, { q: "", state: null }))).toEqual([
      "orders-service",
      "Billing",
      "audit",
      "eu-reporting",
    ]);
    expect(ids(filterGroups(groups, { q: "   ", state: null }))).toHaveLength(4);
  });

  it("searches ids and topics case-insensitively", () => {
    expect(ids(filterGroups(groups, { q: "BILL", state: null }))).toEqual(["Billing"]);
    expect(ids(filterGroups(groups, { q: "invoices", state: null }))).toEqual(["Billing"]);
    expect(ids(filterGroups(groups, { q: "eu", state: null }))).toEqual(["orders-service", "eu-reporting"]);
    expect(filterGroups(groups, { q: "nothing", state: null })).toEqual([]);
  });

  it("needs every word, each in the id or in any topic", () => {
    expect(ids(filterGroups(groups, { q: "orders us", state: null }))).toEqual(["orders-service"]);
    expect(ids(filterGroups(groups, { q: "service eu", state: null }))).toEqual(["orders-service"]);
    expect(ids(filterGroups(groups, { q: "billing clicks", state: null }))).toEqual([]);
  });

  it("filters by state, exactly", () => {
    expect(ids(filterGroups(groups, { q: "", state: "Empty" }))).toEqual(["Billing", "eu-reporting"]);
    expect(ids(filterGroups(groups, { q: "", state: "Dead" }))).toEqual(["audit"]);
    expect(filterGroups(groups, { q: "", state: "Reconciling" })).toEqual([]);
  });

  it("keeps only the groups falling behind or stalled when asked", () => {
    const statuses = [
      group("a", { status: "falling-behind" }),
      group("b", { status: "stalled", state: "Empty" }),
      group("c", { status: "steady" }),
      group("d", { status: "measuring" }),
      group("e", { status: "caught-up" }),
      group("f", { status: "catching-up" }),
    ];
    expect(ids(filterGroups(statuses, { q: "", state: null, behind: true }))).toEqual(["a", "b"]);
    expect(ids(filterGroups(statuses, { q: "", state: "Empty", behind: true }))).toEqual(["b"]);
    expect(filterGroups(statuses, { q: "", state: null, behind: false })).toHaveLength(6);
  });

  it("combines search and state", () => {
    expect(ids(filterGroups(groups, { q: "eu", state: "Empty" }))).toEqual(["eu-reporting"]);
    expect(filterGroups(groups, { q: "audit", state: "Stable" })).toEqual([]);
  });

  it("does not change the list it is given", () => {
    const before = ids(groups);
    filterGroups(groups, { q: "eu", state: "Empty" });
    expect(ids(groups)).toEqual(before);
  });
});

describe("sortGroups", () => {
  const groups = [
    group("group-10", { state: "Stable", members: 2, topics: ["a"], lag: 50, lagSeconds: null }),
    group("group-2", { state: "Empty", members: 0, topics: ["a", "b", "c"], lag: 50, lagSeconds: 30 }),
    group("Alpha", { state: "Stable", members: 2, topics: ["a", "b"], lag: 900, lagSeconds: 5 }),
    group("beta", { state: "Dead", members: 0, topics: [], lag: 0, lagSeconds: null }),
    group("gamma", { state: "Empty", members: 1, topics: ["a"], lag: 7, lagSeconds: 120 }),
  ];

  it("sorts ids naturally and case-insensitively", () => {
    expect(ids(sortGroups(groups, "groupId", "asc"))).toEqual(["Alpha", "beta", "gamma", "group-2", "group-10"]);
    expect(ids(sortGroups(groups, "groupId", "desc"))).toEqual(["group-10", "group-2", "gamma", "beta", "Alpha"]);
  });

  it("sorts by state with ties by id A to Z in either order", () => {
    expect(ids(sortGroups(groups, "state", "asc"))).toEqual(["beta", "gamma", "group-2", "Alpha", "group-10"]);
    expect(ids(sortGroups(groups, "state", "desc"))).toEqual(["Alpha", "group-10", "gamma", "group-2", "beta"]);
  });

  it("sorts by lag with ties by id", () => {
    expect(ids(sortGroups(groups, "lag", "desc"))).toEqual(["Alpha", "group-2", "group-10", "gamma", "beta"]);
    expect(ids(sortGroups(groups, "lag", "asc"))).toEqual(["beta", "gamma", "group-2", "group-10", "Alpha"]);
  });

  it("sorts by members and by number of topics", () => {
    expect(ids(sortGroups(groups, "members", "desc"))).toEqual(["Alpha", "group-10", "gamma", "beta", "group-2"]);
    expect(ids(sortGroups(groups, "members", "asc"))).toEqual(["beta", "group-2", "gamma", "Alpha", "group-10"]);
    expect(ids(sortGroups(groups, "topics", "desc"))).toEqual(["group-2", "Alpha", "gamma", "group-10", "beta"]);
    expect(ids(sortGroups(groups, "topics", "asc"))).toEqual(["beta", "gamma", "group-10", "Alpha", "group-2"]);
  });

  it("puts an unknown lag in time last in either order, ties by id", () => {
    expect(ids(sortGroups(groups, "lagSeconds", "desc"))).toEqual(["gamma", "group-2", "Alpha", "beta", "group-10"]);
    expect(ids(sortGroups(groups, "lagSeconds", "asc"))).toEqual(["Alpha", "group-2", "gamma", "beta", "group-10"]);
  });

  it("keeps a lag in time of 0 apart from an unknown one", () => {
    const list = [group("unknown", { lagSeconds: null }), group("zero", { lagSeconds: 0 })];
    expect(ids(sortGroups(list, "lagSeconds", "asc"))).toEqual(["zero", "unknown"]);
    expect(ids(sortGroups(list, "lagSeconds", "desc"))).toEqual(["zero", "unknown"]);
  });

  it("returns a sorted copy and leaves the input alone", () => {
    const before = ids(groups);
    const sorted = sortGroups(groups, "groupId", "asc");
    expect(sorted).not.toBe(groups);
    expect(ids(groups)).toEqual(before);
    expect(sortGroups([], "lag", "desc")).toEqual([]);
  });
});
