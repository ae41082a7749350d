/**
 * The Topics page's view state (search, sort, internal toggle, problem filter) and the pure functions that apply it
 * to the one list of every topic. The state lives in the URL query string (`q`, `sort`, `order`, `internal=1`,
 * `problem`) so a link reproduces the view; defaults are left out of the URL.
 */
import type { PartitionProblem, TopicSort, TopicSummary } from "@/lib/api/types";

export type SortOrder = "asc" | "desc";

export interface TopicListState {
  /** The search text as typed (matching trims it and splits it into words). */
  q: string;
  sort: TopicSort;
  order: SortOrder;
  internal: boolean;
  problem: PartitionProblem | null;
}

export const TOPIC_SORTS = [
  "name",
  "partitions",
  "replicationFactor",
  "underReplicated",
  "size",
  "messages",
  "rate",
] as const satisfies readonly TopicSort[];
export const PARTITION_PROBLEMS = [
  "offline",
  "under-min-isr",
  "single-isr",
  "under-replicated",
  "non-preferred-leader",
] as const satisfies readonly PartitionProblem[];

export const DEFAULT_LIST_STATE: TopicListState = { q: "", sort: "name", order: "asc", internal: false, problem: null };

/** Names read A to Z; every number column reads largest first, which is what someone sorting by it looks for. */
export function defaultOrder(sort: TopicSort): SortOrder {
  return sort === "name" ? "asc" : "desc";
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

/** Reads the view from a query string; unknown or malformed values fall back to the defaults. */
export function parseListState(params: Pick<URLSearchParams, "get">): TopicListState {
  const sort = oneOf(TOPIC_SORTS, params.get("sort")) ?? DEFAULT_LIST_STATE.sort;
  return {
    q: params.get("q") ?? "",
    sort,
    order: oneOf(["asc", "desc"] as const, params.get("order")) ?? defaultOrder(sort),
    internal: params.get("internal") === "1",
    problem: oneOf(PARTITION_PROBLEMS, params.get("problem")) ?? null,
  };
}

/** The query string of a view (without "?"), leaving out every default; "" for the default view. */
export function listStateToSearch(state: TopicListState): string {
  const params = new URLSearchParams();
  if (state.q !== "") params.set("q", state.q);
  if (state.sort !== DEFAULT_LIST_STATE.sort) params.set("sort", state.sort);
  if (state.order !== defaultOrder(state.sort)) params.set("order", state.order);
  if (state.internal) params.set("internal", "1");
  if (state.problem) params.set("problem", state.problem);
  return params.toString();
}

/** Clicking a column header: the sorted column flips its order, another column starts in its natural order. */
export function nextSort(
  state: Pick<TopicListState, "sort" | "order">,
  column: TopicSort,
): Pick<TopicListState, "sort" | "order"> {
  if (state.sort === column) return { sort: column, order: state.order === "asc" ? "desc" : "asc" };
  return { sort: column, order: defaultOrder(column) };
}

export interface ProblemFilter {
  /** What the list shows, in a sentence. */
  summary: string;
  /** The topics kept: those with at least one partition that has the problem. */
  matches: (topic: TopicSummary) => boolean;
}

/** The `problem` filter, exact per topic: the overview's reasons link here with these values. */
export const PROBLEM_FILTERS: Record<PartitionProblem, ProblemFilter> = {
  offline: {
    summary: "Showing topics with offline partitions (no leader).",
    matches: (topic) => topic.offlinePartitions > 0,
  },
  "under-min-isr": {
    summary: "Showing topics with partitions under min.insync.replicas.",
    matches: (topic) => topic.underMinIsrPartitions > 0,
  },
  "single-isr": {
    summary: "Showing topics with partitions that have a single in-sync replica left.",
    matches: (topic) => topic.singleIsrPartitions > 0,
  },
  "under-replicated": {
    summary: "Showing topics with under-replicated partitions.",
    matches: (topic) => topic.underReplicatedPartitions > 0,
  },
  "non-preferred-leader": {
    summary: "Showing topics with partitions led by a replica other than the preferred one.",
    matches: (topic) => topic.nonPreferredLeaders > 0,
  },
};

/** The lower-cased words of a search; a topic matches when its name contains every one of them. */
export function searchTerms(q: string): string[] {
  return q.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

export function filterTopics(
  topics: readonly TopicSummary[],
  state: Pick<TopicListState, "q" | "internal" | "problem">,
): TopicSummary[] {
  const terms = searchTerms(state.q);
  const matches = state.problem ? PROBLEM_FILTERS[state.problem].matches : null;
  return topics.filter((topic) => {
    if (!state.internal && topic.internal) return false;
    if (matches && !matches(topic)) return false;
    if (terms.length === 0) return true;
    const name = topic.name.toLowerCase();
    return terms.every((term) => name.includes(term));
  });
}

/** Numeric-aware name order ("topic-2" before "topic-10"), with a plain comparison to break ties. */
const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

const SORT_VALUES: Record<Exclude<TopicSort, "name">, (topic: TopicSummary) => number | null> = {
  partitions: (topic) => topic.partitions,
  replicationFactor: (topic) => topic.replicationFactor,
  underReplicated: (topic) => topic.underReplicatedPartitions,
  size: (topic) => topic.sizeBytes,
  messages: (topic) => topic.messages,
  rate: (topic) => topic.messagesPerSec,
};

/**
 * A copy sorted by a number column: ties are broken by name (always A to Z), and an unknown value (null) goes last
 * in either order, so "largest first" never starts with rows nobody could measure.
 */
export function sortByValue<T>(
  items: readonly T[],
  value: (item: T) => number | null,
  nameOf: (item: T) => string,
  order: SortOrder,
): T[] {
  const direction = order === "asc" ? 1 : -1;
  return [...items].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else if (va !== vb) {
      return direction * (va - vb);
    }
    return compareNames(nameOf(a), nameOf(b));
  });
}

export function sortTopics(topics: readonly TopicSummary[], sort: TopicSort, order: SortOrder): TopicSummary[] {
  if (sort === "name") return [...topics].sort((a, b) => (order === "asc" ? 1 : -1) * compareNames(a.name, b.name));
  return sortByValue(topics, SORT_VALUES[sort], (topic) => topic.name, order);
}
