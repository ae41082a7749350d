"use client";

import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { formatBytes, formatCount, formatDuration, formatInteger, formatQuantity, formatRate } from "@/lib/format";
import { downloadName, toCsv, toNdjson } from "@/lib/messages/export";
import { leaderTroubleWords, statusWords } from "@/lib/messages/status";
import type { MessageStreamSession, StreamSnapshot } from "@/lib/messages/stream-session";
import type { StreamMessage } from "@/lib/messages/types";

function download(topic: string, rows: readonly StreamMessage[], kind: "ndjson" | "csv") {
  const blob =
    kind === "csv"
      ? new Blob([toCsv(rows)], { type: "text/csv;charset=utf-8" })
      : new Blob([toNdjson(rows)], { type: "application/x-ndjson" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = downloadName(topic, kind, new Date());
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the object URL; let the browser keep it a moment before it is released.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Figure({ label, value, title }: { label: string; value: string; title?: string }) {
  return (
    <div className="flex items-baseline gap-1">
      <dt className="text-muted">{label}</dt>
      <dd className="font-medium tabular-nums" title={title}>
        {value}
      </dd>
    </div>
  );
}

/**
 * Partitions the stream could not read for a while, or followed to a new leader, when a broker stopped or leadership
 * moved (not announced: the durations tick every half second; the search carries on).
 */
function LeaderNotes({ snapshot }: { snapshot: StreamSnapshot }) {
  const lines = leaderTroubleWords(snapshot.leaderTrouble);
  if (lines.length === 0) return null;
  return (
    <ul aria-label="Broker changes during this search" className="flex flex-col gap-1 text-xs lg:basis-full">
      {lines.map((line, index) => (
        <li key={index} className={line.tone === "warning" ? "text-amber-800 dark:text-amber-300" : "text-muted"}>
          {line.text}
        </li>
      ))}
    </ul>
  );
}

/**
 * The search's state in words (announced when it changes), its figures (records read and matched, bytes, rate,
 * elapsed time), Pause / Resume / Stop, and the downloads of the messages shown.
 */
export function StreamStatusBar({
  topic,
  snapshot,
  session,
}: {
  topic: string;
  snapshot: StreamSnapshot;
  session: MessageStreamSession;
}) {
  const words = statusWords(snapshot);
  const shown = snapshot.rows.length;
  const active = snapshot.status === "reading" || snapshot.status === "live" || snapshot.status === "connecting";
  return (
    <div
      className={
        "flex flex-col gap-3 rounded-lg border border-line bg-surface px-4 py-3 text-sm " +
        "lg:flex-row lg:flex-wrap lg:items-center lg:justify-between"
      }
    >
      <div className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-2">
        <p role="status" aria-label="Search status" className="flex items-center gap-2">
          <Badge tone={words.tone}>
            {active ? (
              <span
                aria-hidden="true"
                className="size-1.5 animate-pulse rounded-full bg-current motion-reduce:animate-none"
              />
            ) : null}
            {words.text}
          </Badge>
        </p>
        <dl aria-label="Search figures" className="flex flex-wrap gap-x-4 gap-y-1">
          <Figure
            label="Scanned"
            value={formatCount(snapshot.scanned)}
            title={formatQuantity(snapshot.scanned, "record")}
          />
          <Figure
            label={snapshot.filtered ? "Matched" : "Shown"}
            value={formatCount(snapshot.matched)}
            title={formatQuantity(snapshot.matched, "message")}
          />
          <Figure label="Read" value={formatBytes(snapshot.bytes)} />
          <Figure label="Rate" value={snapshot.rate === null ? "—" : formatRate(snapshot.rate, "records/s")} />
          <Figure label="Elapsed" value={formatDuration(snapshot.elapsedMs)} />
        </dl>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {snapshot.canResume ? (
          <Button variant="primary" onClick={() => session.resume()}>
            {snapshot.status === "paused" ? "Resume" : "Continue"}
          </Button>
        ) : (
          <Button
            onClick={() => session.pause()}
            disabled={!snapshot.canPause}
            title={
              !snapshot.canPause && active ? "Pause is possible once the server has reported where it is." : undefined
            }
          >
            Pause
          </Button>
        )}
        <Button onClick={() => session.stop()} disabled={!snapshot.canStop}>
          Stop
        </Button>
        <span className="mx-1 hidden h-5 border-l border-line sm:inline" aria-hidden="true" />
        <span className="text-xs text-muted">Download {formatQuantity(shown, "message")} shown:</span>
        <Button
          onClick={() => download(topic, snapshot.rows, "ndjson")}
          disabled={shown === 0}
          aria-label="Download NDJSON"
          className="px-2 py-1 text-xs"
        >
          NDJSON
        </Button>
        <Button
          onClick={() => download(topic, snapshot.rows, "csv")}
          disabled={shown === 0}
          aria-label="Download CSV"
          className="px-2 py-1 text-xs"
          title="Cells a spreadsheet would run as formulas start with ' ; NDJSON keeps every byte."
        >
          CSV
        </Button>
      </div>
      <LeaderNotes snapshot={snapshot} />
      {snapshot.registryNote ? (
        <p role="note" className="text-xs text-amber-800 lg:basis-full dark:text-amber-300">
          {snapshot.registryNote} Records whose schema it had not given yet are shown raw; the search goes on.
        </p>
      ) : null}
      {snapshot.dropped > 0 ? (
        <p className="text-xs text-muted lg:basis-full">
          {formatInteger(snapshot.dropped)} older {snapshot.dropped === 1 ? "message" : "messages"} dropped from view:
          the list keeps the newest {formatInteger(shown)}.
        </p>
      ) : null}
    </div>
  );
}
