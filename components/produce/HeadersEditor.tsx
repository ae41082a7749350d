"use client";

import { useId } from "react";
import { useFieldArray } from "react-hook-form";
import type { ProduceFormApi } from "@/components/produce/useProduceForm";
import { Button } from "@/components/ui/Button";
import { TextInput } from "@/components/ui/Form";
import { MAX_HEADERS } from "@/lib/messages/produce";

/** The record's headers: rows of name and value, added and removed one by one. */
export function HeadersEditor({ form }: { form: ProduceFormApi }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "headers" });
  const errors = form.formState.errors.headers;
  const baseId = useId();

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Headers</legend>
      {fields.length === 0 ? <p className="text-sm text-muted">No headers.</p> : null}
      {fields.map((field, index) => {
        const n = index + 1;
        const problems = [errors?.[index]?.key?.message, errors?.[index]?.value?.message].filter(
          (message) => message !== undefined,
        );
        const errorId = `${baseId}-${field.id}-error`;
        return (
          <div key={field.id}>
            <div className="flex flex-wrap items-center gap-2 sm:flex-nowrap">
              <TextInput
                aria-label={`Header ${n} name`}
                aria-invalid={errors?.[index]?.key !== undefined}
                aria-describedby={problems.length > 0 ? errorId : undefined}
                placeholder="Name"
                className="min-w-0 flex-1 font-mono"
                autoComplete="off"
                spellCheck={false}
                {...form.register(`headers.${index}.key`, { deps: "copies" })}
              />
              <TextInput
                aria-label={`Header ${n} value`}
                aria-invalid={errors?.[index]?.value !== undefined}
                aria-describedby={problems.length > 0 ? errorId : undefined}
                placeholder="Value"
                className="min-w-0 flex-[2] font-mono"
                autoComplete="off"
                spellCheck={false}
                {...form.register(`headers.${index}.value`, { deps: "copies" })}
              />
              <Button aria-label={`Remove header ${n}`} onClick={() => remove(index)} className="px-2">
                Remove
              </Button>
            </div>
            {problems.length > 0 ? (
              <p id={errorId} className="mt-1 text-xs font-medium text-red-700 dark:text-red-300">
                {problems.join(" ")}
              </p>
            ) : null}
          </div>
        );
      })}
      {errors?.root?.message ? (
        <p className="text-xs font-medium text-red-700 dark:text-red-300">{errors.root.message}</p>
      ) : null}
      <Button
        onClick={() => append({ key: "", value: "" })}
        disabled={fields.length >= MAX_HEADERS}
        className="px-2 py-1 text-xs"
      >
        Add header
      </Button>
    </fieldset>
  );
}
