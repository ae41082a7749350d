/**
 * The Consumer groups page's view state (search, state filter, groups behind only, sort) and the pure functions that
 * apply it to the one list of every group; the API route applies the same functions. The state lives in the URL
 * (`q`, `state`, `behind=1`, `sort`, `order`) so a link reproduces the view; defaults are left out of the URL.
 */
import type { GroupSort, GroupState, GroupSummary, LagStatus } from "@/lib/api/types";
import { type SortOrder, compareNames, searchTerms, sortByValue } from "@/lib/topics/list";

export const GROUP_SORTS = [
  "groupId",
  "state",
  "members",
  "topics",
  "lag",
  "lagSeconds",
] as const satisfies readonly GroupSort[];
export const GROUP_STATES = [
  "Stable",
  "Empty",
  "PreparingRebalance",
  "CompletingRebalance",
  "Dead",
  "Assigning",
  "Reconciling",
  "Unknown",
] as const satisfies readonly GroupState[];

/** The lag statuses of a group that falls behind: lag growing, or no commits while records wait. */
export const BEHIND_STATUSES = ["falling-behind", "stalled"] as const satisfies readonly LagStatus[];

export function isBehind(group: Pick<GroupSummary, "status">): boolean {
  return (BEHIND_STATUSES as readonly LagStatus[]).includes(group.status);
}

export interface GroupListState {
  q: string;
  state: GroupState | null;
  /** Only the groups falling behind or stalled. */
  behind: boolean;
  sort: GroupSort;
  order: SortOrder;
}

/** The page opens on the groups most behind: lag is what people come here for. */
export const DEFAULT_GROUP_LIST_STATE: GroupListState = {
  q: "",
  state: null,
  behind: false,
  sort: "lag",
  order: "desc",
};

/** Ids and states read A to Z; numbers read largest first. */
export function defaultGroupOrder(sort: GroupSort): SortOrder {
  return sort === "groupId" || sort === "state" ? "asc" : "desc";
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

export function parseGroupListState(params: Pick<URLSearchParams, "get">): GroupListState {
  const sort = oneOf(GROUP_SORTS, params.get("sort")) ?? DEFAULT_GROUP_LIST_STATE.sort;
  return {
    q: params.get("q") ?? "",
    state: oneOf(GROUP_STATES, params.get("state")) ?? null,
    behind: params.get("behind") === "1",
    sort,
    order: oneOf(["asc", "desc"] as const, params.get("order")) ?? defaultGroupOrder(sort),
  };
}

export function groupListStateToSearch(state: GroupListState): string {
  const params = new URLSearchParams();
  if (state.q !== "") params.set("q", state.q);
  if (state.state) params.set("state", state.state);
  if (state.behind) params.set("behind", "1");
  if (state.sort !== DEFAULT_GROUP_LIST_STATE.sort) params.set("sort", state.sort);
  if (state.order !== defaultGroupOrder(state.sort)) params.set("order", state.order);
  return params.toString();
}

export function nextGroupSort(
  state: Pick<GroupListState, "sort" | "order">,
  column: GroupSort,
): Pick<GroupListState, "sort" | "order"> {
  if (state.sort === column) return { sort: column, order: state.order === "asc" ? "desc" : "asc" };
  return { sort: column, order: defaultGroupOrder(column) };
}

/** A group matches a search when its id, or one of its topics, contains every word. */
export function filterGroups(
  groups: readonly GroupSummary[],
  state: Pick<GroupListState, "q" | "state"> & { behind?: boolean },
): GroupSummary[] {
  const terms = searchTerms(state.q);
  return groups.filter((group) => {
    if (state.state && group.state !== state.state) return false;
    if (state.behind && !isBehind(group)) return false;
    if (terms.length === 0) return true;
    const id = group.groupId.toLowerCase();
    const topics = group.topics.map((t) => t.toLowerCase());
    return terms.every((term) => id.includes(term) || topics.some((t) => t.includes(term)));
  });
}

const SORT_VALUES: Record<Exclude<GroupSort, "groupId" | "state">, (group: GroupSummary) => number | null> = {
  members: (group) => group.members,
  topics: (group) => group.topics.length,
  lag: (group) => group.lag,
  lagSeconds: (group) => group.lagSeconds,
};

/** A sorted copy; ties go by group id (A to Z) and an unknown lag in time goes last in either order. */
export function sortGroups(groups: readonly GroupSummary[], sort: GroupSort, order: SortOrder): GroupSummary[] {
  const direction = order === "asc" ? 1 : -1;
  if (sort === "groupId") return [...groups].sort((a, b) => direction * compareNames(a.groupId, b.groupId));
  if (sort === "state")
    return [...groups].sort((a, b) => direction * a.state.localeCompare(b.state) || compareNames(a.groupId, b.groupId));
  return sortByValue(groups, SORT_VALUES[sort], (group) => group.groupId, order);
}
