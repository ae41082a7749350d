"use client";

import { useId } from "react";
import type { ProduceBinding } from "@/components/produce/useProduceForm";
import { Button } from "@/components/ui/Button";
import { Field, TextArea } from "@/components/ui/Form";
import { VALUE_FORMATS, type ValueFormat } from "@/lib/messages/produce";
import { prettyJson } from "@/lib/messages/view";

const FORMAT_LABELS: Record<ValueFormat, string> = { text: "Text", json: "JSON" };

/**
 * The value: text or JSON (checked as typed, with "Format" to indent it without changing a digit), or none at all
 * (a tombstone, which deletes the key from a compacted topic).
 */
export function ValueField({ bind }: { bind: ProduceBinding }) {
  const { values, set, touch, errorsFor, disabled } = bind;
  const name = useId();
  const isJson = values.valueFormat === "json";

  function format() {
    const pretty = prettyJson(values.value);
    if (pretty !== null) set({ value: pretty }, ["value"]);
    else touch("value");
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <fieldset className="flex flex-wrap items-center gap-4 text-sm" disabled={disabled || values.tombstone}>
          <legend className="sr-only">Value format</legend>
          {VALUE_FORMATS.map((format) => (
            <label key={format} className="flex items-center gap-1.5 font-medium">
              <input
                type="radio"
                name={name}
                value={format}
                checked={values.valueFormat === format}
                onChange={() => set({ valueFormat: format }, values.value === "" ? [] : ["value"])}
              />
              {FORMAT_LABELS[format]}
            </label>
          ))}
          {isJson ? (
            <Button onClick={format} className="px-2 py-0.5 text-xs">
              Format
            </Button>
          ) : null}
        </fieldset>
        <label className="flex items-center gap-1.5 text-sm font-medium">
          <input
            type="checkbox"
            checked={values.tombstone}
            disabled={disabled}
            onChange={(event) => set({ tombstone: event.target.checked })}
          />
          Tombstone (no value)
        </label>
      </div>
      <Field
        label="Value"
        hint={
          values.tombstone
            ? "A tombstone has no value: on a compacted topic it deletes the key."
            : isJson
              ? "Checked as you type."
              : "Sent as UTF-8 text."
        }
        errors={values.tombstone ? undefined : errorsFor("value")}
      >
        {(control) => (
          <TextArea
            {...control}
            rows={8}
            className="font-mono"
            spellCheck={false}
            value={values.tombstone ? "" : values.value}
            placeholder={values.tombstone ? "No value" : isJson ? '{"id": 1}' : undefined}
            disabled={disabled || values.tombstone}
            onChange={(event) => set({ value: event.target.value })}
            onBlur={() => touch("value")}
          />
        )}
      </Field>
    </div>
  );
}
