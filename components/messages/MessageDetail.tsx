"use client";

import { useRouter } from "next/navigation";
import { type KeyboardEvent, type ReactNode, useEffect, useRef } from "react";
import { CopyButton } from "@/components/messages/CopyButton";
import { PayloadView } from "@/components/messages/PayloadView";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { type BlockedReason, blockedText } from "@/lib/auth/blocked";
import { formatBytes, formatOffset } from "@/lib/format";
import { DRAFT_STORAGE_KEY, draftOfMessage } from "@/lib/messages/draft";
import type { MessageHeader, StreamMessage } from "@/lib/messages/types";
import { base64ToBytes, formatTimestamp, hexOf, isoTimestamp } from "@/lib/messages/view";
import { producePath } from "@/lib/routes";

const TIMESTAMP_TYPES: Record<StreamMessage["timestampType"], string> = {
  create: "create time (set by the producer)",
  "log-append": "log-append time (set by the broker)",
};

function HeaderValue({ value }: { value: MessageHeader["value"] }) {
  if (value === null) return <span className="text-muted italic">no value</span>;
  if (value.encoding === "base64") {
    return (
      <span className="inline-flex flex-wrap items-center gap-1">
        <Badge tone="warning">binary</Badge>
        <span className="font-mono break-all">{hexOf(base64ToBytes(value.data), 256)}</span>
      </span>
    );
  }
  return <span className="font-mono break-all whitespace-pre-wrap">{value.data}</span>;
}

function Headers({ headers }: { headers: readonly MessageHeader[] }) {
  if (headers.length === 0) return <p className="text-sm text-muted italic">No headers.</p>;
  return (
    <div className="relative overflow-x-auto rounded-md border border-line">
      <table aria-label="Headers" className="w-full border-collapse text-sm">
        <thead>
          <tr>
            <th
              scope="col"
              className="border-b border-line bg-sunken px-3 py-1.5 text-left text-xs font-semibold text-muted"
            >
              Name
            </th>
            <th
              scope="col"
              className="border-b border-line bg-sunken px-3 py-1.5 text-left text-xs font-semibold text-muted"
            >
              Value
            </th>
          </tr>
        </thead>
        <tbody>
          {headers.map((header, index) => (
            <tr key={index} className="align-top">
              <th
                scope="row"
                className={
                  "border-b border-line px-3 py-1.5 text-left font-mono font-medium break-all " +
                  "[tr:last-child_&]:border-b-0"
                }
              >
                {header.key}
              </th>
              <td className="border-b border-line px-3 py-1.5 [tr:last-child_&]:border-b-0">
                <HeaderValue value={header.value} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-muted">{label}</dt>
      <dd className="mt-0.5 text-sm break-words">{children}</dd>
    </div>
  );
}

/**
 * One message in full, beside the list on a wide screen and under it on a narrow one: where it is, its time, key,
 * value and headers, with copy buttons and "Produce again". Every part of the record is shown as text only.
 */
export function MessageDetail({
  cluster,
  topic,
  message,
  produceBlocked,
  onClose,
}: {
  cluster: string;
  topic: string;
  message: StreamMessage;
  /** Why "Produce again" is not offered (a read-only cluster, a role below operator), or null. */
  produceBlocked: BlockedReason | null;
  onClose: () => void;
}) {
  const router = useRouter();
  const ref = useRef<HTMLElement>(null);

  // Opening a message moves focus here (and scrolls it into view below the list on a narrow screen).
  useEffect(() => {
    ref.current?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === "Escape") {
      event.stopPropagation();
      onClose();
    }
  }

  function produceAgain() {
    try {
      window.sessionStorage.setItem(DRAFT_STORAGE_KEY, JSON.stringify(draftOfMessage(topic, message)));
    } catch {
      // Storage refused (private mode, quota): the produce form opens blank for the topic.
    }
    router.push(producePath(cluster, topic, true));
  }

  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-label="Message details"
      onKeyDown={onKeyDown}
      className={
        "mt-4 min-w-0 rounded-lg border border-line bg-surface p-4 outline-none focus-visible:ring-2 " +
        "focus-visible:ring-accent xl:sticky xl:top-4 xl:mt-0 xl:max-h-[calc(100dvh-2rem)] xl:overflow-auto"
      }
    >
      <div className="flex items-start justify-between gap-3">
        <h2 className="text-lg font-semibold">
          Partition {message.partition}, offset {formatOffset(message.offset)}
        </h2>
        <Button onClick={onClose} aria-label="Close message details" className="px-2 py-0.5">
          ×
        </Button>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-3">
        <Item label="Partition">{message.partition}</Item>
        <Item label="Offset">{formatOffset(message.offset)}</Item>
        <Item label="Timestamp">
          <span title={isoTimestamp(message.timestamp)}>{formatTimestamp(message.timestamp)}</span>
          <span className="block text-xs text-muted">{isoTimestamp(message.timestamp)}</span>
        </Item>
        <Item label="Timestamp type">{TIMESTAMP_TYPES[message.timestampType]}</Item>
        <Item label="Size">{formatBytes(message.size)}</Item>
        <Item label="Headers">{message.headers.length}</Item>
      </dl>

      <div className="mt-4 flex flex-wrap gap-2">
        <CopyButton label="Copy key" text={() => message.key?.data ?? ""} />
        <CopyButton label="Copy value" text={() => message.value?.data ?? ""} />
        <CopyButton label="Copy as JSON" text={() => JSON.stringify(message, null, 2)} />
        <Button
          onClick={produceAgain}
          disabled={produceBlocked !== null}
          title={produceBlocked ? blockedText(produceBlocked, "produce messages") : undefined}
          className="px-2 py-1 text-xs"
        >
          Produce again
        </Button>
      </div>

      <h3 className="mt-5 mb-1 text-sm font-semibold">Key</h3>
      <div data-testid="message-key">
        <PayloadView name="Key" payload={message.key} absent="no key" />
      </div>
      <h3 className="mt-5 mb-1 text-sm font-semibold">Value</h3>
      <div data-testid="message-value">
        <PayloadView name="Value" payload={message.value} absent="null (tombstone)" />
      </div>
      <h3 className="mt-5 mb-1 text-sm font-semibold">Headers</h3>
      <Headers headers={message.headers} />
    </section>
  );
}
