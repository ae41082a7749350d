/**
 * The Connectors page's list: search, state filter and order ("failed first" puts the broken ones on top). The view
 * lives in the URL (`q`, `state`, `failedFirst=false`) so a link reproduces it; defaults are left out.
 */
import { CONNECTOR_STATES, type ConnectorState, type ConnectorSummary } from "@/lib/api/connect";

export interface ConnectorListView {
  q: string;
  state: ConnectorState | "";
  failedFirst: boolean;
}

export const DEFAULT_CONNECTOR_LIST_VIEW: ConnectorListView = { q: "", state: "", failedFirst: true };

export function parseConnectorListView(params: Pick<URLSearchParams, "get">): ConnectorListView {
  return {
    q: params.get("q") ?? "",
    state: CONNECTOR_STATES.find((s) => s === params.get("state")) ?? "",
    failedFirst: params.get("failedFirst") !== "false",
  };
}

export function connectorListViewToSearch(view: ConnectorListView): string {
  const params = new URLSearchParams();
  if (view.q !== "") params.set("q", view.q);
  if (view.state !== "") params.set("state", view.state);
  if (!view.failedFirst) params.set("failedFirst", "false");
  return params.toString();
}

/** A connector needs attention when it or one of its tasks failed. */
export function isBroken(c: Pick<ConnectorSummary, "state" | "tasks">): boolean {
  return c.state === "FAILED" || c.tasks.some((t) => t.state === "FAILED");
}

export function taskCounts(c: Pick<ConnectorSummary, "tasks">): { running: number; failed: number; total: number } {
  return {
    running: c.tasks.filter((t) => t.state === "RUNNING").length,
    failed: c.tasks.filter((t) => t.state === "FAILED").length,
    total: c.tasks.length,
  };
}

/**
 * The rows to show: those whose name, class, Connect cluster or topics contain the search (any case), in the chosen
 * state (a connector counts as FAILED when a task of it failed), by name; with failedFirst, broken ones on top.
 */
export function visibleConnectors(rows: readonly ConnectorSummary[], view: ConnectorListView): ConnectorSummary[] {
  const q = view.q.trim().toLowerCase();
  const matches = rows.filter(
    (c) =>
      (q === "" || [c.name, c.className, c.connect, ...c.topics].some((text) => text.toLowerCase().includes(q))) &&
      (view.state === "" || c.state === view.state || (view.state === "FAILED" && isBroken(c))),
  );
  return matches.sort(
    (a, b) =>
      (view.failedFirst ? Number(isBroken(b)) - Number(isBroken(a)) : 0) ||
      a.name.localeCompare(b.name) ||
      a.connect.localeCompare(b.connect),
  );
}

/** The class name without its package: "FileStreamSourceConnector". */
export function shortClass(className: string): string {
  return className.split(".").at(-1) ?? className;
}
