"use client";

import { useRef } from "react";
import type { ProduceAction } from "@/components/messages/actions";
import { TopicField } from "@/components/messages/TopicField";
import { HeadersEditor } from "@/components/produce/HeadersEditor";
import { ProduceResultPanel } from "@/components/produce/ProduceResultPanel";
import { SchemaChoiceField } from "@/components/produce/SchemaChoiceField";
import { type ProduceBinding, useProduceForm } from "@/components/produce/useProduceForm";
import { ValueField } from "@/components/produce/ValueField";
import { Button } from "@/components/ui/Button";
import { Field, FormError, SelectInput, TextInput } from "@/components/ui/Form";
import type { TopicSummary } from "@/lib/api/types";
import { formatInteger, formatQuantity } from "@/lib/format";
import { COMPRESSIONS, MAX_COPIES } from "@/lib/messages/produce";

function partitionRange(count: number): string {
  return count === 1 ? "1 partition (0)" : `${formatInteger(count)} partitions (0–${formatInteger(count - 1)})`;
}

function PartitionField({ bind, topic }: { bind: ProduceBinding; topic: TopicSummary | undefined }) {
  const { values, set, touch, errorsFor, disabled } = bind;
  const typed = values.partition.trim();
  const beyond = topic !== undefined && /^\d+$/.test(typed) && Number(typed) >= topic.partitions;
  return (
    <Field
      label="Partition"
      hint={
        `Blank: Kafka's partitioner picks one (by the key's hash, or spread when there is no ` +
        `key).${topic ? ` The topic has ${partitionRange(topic.partitions)}.` : ""}`
      }
      warning={
        beyond ? `The topic has ${partitionRange(topic.partitions)}: Kafka will refuse partition ${typed}.` : undefined
      }
      errors={errorsFor("partition")}
    >
      {(control) => (
        <TextInput
          {...control}
          inputMode="numeric"
          autoComplete="off"
          placeholder="Automatic"
          value={values.partition}
          disabled={disabled}
          onChange={(event) => set({ partition: event.target.value })}
          onBlur={() => touch("partition")}
        />
      )}
    </Field>
  );
}

/**
 * The produce form: topic, partition, key, value (text or JSON, or a tombstone), headers, copies and compression,
 * checked with the action's own schema as typed. When producing is `blocked` every field is disabled (the action
 * refuses anyway). The result of a send shows under the form.
 */
export function ProduceForm({
  cluster,
  initialTopic,
  draftRequested,
  blocked,
  produceMessages,
  topics,
  topicsFailed,
  refreshTopics,
}: {
  cluster: string;
  initialTopic: string;
  draftRequested: boolean;
  /** Producing is not allowed here (the page says why). */
  blocked: boolean;
  produceMessages: ProduceAction;
  topics: readonly TopicSummary[] | undefined;
  topicsFailed: boolean;
  /** Reads the topics list again (a topic created a moment ago). */
  refreshTopics?: () => unknown;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const form = useProduceForm({ cluster, initialTopic, draftRequested, blocked, produceMessages, formRef });
  const { bind } = form;
  const { values, set, touch, errorsFor, disabled } = bind;
  const topic = topics?.find((t) => t.name === values.topic.trim());

  return (
    <>
      {form.notes.length > 0 ? (
        <div
          role="note"
          className={
            "mb-4 max-w-3xl rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm " +
            "text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
          }
        >
          <p className="font-medium">Prefilled from the message, with these changes:</p>
          <ul className="mt-1 list-disc pl-5">
            {form.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form
        ref={formRef}
        noValidate
        aria-label="Produce"
        onSubmit={(event) => void form.submit(event)}
        className="max-w-3xl space-y-6"
      >
        <fieldset disabled={disabled} className="space-y-6">
          <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
            <TopicField
              value={values.topic}
              onChange={(name) => set({ topic: name })}
              onBlur={() => touch("topic")}
              topics={topics}
              loadFailed={topicsFailed}
              refresh={refreshTopics}
              errors={errorsFor("topic")}
            />
            <PartitionField bind={bind} topic={topic} />
          </div>
          <Field label="Key" hint="Blank: a record without a key." errors={errorsFor("key")}>
            {(control) => (
              <TextInput
                {...control}
                className="font-mono"
                autoComplete="off"
                spellCheck={false}
                value={values.key}
                onChange={(event) => set({ key: event.target.value })}
                onBlur={() => touch("key")}
              />
            )}
          </Field>
          <SchemaChoiceField
            cluster={cluster}
            topic={values.topic}
            part="key"
            choice={values.keySchema}
            onChange={(keySchema) => set({ keySchema }, ["keySchema"])}
            errors={errorsFor("keySchema")}
            disabled={disabled}
          />
          <ValueField bind={bind} />
          <SchemaChoiceField
            cluster={cluster}
            topic={values.topic}
            part="value"
            choice={values.valueSchema}
            onChange={(valueSchema) =>
              set({ valueSchema, valueFormat: valueSchema ? "json" : values.valueFormat }, ["valueSchema"])
            }
            errors={errorsFor("valueSchema")}
            disabled={disabled}
          />
          <HeadersEditor bind={bind} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Copies"
              hint={`Send the record this many times (at most ${formatInteger(MAX_COPIES)}).`}
              errors={errorsFor("copies")}
            >
              {(control) => (
                <TextInput
                  {...control}
                  inputMode="numeric"
                  autoComplete="off"
                  value={values.copies}
                  onChange={(event) => set({ copies: event.target.value })}
                  onBlur={() => touch("copies")}
                />
              )}
            </Field>
            <Field
              label="Compression"
              hint="How the batch is compressed on its way to the brokers."
              errors={errorsFor("compression")}
            >
              {(control) => (
                <SelectInput
                  {...control}
                  value={values.compression}
                  onChange={(event) =>
                    set({ compression: COMPRESSIONS.find((c) => c === event.target.value) ?? "none" })
                  }
                >
                  {COMPRESSIONS.map((compression) => (
                    <option key={compression} value={compression}>
                      {compression}
                    </option>
                  ))}
                </SelectInput>
              )}
            </Field>
          </div>
        </fieldset>
        <FormError message={form.formMessage} />
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" variant="primary" disabled={disabled}>
            Send
          </Button>
          <p role="status" className="text-sm text-muted">
            {form.pending ? `Sending ${formatQuantity(Number(values.copies) || 1, "record")}…` : ""}
          </p>
        </div>
      </form>
      {form.result ? <ProduceResultPanel cluster={cluster} result={form.result} /> : null}
    </>
  );
}
