"use client";

import type { ReactNode } from "react";
import { Field, SelectInput, TextInput } from "@/components/ui/Form";
import { type TextMatch, TEXT_MATCHES } from "@/lib/messages/query";
import { localDateTimeToIso, type SearchErrors, type SearchFormValues } from "@/lib/messages/search-form";

/** What the form's fields need: values, a setter, and the errors to show for a field. */
export interface SearchBinding {
  values: SearchFormValues;
  set: <K extends keyof SearchFormValues>(key: K, value: SearchFormValues[K]) => void;
  touch: (field: keyof SearchErrors) => void;
  errorsFor: (field: keyof SearchErrors) => string[] | undefined;
}

/** The hint under a datetime-local field: the browser's time zone, and the typed time in UTC. */
export function timeHint(value: string, timeZone: string | null, prefix?: string): string {
  const zone = `In your browser's time zone${timeZone ? `, ${timeZone}` : ""}.`;
  const iso = localDateTimeToIso(value);
  return `${prefix ? `${prefix} ` : ""}${zone}${iso ? ` That is ${iso.replace("T", " ").replace("Z", "")} UTC.` : ""}`;
}

/** A text filter with its match select beside it. */
export function TextFilterField({
  label,
  bind,
  field,
  matchField,
  hint,
}: {
  label: string;
  bind: SearchBinding;
  field: "key" | "value" | "headerValue";
  matchField: "keyMatch" | "valueMatch" | "headerMatch";
  hint?: ReactNode;
}) {
  const { values, set, touch, errorsFor } = bind;
  return (
    <Field label={label} hint={hint} errors={errorsFor(field)}>
      {(control) => (
        <div className="flex gap-2">
          <TextInput
            {...control}
            className="min-w-0 flex-1 font-mono"
            autoComplete="off"
            spellCheck={false}
            value={values[field]}
            onChange={(event) => set(field, event.target.value)}
            onBlur={() => touch(field)}
          />
          <SelectInput
            aria-label={`${label} match`}
            className="w-auto! shrink-0"
            value={values[matchField]}
            onChange={(event) =>
              set(matchField, TEXT_MATCHES.find((m) => m === event.target.value) ?? ("contains" satisfies TextMatch))
            }
          >
            {TEXT_MATCHES.map((match) => (
              <option key={match} value={match}>
                {match}
              </option>
            ))}
          </SelectInput>
        </div>
      )}
    </Field>
  );
}
