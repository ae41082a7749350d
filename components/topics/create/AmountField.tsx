"use client";

import type { ReactNode } from "react";
import { Field, SelectInput, TextInput } from "@/components/ui/Form";

/**
 * An amount in a unit a person reads ("7" "days"), optionally "Unlimited" (which disables the amount). The label
 * names the amount; the unit select and the checkbox carry the label in their own names.
 */
export function AmountField<U extends string>({
  label,
  hint,
  errors,
  amount,
  unit,
  units,
  unlimited,
  onAmount,
  onUnit,
  onUnlimited,
  onBlur,
  disabled,
}: {
  label: string;
  hint?: ReactNode;
  errors?: readonly string[];
  amount: string;
  unit: U;
  units: readonly U[];
  /** Leave out for an amount that cannot be unlimited. */
  unlimited?: boolean;
  onAmount: (amount: string) => void;
  onUnit: (unit: U) => void;
  onUnlimited?: (unlimited: boolean) => void;
  onBlur: () => void;
  disabled?: boolean;
}) {
  const off = disabled === true || unlimited === true;
  return (
    <Field label={label} hint={hint} errors={errors}>
      {(control) => (
        <div className="flex flex-wrap items-center gap-2">
          <TextInput
            {...control}
            inputMode="decimal"
            autoComplete="off"
            placeholder={unlimited ? "Unlimited" : "Broker default"}
            className="sm:w-40"
            value={unlimited ? "" : amount}
            disabled={off}
            onChange={(event) => onAmount(event.target.value)}
            onBlur={onBlur}
          />
          <SelectInput
            aria-label={`${label} unit`}
            className="sm:w-28"
            value={unit}
            disabled={off}
            onChange={(event) => {
              const next = units.find((candidate) => candidate === event.target.value);
              if (next) onUnit(next);
            }}
            onBlur={onBlur}
          >
            {units.map((candidate) => (
              <option key={candidate} value={candidate}>
                {candidate}
              </option>
            ))}
          </SelectInput>
          {onUnlimited ? (
            <label className="inline-flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={unlimited === true}
                disabled={disabled}
                onChange={(event) => {
                  onUnlimited(event.target.checked);
                  onBlur();
                }}
                className="size-4 accent-indigo-700 dark:accent-indigo-300"
              />
              Unlimited<span className="sr-only"> {label.toLowerCase()}</span>
            </label>
          ) : null}
        </div>
      )}
    </Field>
  );
}
