"use client";

import { Link } from "@/components/ui/Link";
import { useEffect, useId, useRef } from "react";
import { Table, Td, Th } from "@/components/ui/Table";
import { formatInteger, formatOffset, formatQuantity } from "@/lib/format";
import type { ProduceResult } from "@/lib/messages/produce";
import { watchSearchOf } from "@/lib/messages/produced";
import { messagesPath } from "@/lib/routes";

/** Rows of the written-records table; a send of up to 1,000 copies says how many more there were. */
const SHOWN = 200;

/** Where the sent records landed (partition and offset of each), and the Messages search that shows them. */
export function ProduceResultPanel({ cluster, result }: { cluster: string; result: ProduceResult }) {
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);
  const count = result.records.length;
  const watch = watchSearchOf(result);

  // Announce the result by moving focus to it.
  useEffect(() => {
    ref.current?.focus();
  }, [result]);

  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={headingId}
      className={
        "mt-8 max-w-3xl rounded-lg border border-emerald-300 bg-surface p-4 outline-none " +
        "focus-visible:ring-2 focus-visible:ring-accent dark:border-emerald-800"
      }
    >
      <h2 id={headingId} className="text-lg font-semibold break-words">
        Sent {formatQuantity(count, "record")} to {result.topic}
      </h2>
      <p className="mt-1 text-sm text-muted">
        Each record was acknowledged by all in-sync replicas. Where they were written:
      </p>
      <div className="mt-3">
        <Table label="Records written">
          <thead>
            <tr>
              <Th numeric>Partition</Th>
              <Th numeric>Offset</Th>
            </tr>
          </thead>
          <tbody>
            {result.records.slice(0, SHOWN).map((record, index) => (
              <tr key={index}>
                <Td numeric>{record.partition}</Td>
                <Td numeric>{formatOffset(record.offset)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      {count > SHOWN ? (
        <p className="mt-2 text-sm text-muted">
          The first {formatInteger(SHOWN)} are listed; {formatInteger(count - SHOWN)} more were written after them.
        </p>
      ) : null}
      {watch ? (
        <Link
          href={messagesPath(cluster, result.topic, watch)}
          className="mt-4 inline-block rounded text-sm font-medium text-accent underline underline-offset-4"
        >
          Watch in Messages
        </Link>
      ) : null}
    </section>
  );
}
