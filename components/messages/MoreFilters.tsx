"use client";

import { type SearchBinding, TextFilterField, timeHint } from "@/components/messages/FilterFields";
import { Field, TextInput } from "@/components/ui/Form";

type PlainField = "header" | "jsonPath" | "jsonValue" | "minOffset" | "maxOffset";

function PlainField({
  bind,
  field,
  label,
  hint,
  mono,
  numeric,
}: {
  bind: SearchBinding;
  field: PlainField;
  label: string;
  hint?: string;
  mono?: boolean;
  numeric?: boolean;
}) {
  return (
    <Field label={label} hint={hint} errors={bind.errorsFor(field)}>
      {(control) => (
        <TextInput
          {...control}
          className={mono ? "font-mono" : undefined}
          inputMode={numeric ? "numeric" : undefined}
          autoComplete="off"
          spellCheck={false}
          value={bind.values[field]}
          onChange={(event) => bind.set(field, event.target.value)}
          onBlur={() => bind.touch(field)}
        />
      )}
    </Field>
  );
}

function TimeField({
  bind,
  field,
  label,
  timeZone,
}: {
  bind: SearchBinding;
  field: "since" | "until";
  label: string;
  timeZone: string | null;
}) {
  return (
    <Field label={label} hint={timeHint(bind.values[field], timeZone)} errors={bind.errorsFor(field)}>
      {(control) => (
        <TextInput
          {...control}
          type="datetime-local"
          step={1}
          value={bind.values[field]}
          onChange={(event) => bind.set(field, event.target.value)}
          onBlur={() => bind.touch(field)}
        />
      )}
    </Field>
  );
}

/** The less common filters: a header, a JSON field, an offset range and a time range. */
export function MoreFilters({ bind, timeZone }: { bind: SearchBinding; timeZone: string | null }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <PlainField
        bind={bind}
        field="header"
        label="Header name"
        hint="Messages with a header of exactly this name."
        mono
      />
      <TextFilterField
        label="Header value"
        field="headerValue"
        matchField="headerMatch"
        bind={bind}
        hint="Optional: the value that header must have."
      />
      <PlainField
        bind={bind}
        field="jsonPath"
        label="JSON field"
        hint="A path in a JSON value, like user.id or items[0].sku."
        mono
      />
      <PlainField
        bind={bind}
        field="jsonValue"
        label="JSON field value"
        hint="The value that field must have, like 42 or shipped."
        mono
      />
      <PlainField
        bind={bind}
        field="minOffset"
        label="Lowest offset"
        hint="Only messages at or above this offset, in every partition."
        numeric
      />
      <PlainField
        bind={bind}
        field="maxOffset"
        label="Highest offset"
        hint="Only messages at or below this offset."
        numeric
      />
      <TimeField bind={bind} field="since" label="Written from" timeZone={timeZone} />
      <TimeField bind={bind} field="until" label="Written until" timeZone={timeZone} />
    </div>
  );
}
