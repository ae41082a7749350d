"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { AuditTable } from "@/components/audit/AuditTable";
import { AuditToolbar } from "@/components/audit/AuditToolbar";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { PageHeader } from "@/components/ui/PageHeader";
import { RefreshProblem } from "@/components/ui/RefreshProblem";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import { useUrlListState } from "@/components/ui/useUrlListState";
import type { AuditEntry } from "@/lib/audit/entry";
import { auditListStateToSearch, DEFAULT_AUDIT_LIST_STATE, isFiltered, parseAuditListState } from "@/lib/audit/query";
import { auditQuery } from "@/lib/query/options";

/** New entries from other users (or other console instances) show up within this long while the page is open. */
const REFRESH_MS = 15_000;

/** The time "now" for the relative times, moving every half minute. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** `value` once it has stopped changing for `ms` (the filters are applied on the server: not a request per key). */
function useSettled(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The pages' entries in one list; an entry written twice (a producer's retry) is shown once. */
function uniqueEntries(pages: readonly { entries: AuditEntry[] }[] | undefined): AuditEntry[] {
  const seen = new Set<string>();
  const out: AuditEntry[] = [];
  for (const page of pages ?? []) {
    for (const entry of page.entries) {
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      out.push(entry);
    }
  }
  return out;
}

/**
 * The audit log: every change made or tried through the console, newest first, filtered on the server by cluster,
 * who, action, result and text (the filters live in the URL); older entries a page at a time.
 */
export function AuditView({ clusters, source }: { clusters: readonly string[]; source: "file" | "topic" }) {
  const [state, update] = useUrlListState(parseAuditListState, auditListStateToSearch);
  const search = useSettled(auditListStateToSearch(state), 300);
  const query = useInfiniteQuery({
    ...auditQuery(search),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
  const entries = useMemo(() => uniqueEntries(query.data?.pages), [query.data]);
  const now = useNow();

  return (
    <>
      <PageHeader title="Audit log">
        <p>
          Every change made or tried through the console, on every cluster, newest first.{" "}
          {source === "topic"
            ? "Shared by every console instance (kept in a Kafka topic)."
            : "Kept by this console instance in a file."}
        </p>
      </PageHeader>
      <AuditToolbar state={state} clusters={clusters} onChange={update} />
      {query.isPending ? (
        <TableSkeleton label="Loading the audit log…" rows={8} />
      ) : query.data ? (
        <>
          {query.isError && !query.isFetchNextPageError ? <RefreshProblem error={query.error} /> : null}
          {entries.length > 0 ? (
            <AuditTable entries={entries} now={now} />
          ) : isFiltered(state) ? (
            <EmptyState title="No entries match these filters">
              {query.hasNextPage
                ? "None among the newest entries looked through; load older ones to look further."
                : null}
              <Button className="mt-3" onClick={() => update(DEFAULT_AUDIT_LIST_STATE)}>
                Clear the filters
              </Button>
            </EmptyState>
          ) : query.hasNextPage ? null : (
            <EmptyState title="No changes recorded yet">
              Creating, changing or deleting anything through the console adds an entry here, as does a refused attempt.
            </EmptyState>
          )}
          {query.isFetchNextPageError ? (
            <ErrorMessage
              title="Could not load older entries"
              error={query.error}
              onRetry={() => void query.fetchNextPage()}
            />
          ) : null}
          {query.hasNextPage ? (
            <div className="mt-4 flex items-center gap-3">
              <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
                {query.isFetchingNextPage ? "Loading…" : "Load older entries"}
              </Button>
              <p aria-live="polite" className="text-sm text-muted">
                {entries.length === 1 ? "1 entry shown" : `${entries.length} entries shown`}
              </p>
            </div>
          ) : null}
        </>
      ) : (
        <ErrorMessage title="Could not load the audit log" error={query.error} onRetry={() => void query.refetch()} />
      )}
    </>
  );
}
