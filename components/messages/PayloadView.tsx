"use client";

import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/Badge";
import { cx } from "@/lib/cx";
import { formatBytes } from "@/lib/format";
import type { Payload } from "@/lib/messages/types";
import { base64ToBytes, hexOf, prettyJson } from "@/lib/messages/view";

/** Binary content beyond this many bytes is cut in the hex view (copy or download it for the whole). */
const HEX_MAX_BYTES = 64 * 1024;

const PRE =
  "max-h-96 overflow-auto rounded-md border border-line bg-sunken p-3 font-mono text-xs whitespace-pre-wrap break-all";

function Toggle<M extends string>({
  label,
  modes,
  mode,
  onChange,
}: {
  label: string;
  modes: readonly { value: M; label: string }[];
  mode: M;
  onChange: (mode: M) => void;
}) {
  return (
    <div role="group" aria-label={label} className="inline-flex overflow-hidden rounded-md border border-line text-xs">
      {modes.map((m) => (
        <button
          key={m.value}
          type="button"
          aria-pressed={mode === m.value}
          onClick={() => onChange(m.value)}
          className={cx(
            "px-2 py-0.5 font-medium",
            mode === m.value ? "bg-accent-soft text-fg" : "bg-surface text-muted hover:text-fg",
          )}
        >
          {m.label}
        </button>
      ))}
    </div>
  );
}

const JSON_MODES = [
  { value: "formatted", label: "Formatted" },
  { value: "raw", label: "Raw" },
] as const;
const BINARY_MODES = [
  { value: "hex", label: "Hex" },
  { value: "base64", label: "Base64" },
] as const;

function TextPayload({ name, text }: { name: string; text: string }) {
  const pretty = useMemo(() => prettyJson(text), [text]);
  const [mode, setMode] = useState<"formatted" | "raw">("formatted");
  if (pretty === null)
    return <pre className={PRE}>{text === "" ? <span className="text-muted italic">empty</span> : text}</pre>;
  return (
    <>
      <div className="mb-1 flex items-center gap-2">
        <Badge tone="info">JSON</Badge>
        <Toggle label={`${name} view`} modes={JSON_MODES} mode={mode} onChange={setMode} />
      </div>
      <pre className={PRE}>{mode === "formatted" ? pretty : text}</pre>
    </>
  );
}

function BinaryPayload({ name, payload }: { name: string; payload: Payload }) {
  const [mode, setMode] = useState<"hex" | "base64">("hex");
  const bytes = useMemo(() => base64ToBytes(payload.data), [payload.data]);
  return (
    <>
      <div className="mb-1 flex flex-wrap items-center gap-2">
        <Badge tone="warning">binary</Badge>
        <Toggle label={`${name} view`} modes={BINARY_MODES} mode={mode} onChange={setMode} />
      </div>
      <pre className={PRE}>{mode === "hex" ? hexOf(bytes, HEX_MAX_BYTES) : payload.data}</pre>
      {mode === "hex" && bytes.length > HEX_MAX_BYTES ? (
        <p className="mt-1 text-xs text-muted">
          The first {formatBytes(HEX_MAX_BYTES)} are shown; Base64, copy and download have all of it.
        </p>
      ) : null}
    </>
  );
}

const FORMAT_NAMES: Partial<Record<Payload["encoding"], string>> = {
  avro: "Avro",
  protobuf: "Protobuf",
  "json-schema": "JSON Schema",
};

/** "Avro, orders-value version 2, schema id 7": the registry schema a decoded payload was read with. */
function decodedWith(encoding: Payload["encoding"], schema: NonNullable<Payload["schema"]>): string {
  const subject = schema.subject === null ? "" : `, ${schema.subject}`;
  const version = schema.version === null ? "" : ` version ${schema.version}`;
  return `${FORMAT_NAMES[encoding] ?? encoding}${subject}${version}, schema id ${String(schema.id)}`;
}

/**
 * A key, a value or a header value in full: text as text (JSON formatted, with the raw text a click away), binary
 * content as hex or base64 (never decoded as text), and absent content in words. A record decoded with a registry
 * schema says which; one that looked like the registry's format but could not be decoded says why it is shown raw.
 */
export function PayloadView({ name, payload, absent }: { name: string; payload: Payload | null; absent: string }) {
  if (payload === null) return <p className="text-sm text-muted italic">{absent}</p>;
  return (
    <div>
      {payload.encoding === "base64" ? (
        <BinaryPayload name={name} payload={payload} />
      ) : (
        <TextPayload name={name} text={payload.data} />
      )}
      <p className="mt-1 text-xs text-muted">
        {formatBytes(payload.bytes)}
        {payload.schema ? ` · ${decodedWith(payload.encoding, payload.schema)}` : ""}
      </p>
      {payload.decodeError ? (
        <p className="mt-1 text-xs text-amber-800 dark:text-amber-200">Shown raw: {payload.decodeError}</p>
      ) : null}
    </div>
  );
}
