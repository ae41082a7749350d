"use client";

import { useId, useMemo, useState } from "react";
import { SelectInput } from "@/components/ui/Form";
import type { SchemaFormat, SubjectVersion } from "@/lib/api/schemas";
import { cx } from "@/lib/cx";
import { type DiffSide, prettySchema, sideBySide } from "@/lib/schemas/display";

function Side({ side, tone }: { side: DiffSide | null; tone: "removed" | "added" }) {
  if (!side) return <td colSpan={2} className="bg-sunken/60" />;
  const changed =
    side.changed &&
    (tone === "removed"
      ? "bg-red-50 text-red-900 dark:bg-red-950/50 dark:text-red-100"
      : "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-100");
  return (
    <>
      <td className="w-10 border-r border-line px-2 text-right text-muted select-none">{side.line}</td>
      <td className={cx("px-2 whitespace-pre-wrap break-all", changed)}>
        {side.changed ? <span className="sr-only">{tone === "removed" ? "removed: " : "added: "}</span> : null}
        {side.text}
      </td>
    </>
  );
}

/** Two versions of a subject side by side, changed lines marked (in colour and in words for screen readers). */
export function SchemaDiff({ versions, format }: { versions: readonly SubjectVersion[]; format: SchemaFormat }) {
  const id = useId();
  const latest = versions.at(-1)?.version ?? 1;
  const [from, setFrom] = useState(versions.at(-2)?.version ?? latest);
  const [to, setTo] = useState(latest);
  const before = versions.find((v) => v.version === from);
  const after = versions.find((v) => v.version === to);
  const rows = useMemo(
    () => (before && after ? sideBySide(prettySchema(before.schema, format), prettySchema(after.schema, format)) : []),
    [before, after, format],
  );
  const changes = rows.filter((r) => r.left?.changed || r.right?.changed).length;
  const picker = (label: string, value: number, set: (v: number) => void, suffix: string) => (
    <div className="flex items-center gap-2">
      <label htmlFor={`${id}-${suffix}`} className="text-sm">
        {label}
      </label>
      <SelectInput
        id={`${id}-${suffix}`}
        className="w-auto"
        value={value}
        onChange={(event) => set(Number(event.target.value))}
      >
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            Version {v.version}
          </option>
        ))}
      </SelectInput>
    </div>
  );
  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-x-6 gap-y-2">
        {picker("Compare", from, setFrom, "from")}
        {picker("with", to, setTo, "to")}
        <p aria-live="polite" className="text-sm text-muted">
          {from === to ? "The same version." : changes === 0 ? "No differences." : `${changes} changed lines.`}
        </p>
      </div>
      <div className="relative overflow-x-auto rounded-lg border border-line bg-surface">
        <table
          aria-label={`Version ${from} against version ${to}`}
          className="w-full table-fixed border-collapse font-mono text-xs"
        >
          <thead className="sr-only">
            <tr>
              <th colSpan={2}>Version {from}</th>
              <th colSpan={2}>Version {to}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i} className="align-top">
                <Side side={row.left} tone="removed" />
                <Side side={row.right} tone="added" />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
