"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/Link";
import { useSearchParams } from "next/navigation";
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from "react";
import { MessageDetail } from "@/components/messages/MessageDetail";
import { MessageTable } from "@/components/messages/MessageTable";
import { SearchForm } from "@/components/messages/SearchForm";
import { StreamStatusBar } from "@/components/messages/StreamStatusBar";
import { useMessageStream } from "@/components/messages/useMessageStream";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import type { BlockedReason } from "@/lib/auth/blocked";
import { cx } from "@/lib/cx";
import { type FirstRecords, searchKey } from "@/lib/messages/first-records";
import { type RawMessageQuery, rawQueryFrom, searchParamsOf } from "@/lib/messages/query";
import { checkRawSearch } from "@/lib/messages/search-form";
import { defaultMessageSort, type MessageSort, nextMessageSort } from "@/lib/messages/sort";
import { emptyListWords } from "@/lib/messages/status";
import type { StreamMessage } from "@/lib/messages/types";
import { messageId } from "@/lib/messages/view";
import { topicNamesQuery } from "@/lib/query/options";
import { messagesPath, producePath } from "@/lib/routes";

/** The search a page URL holds: its topic and the stream's parameters. */
function searchOfUrl(urlKey: string) {
  const params = new URLSearchParams(urlKey);
  const topic = params.get("topic") ?? "";
  const raw = rawQueryFrom(params);
  return { topic, raw, checked: topic === "" ? null : checkRawSearch(topic, raw) };
}

/** The order of the rows, in words. */
function sortWords(sort: MessageSort): string {
  if (sort.by === "arrival") return "In the order read, partition by partition.";
  const direction =
    sort.by === "timestamp"
      ? sort.order === "desc"
        ? "newest first"
        : "oldest first"
      : sort.order === "desc"
        ? "largest first"
        : "smallest first";
  return `Sorted by ${sort.by}, ${direction}.`;
}

const ALERT =
  "rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950/40 " +
  "dark:text-red-100";

/**
 * The message browser: a search form whose search lives in the URL (a link reproduces it, opening one starts it),
 * the stream's state and figures, the messages found (a live tail follows new ones), and one message in full. The
 * first records of a bounded search come with the page (`first`, read by the server): shown at once, read on from
 * where the server stopped.
 */
export function MessagesView({
  cluster,
  blockedBy,
  first,
}: {
  cluster: string;
  blockedBy: BlockedReason | null;
  first: FirstRecords | null;
}) {
  const urlKey = useSearchParams().toString();
  const topics = useQuery(topicNamesQuery(cluster));
  const { session, snapshot } = useMessageStream((s) => {
    const { topic, checked } = searchOfUrl(urlKey);
    if (first && checked?.ok && first.key === searchKey(topic, checked.raw))
      s.adopt({ cluster, topic, raw: checked.raw, query: checked.query }, first);
  });
  /** Bumped to run the search in the URL again (submitting the same search). */
  const [again, setAgain] = useState(0);
  const [selected, setSelected] = useState<{ run: number; message: StreamMessage } | null>(null);
  /** A column sort chosen during a run; each new run opens in its search's default order. */
  const [chosenSort, setChosenSort] = useState<{ run: number; sort: MessageSort } | null>(null);
  const [showHeaders, setShowHeaders] = useState(false);
  const search = useMemo(() => searchOfUrl(urlKey), [urlKey]);
  // The table renders the rows at a lower priority than the rest of the page (status, figures, input): React renders
  // it in slices that give way to input, so the first rows of a fast tail (the table's mount) are not one long task.
  const listed = useDeferredValue(snapshot);

  // The search in the URL runs whenever the URL (or "search again") changes, and ends when the page is left.
  useEffect(() => {
    const { topic, checked } = searchOfUrl(urlKey);
    if (!checked?.ok) {
      session.reset();
      return;
    }
    // The search the server read for this page is read on from there; any other starts here.
    if (!session.takeOver(searchKey(topic, checked.raw)))
      session.start({ cluster, topic, raw: checked.raw, query: checked.query });
    return () => session.reset();
  }, [session, cluster, urlKey, again]);

  const onSearch = useCallback(
    (topic: string, raw: RawMessageQuery) => {
      const href = messagesPath(cluster, topic, searchParamsOf(raw));
      if (href === messagesPath(cluster, search.topic, searchParamsOf(search.raw))) setAgain((n) => n + 1);
      // Next.js folds history.pushState into its router: the page re-reads the URL without a server round trip.
      else window.history.pushState(null, "", href);
    },
    [cluster, search],
  );

  /** Back to the message's row (when it is still rendered) after its details close. */
  function closeDetail(id: string | null) {
    setSelected(null);
    if (id !== null)
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`tr[data-message-id="${CSS.escape(id)}"]`)?.focus(),
      );
  }

  const open = selected !== null && selected.run === snapshot.run ? selected.message : null;
  const openId = open ? messageId(open) : null;
  const empty = emptyListWords(snapshot);
  const running = search.checked?.ok === true;
  const sort =
    chosenSort !== null && chosenSort.run === snapshot.run
      ? chosenSort.sort
      : defaultMessageSort(search.checked?.ok ? search.checked.query.from : "newest");

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
        <PageHeader title="Messages">
          <p>Search a topic of {cluster} from a position, with filters, or tail new messages live.</p>
        </PageHeader>
        {blockedBy === null ? (
          <Link
            href={producePath(cluster, search.topic || undefined)}
            className="mb-6 rounded text-sm font-medium text-accent underline underline-offset-4"
          >
            Produce a message
          </Link>
        ) : null}
      </div>
      <SearchForm
        urlKey={urlKey}
        topics={topics.data?.topics}
        topicsFailed={topics.isError && !topics.data}
        refreshTopics={topics.refetch}
        onSearch={onSearch}
      />

      <div className="mt-6 space-y-4">
        {search.topic === "" ? (
          <EmptyState title="Choose a topic">
            Pick a topic above and where to start, then search. The search goes into the address, so a link to it
            repeats it.
          </EmptyState>
        ) : !running ? (
          <p className="rounded-lg border border-line bg-surface p-4 text-sm text-muted">
            Nothing is read until the search above has no problems.
          </p>
        ) : (
          <>
            <StreamStatusBar topic={search.topic} snapshot={snapshot} session={session} />
            {snapshot.status === "error" && snapshot.error ? (
              <div role="alert" className={ALERT}>
                <p className="font-semibold">The search stopped with an error</p>
                <p className="mt-1 text-sm break-words">{snapshot.error}</p>
              </div>
            ) : null}
            <div
              className={cx(open && "xl:grid xl:grid-cols-[minmax(0,1fr)_minmax(22rem,30rem)] xl:items-start xl:gap-4")}
            >
              <div className="min-w-0">
                {listed.rows.length > 0 ? (
                  <>
                    <div className="mb-2 flex flex-wrap items-center justify-between gap-x-4 gap-y-1 text-sm">
                      <p className="text-muted" aria-live="polite">
                        {sortWords(sort)}
                        {sort.by === "arrival" ? null : (
                          <>
                            {" "}
                            <button
                              type="button"
                              className="font-medium text-accent underline-offset-2 hover:underline"
                              onClick={() => setChosenSort({ run: snapshot.run, sort: { by: "arrival" } })}
                            >
                              Show as read
                            </button>
                          </>
                        )}
                      </p>
                      <label className="flex items-center gap-2">
                        <input
                          type="checkbox"
                          checked={showHeaders}
                          onChange={(event) => setShowHeaders(event.target.checked)}
                        />
                        Show headers
                      </label>
                    </div>
                    <MessageTable
                      key={`${listed.run}:${sort.by}`}
                      rows={listed.rows}
                      dropped={listed.dropped}
                      followAtStart={listed.live}
                      selectedId={openId}
                      compact={open !== null}
                      sort={sort}
                      onSort={(column) => setChosenSort({ run: snapshot.run, sort: nextMessageSort(sort, column) })}
                      showHeaders={showHeaders}
                      onOpen={(message) => setSelected({ run: snapshot.run, message })}
                    />
                  </>
                ) : empty ? (
                  <EmptyState title={empty.title}>{empty.detail}</EmptyState>
                ) : snapshot.status === "error" ? null : (
                  <TableSkeleton label="Starting the search…" rows={5} />
                )}
              </div>
              {open ? (
                <MessageDetail
                  key={openId}
                  cluster={cluster}
                  topic={search.topic}
                  message={open}
                  produceBlocked={blockedBy}
                  onClose={() => closeDetail(openId)}
                />
              ) : null}
            </div>
          </>
        )}
      </div>
    </>
  );
}
