"use client";

import { useWatch } from "react-hook-form";
import type { ProduceFormApi } from "@/components/produce/useProduceForm";
import { errorsOf } from "@/components/ui/useActionForm";
import { Button } from "@/components/ui/Button";
import { Field, TextArea } from "@/components/ui/Form";
import { VALUE_FORMATS, type ValueFormat } from "@/lib/messages/produce";
import { prettyJson } from "@/lib/messages/view";

const FORMAT_LABELS: Record<ValueFormat, string> = { text: "Text", json: "JSON" };

/**
 * The value: text or JSON (checked as typed, with "Format" to indent it without changing a digit), or none at all
 * (a tombstone, which deletes the key from a compacted topic).
 */
export function ValueField({ form }: { form: ProduceFormApi }) {
  const [valueFormat, tombstone] = useWatch({ control: form.control, name: ["valueFormat", "tombstone"] });
  const isJson = valueFormat === "json";

  // The value is checked again, as if it had been left: it was formatted, or its format changed.
  const checkValue = (value = form.getValues("value")) =>
    form.setValue("value", value, { shouldDirty: true, shouldTouch: true, shouldValidate: true });

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <fieldset className="flex flex-wrap items-center gap-4 text-sm" disabled={tombstone}>
          <legend className="sr-only">Value format</legend>
          {VALUE_FORMATS.map((format) => (
            <label key={format} className="flex items-center gap-1.5 font-medium">
              <input
                type="radio"
                value={format}
                {...form.register("valueFormat", {
                  onChange: () => {
                    if (form.getValues("value") !== "") checkValue();
                  },
                })}
              />
              {FORMAT_LABELS[format]}
            </label>
          ))}
          {isJson ? (
            <Button
              onClick={() => checkValue(prettyJson(form.getValues("value")) ?? undefined)}
              className="px-2 py-0.5 text-xs"
            >
              Format
            </Button>
          ) : null}
        </fieldset>
        <label className="flex items-center gap-1.5 text-sm font-medium">
          <input type="checkbox" {...form.register("tombstone")} />
          Tombstone (no value)
        </label>
      </div>
      <Field
        label="Value"
        hint={
          tombstone
            ? "A tombstone has no value: on a compacted topic it deletes the key."
            : isJson
              ? "Checked as you type."
              : "Sent as UTF-8 text."
        }
        errors={tombstone ? undefined : errorsOf(form.formState.errors.value)}
      >
        {(control) =>
          tombstone ? (
            // Its own element (key), so the typed value waits, untouched, in the one below.
            <TextArea
              key="none"
              {...control}
              rows={8}
              className="font-mono"
              value=""
              placeholder="No value"
              readOnly
              disabled
            />
          ) : (
            <TextArea
              key="value"
              {...control}
              rows={8}
              className="font-mono"
              spellCheck={false}
              placeholder={isJson ? '{"id": 1}' : undefined}
              {...form.register("value", { deps: "copies" })}
            />
          )
        }
      </Field>
    </div>
  );
}
