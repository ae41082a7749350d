"use client";

import { useId } from "react";
import type { ProduceBinding } from "@/components/produce/useProduceForm";
import { Button } from "@/components/ui/Button";
import { TextInput } from "@/components/ui/Form";
import { MAX_HEADERS } from "@/lib/messages/produce";

/** The record's headers: rows of name and value, added and removed one by one. */
export function HeadersEditor({ bind }: { bind: ProduceBinding }) {
  const { values, set, touch, errorsFor, disabled } = bind;
  const headers = values.headers;
  const listErrors = errorsFor("headers");
  const baseId = useId();

  const update = (index: number, change: Partial<{ key: string; value: string }>) =>
    set({ headers: headers.map((header, i) => (i === index ? { ...header, ...change } : header)) });

  return (
    <fieldset disabled={disabled} className="space-y-2">
      <legend className="text-sm font-medium">Headers</legend>
      {headers.length === 0 ? <p className="text-sm text-muted">No headers.</p> : null}
      {headers.map((header, index) => {
        const n = index + 1;
        const keyErrors = errorsFor(`headers.${index}.key`);
        const valueErrors = errorsFor(`headers.${index}.value`);
        const errorId = `${baseId}-${index}-error`;
        return (
          <div key={index}>
            <div className="flex flex-wrap items-center gap-2 sm:flex-nowrap">
              <TextInput
                aria-label={`Header ${n} name`}
                aria-invalid={keyErrors !== undefined}
                aria-describedby={keyErrors || valueErrors ? errorId : undefined}
                placeholder="Name"
                className="min-w-0 flex-1 font-mono"
                autoComplete="off"
                spellCheck={false}
                value={header.key}
                onChange={(event) => update(index, { key: event.target.value })}
                onBlur={() => touch(`headers.${index}.key`)}
              />
              <TextInput
                aria-label={`Header ${n} value`}
                aria-invalid={valueErrors !== undefined}
                aria-describedby={keyErrors || valueErrors ? errorId : undefined}
                placeholder="Value"
                className="min-w-0 flex-[2] font-mono"
                autoComplete="off"
                spellCheck={false}
                value={header.value}
                onChange={(event) => update(index, { value: event.target.value })}
                onBlur={() => touch(`headers.${index}.value`)}
              />
              <Button
                aria-label={`Remove header ${n}`}
                onClick={() => set({ headers: headers.filter((_, i) => i !== index) }, ["headers"])}
                className="px-2"
              >
                Remove
              </Button>
            </div>
            {keyErrors || valueErrors ? (
              <p id={errorId} className="mt-1 text-xs font-medium text-red-700 dark:text-red-300">
                {[...(keyErrors ?? []), ...(valueErrors ?? [])].join(" ")}
              </p>
            ) : null}
          </div>
        );
      })}
      {listErrors ? <p className="text-xs font-medium text-red-700 dark:text-red-300">{listErrors.join(" ")}</p> : null}
      <Button
        onClick={() => set({ headers: [...headers, { key: "", value: "" }] })}
        disabled={headers.length >= MAX_HEADERS}
        className="px-2 py-1 text-xs"
      >
        Add header
      </Button>
    </fieldset>
  );
}
