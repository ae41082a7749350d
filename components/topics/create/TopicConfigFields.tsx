"use client";

import { AmountField } from "@/components/topics/create/AmountField";
import { type CreateTopicValues, FIELD_KEYS, type FieldKey } from "@/lib/topics/create-form";
import { Field, SelectInput, TextInput } from "@/components/ui/Form";
import { CLEANUP_POLICIES, CONFIG_KEYS } from "@/lib/topics/schemas";
import { SIZE_UNITS, TIME_UNITS } from "@/lib/topics/units";

const TIME_UNIT_NAMES = Object.keys(TIME_UNITS) as (keyof typeof TIME_UNITS)[];
const SIZE_UNIT_NAMES = Object.keys(SIZE_UNITS) as (keyof typeof SIZE_UNITS)[];

const CLEANUP_LABELS: Record<(typeof CLEANUP_POLICIES)[number], string> = {
  delete: "delete: drop old segments",
  compact: "compact: keep the latest value per key",
  "compact,delete": "compact,delete: both",
};

function Key({ name }: { name: string }) {
  return <code className="font-mono">{name}</code>;
}

export interface FieldBinding {
  values: CreateTopicValues;
  set: <K extends keyof CreateTopicValues>(key: K, value: CreateTopicValues[K]) => void;
  touch: (key: FieldKey) => void;
  errorsFor: (key: FieldKey) => string[] | undefined;
  disabled: boolean;
}

/** The common topic configs, in units a person reads. Every field may stay empty: the broker's default applies. */
export function TopicConfigFields({ values, set, touch, errorsFor, disabled }: FieldBinding) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-line p-4">
      <legend className="px-1 text-sm font-semibold">Configuration</legend>
      <p className="text-sm text-muted">Leave a field empty to use the broker&apos;s default.</p>
      <AmountField
        label="Retention time"
        hint={
          <>
            <Key name={CONFIG_KEYS.retentionMs} />: how long messages are kept before they are deleted.
          </>
        }
        errors={errorsFor(FIELD_KEYS.retention)}
        amount={values.retentionAmount}
        unit={values.retentionUnit}
        units={TIME_UNIT_NAMES}
        unlimited={values.retentionUnlimited}
        onAmount={(amount) => set("retentionAmount", amount)}
        onUnit={(unit) => set("retentionUnit", unit)}
        onUnlimited={(unlimited) => set("retentionUnlimited", unlimited)}
        onBlur={() => touch(FIELD_KEYS.retention)}
        disabled={disabled}
      />
      <AmountField
        label="Retention size"
        hint={
          <>
            <Key name={CONFIG_KEYS.retentionBytes} />: the most data kept per partition before old messages are deleted.
          </>
        }
        errors={errorsFor(FIELD_KEYS.retentionSize)}
        amount={values.retentionSizeAmount}
        unit={values.retentionSizeUnit}
        units={SIZE_UNIT_NAMES}
        unlimited={values.retentionSizeUnlimited}
        onAmount={(amount) => set("retentionSizeAmount", amount)}
        onUnit={(unit) => set("retentionSizeUnit", unit)}
        onUnlimited={(unlimited) => set("retentionSizeUnlimited", unlimited)}
        onBlur={() => touch(FIELD_KEYS.retentionSize)}
        disabled={disabled}
      />
      <Field
        label="Cleanup policy"
        hint={<Key name={CONFIG_KEYS.cleanupPolicy} />}
        errors={errorsFor(FIELD_KEYS.cleanupPolicy)}
      >
        {(control) => (
          <SelectInput
            {...control}
            className="sm:w-96"
            value={values.cleanupPolicy}
            disabled={disabled}
            onChange={(event) =>
              set("cleanupPolicy", CLEANUP_POLICIES.find((policy) => policy === event.target.value) ?? "")
            }
            onBlur={() => touch(FIELD_KEYS.cleanupPolicy)}
          >
            <option value="">Broker default</option>
            {CLEANUP_POLICIES.map((policy) => (
              <option key={policy} value={policy}>
                {CLEANUP_LABELS[policy]}
              </option>
            ))}
          </SelectInput>
        )}
      </Field>
      <Field
        label="Min in-sync replicas"
        hint={
          <>
            <Key name={CONFIG_KEYS.minInsyncReplicas} />: replicas that must have a write before producers with acks=all
            get their answer.
          </>
        }
        errors={errorsFor(FIELD_KEYS.minInsyncReplicas)}
      >
        {(control) => (
          <TextInput
            {...control}
            inputMode="numeric"
            autoComplete="off"
            placeholder="Broker default"
            className="sm:w-40"
            value={values.minInsyncReplicas}
            disabled={disabled}
            onChange={(event) => set("minInsyncReplicas", event.target.value)}
            onBlur={() => touch(FIELD_KEYS.minInsyncReplicas)}
          />
        )}
      </Field>
      <AmountField
        label="Max message size"
        hint={
          <>
            <Key name={CONFIG_KEYS.maxMessageBytes} />: the largest record batch the topic accepts.
          </>
        }
        errors={errorsFor(FIELD_KEYS.maxMessage)}
        amount={values.maxMessageAmount}
        unit={values.maxMessageUnit}
        units={SIZE_UNIT_NAMES}
        onAmount={(amount) => set("maxMessageAmount", amount)}
        onUnit={(unit) => set("maxMessageUnit", unit)}
        onBlur={() => touch(FIELD_KEYS.maxMessage)}
        disabled={disabled}
      />
    </fieldset>
  );
}
