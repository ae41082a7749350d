"use client";

import { useController, useWatch } from "react-hook-form";
import { TopicField } from "@/components/messages/TopicField";
import { HeadersEditor } from "@/components/produce/HeadersEditor";
import { ProduceResultPanel } from "@/components/produce/ProduceResultPanel";
import { type ProduceFormApi, useProduceForm } from "@/components/produce/useProduceForm";
import { errorsOf } from "@/components/ui/useActionForm";
import { SchemaChoiceField } from "@/components/produce/SchemaChoiceField";
import { ValueField } from "@/components/produce/ValueField";
import { Button } from "@/components/ui/Button";
import { Field, FormControls, FormError, SelectInput, TextInput } from "@/components/ui/Form";
import type { TopicName } from "@/lib/api/types";
import { formatInteger, formatQuantity } from "@/lib/format";
import { COMPRESSIONS, MAX_COPIES } from "@/lib/messages/produce";

function partitionRange(count: number): string {
  return count === 1 ? "1 partition (0)" : `${formatInteger(count)} partitions (0–${formatInteger(count - 1)})`;
}

function PartitionField({ form, topic }: { form: ProduceFormApi; topic: TopicName | undefined }) {
  const typed = useWatch({ control: form.control, name: "partition" }).trim();
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
      errors={errorsOf(form.formState.errors.partition)}
    >
      {(control) => (
        <TextInput
          {...control}
          inputMode="numeric"
          autoComplete="off"
          placeholder="Automatic"
          {...form.register("partition")}
        />
      )}
    </Field>
  );
}

/**
 * The produce form: topic, partition, key, value (text or JSON, or a tombstone), headers, copies and compression,
 * checked with the action's own schema (react-hook-form with produceResolver). When producing is `blocked` every
 * field is disabled (the action refuses anyway). The result of a send shows under the form.
 */
export function ProduceForm({
  cluster,
  initialTopic,
  draftRequested,
  blocked,
  topics,
  topicsFailed,
  refreshTopics,
}: {
  cluster: string;
  initialTopic: string;
  draftRequested: boolean;
  /** Producing is not allowed here (the page says why). */
  blocked: boolean;
  topics: readonly TopicName[] | undefined;
  topicsFailed: boolean;
  /** Reads the topics list again (a topic created a moment ago). */
  refreshTopics?: () => unknown;
}) {
  const { form, mutation, submit, notes } = useProduceForm({ cluster, initialTopic, draftRequested });
  const topicField = useController({ control: form.control, name: "topic" }).field;
  const keySchemaField = useController({ control: form.control, name: "keySchema" }).field;
  const valueSchemaField = useController({ control: form.control, name: "valueSchema" }).field;
  const { errors, isSubmitted } = form.formState;
  const disabled = blocked || mutation.isPending;
  const topic = topics?.find((t) => t.name === topicField.value.trim());
  const formMessage =
    mutation.error?.message ??
    errors.root?.message ??
    (isSubmitted && Object.keys(errors).length > 0 ? "Check the fields marked above." : null);

  return (
    <>
      {notes.length > 0 ? (
        <div
          role="note"
          className={
            "mb-4 max-w-3xl rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm " +
            "text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
          }
        >
          <p className="font-medium">Prefilled from the message, with these changes:</p>
          <ul className="mt-1 list-disc pl-5">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form
        noValidate
        aria-label="Produce"
        onSubmit={(event) => (disabled ? event.preventDefault() : submit(event))}
        className="max-w-3xl"
      >
        <FormControls className="space-y-6">
          <fieldset disabled={disabled} className="space-y-6">
            <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
              <TopicField
                value={topicField.value}
                onChange={topicField.onChange}
                onBlur={topicField.onBlur}
                inputRef={topicField.ref}
                topics={topics}
                loadFailed={topicsFailed}
                refresh={refreshTopics}
                errors={errorsOf(errors.topic)}
              />
              <PartitionField form={form} topic={topic} />
            </div>
            <Field label="Key" hint="Blank: a record without a key." errors={errorsOf(errors.key)}>
              {(control) => (
                <TextInput
                  {...control}
                  className="font-mono"
                  autoComplete="off"
                  spellCheck={false}
                  // The size of a submission (copies × record) is checked at Copies.
                  {...form.register("key", { deps: "copies" })}
                />
              )}
            </Field>
            <SchemaChoiceField
              cluster={cluster}
              topic={topicField.value}
              part="key"
              choice={keySchemaField.value}
              onChange={keySchemaField.onChange}
              errors={errorsOf(errors.keySchema)}
              disabled={disabled}
            />
            <ValueField form={form} />
            <SchemaChoiceField
              cluster={cluster}
              topic={topicField.value}
              part="value"
              choice={valueSchemaField.value}
              onChange={(valueSchema) => {
                valueSchemaField.onChange(valueSchema);
                // A value written with a schema is written as JSON.
                if (valueSchema) form.setValue("valueFormat", "json", { shouldDirty: true });
              }}
              errors={errorsOf(errors.valueSchema)}
              disabled={disabled}
            />
            <HeadersEditor form={form} />
            <div className="grid gap-4 sm:grid-cols-2">
              <Field
                label="Copies"
                hint={`Send the record this many times (at most ${formatInteger(MAX_COPIES)}).`}
                errors={errorsOf(errors.copies)}
              >
                {(control) => (
                  <TextInput {...control} inputMode="numeric" autoComplete="off" {...form.register("copies")} />
                )}
              </Field>
              <Field
                label="Compression"
                hint="How the batch is compressed on its way to the brokers."
                errors={errorsOf(errors.compression)}
              >
                {(control) => (
                  <SelectInput {...control} {...form.register("compression")}>
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
          <FormError message={formMessage} />
          <div className="flex flex-wrap items-center gap-4">
            <Button type="submit" variant="primary" disabled={disabled}>
              Send
            </Button>
            <p role="status" className="text-sm text-muted">
              {mutation.isPending ? `Sending ${formatQuantity(mutation.variables?.copies ?? 1, "record")}…` : ""}
            </p>
          </div>
        </FormControls>
      </form>
      {mutation.data ? <ProduceResultPanel cluster={cluster} result={mutation.data} /> : null}
    </>
  );
}
