"use client";

import { Button } from "@/components/ui/Button";
import { TextInput } from "@/components/ui/Form";
import type { FieldBinding } from "@/components/topics/create/TopicConfigFields";
import { FIELD_KEYS } from "@/lib/topics/create-form";

/**
 * Any other topic config, by Kafka's own name (segment.ms, compression.type, ...): rows of a name and a value. The
 * broker validates them when the topic is created, and its refusal is shown in its own words.
 */
export function ExtraConfigsField({
  values,
  set,
  touch,
  errorsFor,
  rowErrors,
  disabled,
}: FieldBinding & { rowErrors: (row: number) => string[] }) {
  const rows = values.extraConfigs;
  const update = (i: number, part: "key" | "value", text: string) =>
    set(
      "extraConfigs",
      rows.map((row, j) => (j === i ? { ...row, [part]: text } : row)),
    );
  const errors = errorsFor(FIELD_KEYS.extraConfigs);
  return (
    <fieldset className="space-y-3 rounded-lg border border-line p-4">
      <legend className="px-1 text-sm font-semibold">More configs</legend>
      <p className="text-sm text-muted">
        Any other topic config by its Kafka name, such as <code className="font-mono">segment.ms</code>; the broker
        checks each one.
      </p>
      {rows.map((row, i) => {
        const problems = rowErrors(i);
        return (
          <div key={i} className="space-y-1">
            <div className="flex flex-wrap gap-2">
              <TextInput
                aria-label={`Config name ${i + 1}`}
                className="min-w-0 flex-1 font-mono"
                value={row.key}
                disabled={disabled}
                spellCheck={false}
                autoComplete="off"
                aria-invalid={problems.length > 0}
                onChange={(e) => update(i, "key", e.target.value)}
                onBlur={() => touch(FIELD_KEYS.extraConfigs)}
              />
              <TextInput
                aria-label={`Config value ${i + 1}`}
                className="min-w-0 flex-1 font-mono"
                value={row.value}
                disabled={disabled}
                spellCheck={false}
                autoComplete="off"
                onChange={(e) => update(i, "value", e.target.value)}
                onBlur={() => touch(FIELD_KEYS.extraConfigs)}
              />
              <Button
                disabled={disabled}
                aria-label={`Remove config ${i + 1}`}
                onClick={() =>
                  set(
                    "extraConfigs",
                    rows.filter((_, j) => j !== i),
                  )
                }
              >
                Remove
              </Button>
            </div>
            {problems.length > 0 ? (
              <p className="text-xs font-medium text-red-700 dark:text-red-300">{problems.join(" ")}</p>
            ) : null}
          </div>
        );
      })}
      {errors ? (
        <p role="alert" className="text-xs font-medium text-red-700 dark:text-red-300">
          {errors.join(" ")}
        </p>
      ) : null}
      <Button disabled={disabled} onClick={() => set("extraConfigs", [...rows, { key: "", value: "" }])}>
        Add a config
      </Button>
    </fieldset>
  );
}
