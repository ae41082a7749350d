"use client";

import { useId, useSyncExternalStore } from "react";
import type { ResetBinding } from "@/components/consumer-groups/reset/useResetForm";
import { Field, SelectInput, TextInput } from "@/components/ui/Form";
import { errorsOf } from "@/components/ui/useActionForm";
import type { DurationUnit } from "@/lib/groups/schemas";
import { localDateTimeToEpochMs, type StrategyKind } from "@/lib/groups/reset-form";

const STRATEGIES: { kind: StrategyKind; label: string; description: string }[] = [
  { kind: "earliest", label: "Earliest", description: "The start of each log: every record still kept is read again." },
  { kind: "latest", label: "Latest", description: "The end of each log: records not read yet are skipped." },
  { kind: "offset", label: "Specific offset", description: "The same offset everywhere, or one per chosen partition." },
  { kind: "timestamp", label: "Date and time", description: "The first record written at or after a moment." },
  {
    kind: "shift",
    label: "Shift by",
    description: "Back by N records to read them again (-N), or ahead to skip them (+N).",
  },
  {
    kind: "duration",
    label: "Duration ago",
    description: "The first record written that long ago, for example 15 minutes.",
  },
];

const UNITS = ["minutes", "hours", "days"] as const satisfies readonly DurationUnit[];

const noSubscription = () => () => {};

/** The browser's time zone ("Europe/Berlin"); null in the server render, which cannot know it. */
function useTimeZone(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
}

function dateTimeHint(value: string, timeZone: string | null): string {
  const zone = `In your browser's time zone${timeZone ? `, ${timeZone}` : ""}.`;
  const at = localDateTimeToEpochMs(value);
  return Number.isFinite(at)
    ? `${zone} That is ${new Date(at)
        .toISOString()
        .replace("T", " ")
        .replace(/\.\d+Z$/, "")} UTC.`
    : zone;
}

/** One offset box per chosen partition; a blank one takes the offset above. */
function PartitionOffsets({ bind }: { bind: ResetBinding }) {
  const { form, values } = bind;
  const errors = form.formState.errors.partitionOffsets;
  const partitions = [...new Set(values.partitions)].sort((a, b) => a - b);
  if (partitions.length === 0) return null;
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {partitions.map((partition) => {
        return (
          <Field key={partition} label={`Offset of partition ${partition}`} errors={errorsOf(errors?.[partition])}>
            {(control) => (
              <TextInput
                {...control}
                inputMode="numeric"
                autoComplete="off"
                placeholder="Same as above"
                // Whether the common offset is needed depends on these.
                {...form.register(`partitionOffsets.${partition}`, { deps: "offset" })}
              />
            )}
          </Field>
        );
      })}
    </div>
  );
}

/** The inputs of the chosen strategy. */
function StrategyInputs({ bind }: { bind: ResetBinding }) {
  const { form, values } = bind;
  const { errors } = form.formState;
  const timeZone = useTimeZone();
  switch (values.strategy) {
    case "earliest":
    case "latest":
      return null;
    case "offset":
      return (
        <div className="space-y-3">
          <Field
            label="Offset"
            hint={
              values.scope === "partitions"
                ? "For every chosen partition whose own box below is blank."
                : "For every partition in scope."
            }
            errors={errorsOf(errors.offset)}
          >
            {(control) => (
              <TextInput
                {...control}
                className="sm:w-60"
                inputMode="numeric"
                autoComplete="off"
                {...form.register("offset")}
              />
            )}
          </Field>
          {values.scope === "partitions" ? <PartitionOffsets bind={bind} /> : null}
        </div>
      );
    case "timestamp":
      return (
        <Field label="Date and time" hint={dateTimeHint(values.dateTime, timeZone)} errors={errorsOf(errors.dateTime)}>
          {(control) => (
            <TextInput {...control} type="datetime-local" step={1} className="sm:w-60" {...form.register("dateTime")} />
          )}
        </Field>
      );
    case "shift":
      return (
        <Field
          label="Shift by (records)"
          hint="For example -100 to read the last 100 records of each partition again, or +50 to skip 50."
          errors={errorsOf(errors.shift)}
        >
          {(control) => (
            <TextInput
              {...control}
              className="sm:w-60"
              inputMode="numeric"
              autoComplete="off"
              {...form.register("shift")}
            />
          )}
        </Field>
      );
    case "duration":
      return (
        <Field label="How long ago" errors={errorsOf(errors.amount ?? errors.unit)}>
          {(control) => (
            <div className="flex flex-wrap items-center gap-2">
              <TextInput
                {...control}
                className="sm:w-32"
                inputMode="numeric"
                autoComplete="off"
                {...form.register("amount")}
              />
              <SelectInput
                aria-label="How long ago unit"
                className="w-auto"
                {...form.register("unit", { deps: "amount" })}
              >
                {UNITS.map((unit) => (
                  <option key={unit} value={unit}>
                    {unit}
                  </option>
                ))}
              </SelectInput>
            </div>
          )}
        </Field>
      );
  }
}

/** Where the offsets move to: each strategy as a radio with a line saying what it does, then its inputs. */
export function StrategyFields({ bind }: { bind: ResetBinding }) {
  const name = useId();
  return (
    <div className="space-y-4">
      <fieldset disabled={bind.disabled}>
        <legend className="text-sm font-medium">Move the offsets to</legend>
        <div className="mt-2 grid gap-2 text-sm sm:grid-cols-2">
          {STRATEGIES.map((strategy) => (
            <div key={strategy.kind}>
              <label className="flex items-center gap-2 font-medium">
                <input
                  type="radio"
                  value={strategy.kind}
                  aria-describedby={`${name}-${strategy.kind}`}
                  {...bind.form.register("strategy")}
                />
                {strategy.label}
              </label>
              <p id={`${name}-${strategy.kind}`} className="ml-6 text-xs text-muted">
                {strategy.description}
              </p>
            </div>
          ))}
        </div>
      </fieldset>
      <StrategyInputs bind={bind} />
    </div>
  );
}
