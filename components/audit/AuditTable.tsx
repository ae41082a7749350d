"use client";

import { Fragment, useId, useState } from "react";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Table, Td, Th } from "@/components/ui/Table";
import { describeEntry } from "@/lib/audit/describe";
import { AUDIT_ACTION_LABELS, type AuditEntry } from "@/lib/audit/entry";
import { formatAgo, formatParams, formatTook } from "@/lib/audit/format";
import { formatTimestamp } from "@/lib/messages/view";

const COLUMNS = 7;

/** One entry: its row, and below it (when opened) the params as JSON text. Params are untrusted: text only. */
function AuditRow({ entry, now, detailsId }: { entry: AuditEntry; now: number; detailsId: string }) {
  const [open, setOpen] = useState(false);
  const at = Date.parse(entry.time);
  const summary = describeEntry(entry);
  return (
    <Fragment>
      <tr data-testid="audit-row" data-entry-id={entry.id}>
        <Td>
          <time dateTime={entry.time} title={entry.time} className="block">
            {formatAgo(at, now)}
          </time>
          <span className="block text-xs text-muted tabular-nums">{formatTimestamp(at)}</span>
        </Td>
        <Td>
          <div className="max-w-40 truncate" title={`${entry.actor.name} (${entry.actor.via})`}>
            {entry.actor.name}
          </div>
        </Td>
        <Td>
          <div className="max-w-40 truncate" title={entry.cluster}>
            {entry.cluster || "—"}
          </div>
        </Td>
        <Td>{AUDIT_ACTION_LABELS[entry.action]}</Td>
        <Td>
          {/* Cells do not wrap (Td); long text here does, within a bound width. */}
          <div className="w-56 break-words whitespace-normal xl:w-64">{summary}</div>
        </Td>
        <Td>
          <div className="w-48 whitespace-normal xl:w-56">
            {entry.result.ok ? <Badge tone="success">Done</Badge> : <Badge tone="danger">Failed</Badge>}
            {entry.result.ok ? (
              entry.result.summary ? (
                <span className="mt-1 block text-xs text-muted">{entry.result.summary}</span>
              ) : null
            ) : (
              <span className="mt-1 block text-xs break-words">{entry.result.message}</span>
            )}
          </div>
        </Td>
        <Td>
          <Button
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen((v) => !v)}
            aria-label={`${open ? "Hide" : "Show"} details: ${summary}`}
          >
            {open ? "Hide" : "Details"}
          </Button>
        </Td>
      </tr>
      {open ? (
        <tr id={detailsId} data-testid="audit-details">
          <td colSpan={COLUMNS} className="border-b border-line bg-sunken px-3 py-3">
            {/* Pinned left of the scrolling table, as wide as the screen allows: it reads without scrolling. */}
            <div className="sticky left-3 max-w-[calc(100vw-3.5rem)] md:max-w-[calc(100vw-21rem)]">
              <dl className="mb-2 flex flex-wrap gap-x-6 gap-y-1 text-xs text-muted">
                <div>
                  <dt className="inline">Action: </dt>
                  <dd className="inline font-mono text-fg">{entry.action}</dd>
                </div>
                <div>
                  <dt className="inline">Signed in via: </dt>
                  <dd className="inline text-fg">{entry.actor.via}</dd>
                </div>
                <div>
                  <dt className="inline">Took: </dt>
                  <dd className="inline text-fg">{formatTook(entry.durationMs)}</dd>
                </div>
                <div>
                  <dt className="inline">Entry: </dt>
                  <dd className="inline font-mono text-fg">{entry.id}</dd>
                </div>
              </dl>
              <p className="mb-1 text-xs font-medium text-muted">Parameters</p>
              <pre
                data-testid="audit-params"
                className={
                  "max-h-96 overflow-auto rounded-md border border-line bg-surface p-3 font-mono " +
                  "text-xs break-all whitespace-pre-wrap"
                }
              >
                {formatParams(entry.params)}
              </pre>
            </div>
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}

/** The entries, newest first. */
export function AuditTable({ entries, now }: { entries: readonly AuditEntry[]; now: number }) {
  const id = useId();
  return (
    <Table label="Audit log">
      <thead>
        <tr>
          <Th>Time</Th>
          <Th>Who</Th>
          <Th>Cluster</Th>
          <Th>Action</Th>
          <Th>Summary</Th>
          <Th>Result</Th>
          {/* relative: keeps the sr-only label inside the scrolling table instead of widening the page. */}
          <Th className="relative">
            <span className="sr-only">Details</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <AuditRow key={entry.id} entry={entry} now={now} detailsId={`${id}-${entry.id.replace(/[^\w-]/g, "_")}`} />
        ))}
      </tbody>
    </Table>
  );
}
