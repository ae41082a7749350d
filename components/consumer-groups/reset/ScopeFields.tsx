"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import type { ResetBinding } from "@/components/consumer-groups/reset/useResetForm";
import { Button } from "@/components/ui/Button";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { Field, SelectInput, TextInput } from "@/components/ui/Form";
import { errorsOf } from "@/components/ui/useActionForm";
import { isApiRequestError } from "@/lib/api/client";
import type { GroupPartitionOffset } from "@/lib/api/types";
import { formatInteger } from "@/lib/format";
import { partitionsWords } from "@/lib/groups/display";
import { chosenTopic, OTHER_TOPIC, type ScopeKind } from "@/lib/groups/reset-form";
import { topicQuery } from "@/lib/query/options";
import { topicNameSchema } from "@/lib/topics/schemas";

const SCOPES: { kind: ScopeKind; label: string }[] = [
  { kind: "all", label: "All topics of the group" },
  { kind: "topic", label: "One topic" },
  { kind: "partitions", label: "Chosen partitions of one topic" },
];

/** What the group has on a partition now, beside its checkbox. */
function partitionNote(offset: GroupPartitionOffset | undefined): string {
  if (!offset || offset.committedOffset === null) return "no committed offset";
  return offset.lag === null ? "committed" : `lag ${formatInteger(offset.lag)}`;
}

/** The partitions of the chosen topic (read from the topic itself: the group may not have offsets on every one). */
function PartitionChoices({
  cluster,
  topic,
  offsets,
  bind,
}: {
  cluster: string;
  topic: string;
  offsets: readonly GroupPartitionOffset[];
  bind: ResetBinding;
}) {
  const errorId = useId();
  const { data, error, isPending, refetch } = useQuery({
    ...topicQuery(cluster, topic),
    enabled: topicNameSchema.safeParse(topic).success,
  });
  const errors = errorsOf(bind.form.formState.errors.partitions);
  if (!topicNameSchema.safeParse(topic).success) return null;
  if (isPending) return <p className="text-sm text-muted">Reading the partitions of {topic}…</p>;
  if (!data) {
    if (isApiRequestError(error) && error.code === "not_found")
      return <p className="text-sm text-red-700 dark:text-red-300">No topic named {topic} in this cluster.</p>;
    return (
      <ErrorMessage
        title={`Could not read the partitions of ${topic}`}
        error={error}
        onRetry={() => {
          void refetch();
        }}
      />
    );
  }
  const all = data.partitions.map((p) => p.partition).sort((a, b) => a - b);
  const chosen = new Set(bind.values.partitions);
  // A choice is checked at once: "Choose none" says that one is needed.
  const choose = (partitions: number[]) =>
    bind.form.setValue("partitions", partitions, { shouldDirty: true, shouldTouch: true, shouldValidate: true });
  const toggle = (partition: number) =>
    choose(
      chosen.has(partition)
        ? bind.values.partitions.filter((p) => p !== partition)
        : [...bind.values.partitions, partition],
    );
  return (
    <fieldset aria-describedby={errors ? errorId : undefined} disabled={bind.disabled}>
      <legend className="text-sm font-medium">Partitions of {topic}</legend>
      <div className="mt-1 flex gap-2">
        <Button className="px-2 py-0.5 text-xs" onClick={() => choose(all)}>
          Choose all {formatInteger(all.length)}
        </Button>
        <Button className="px-2 py-0.5 text-xs" onClick={() => choose([])}>
          Choose none
        </Button>
      </div>
      <div
        className={
          "mt-2 grid max-h-56 grid-cols-1 gap-1 overflow-y-auto rounded-md border border-line p-2 " +
          "text-sm sm:grid-cols-2 lg:grid-cols-3"
        }
      >
        {all.map((partition) => (
          <label key={partition} className="flex items-center gap-2">
            <input type="checkbox" checked={chosen.has(partition)} onChange={() => toggle(partition)} />
            Partition {partition}
            <span className="text-muted">
              · {partitionNote(offsets.find((o) => o.topic === topic && o.partition === partition))}
            </span>
          </label>
        ))}
      </div>
      {errors ? (
        <p id={errorId} className="mt-1 text-xs font-medium text-red-700 dark:text-red-300">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Which partitions the reset moves: every one the group has offsets on, one topic, or chosen partitions of one. */
export function ScopeFields({
  cluster,
  groupTopics,
  offsets,
  bind,
}: {
  cluster: string;
  groupTopics: readonly string[];
  offsets: readonly GroupPartitionOffset[];
  bind: ResetBinding;
}) {
  const { form, values, disabled } = bind;
  const { errors } = form.formState;
  const topic = chosenTopic(values);
  // Another topic has other partitions.
  const forgetPartitions = () => {
    form.setValue("partitions", []);
    form.setValue("partitionOffsets", {});
  };
  return (
    <div className="space-y-4">
      <fieldset disabled={disabled}>
        <legend className="text-sm font-medium">Which partitions</legend>
        <div className="mt-2 space-y-1 text-sm">
          {SCOPES.map((scope) => (
            <div key={scope.kind} className="flex flex-wrap items-center gap-x-2">
              <label className="flex items-center gap-2">
                <input type="radio" value={scope.kind} {...form.register("scope")} />
                {scope.label}
              </label>
              {scope.kind === "all" ? (
                <span className="text-muted">
                  ({formatInteger(groupTopics.length)} {groupTopics.length === 1 ? "topic" : "topics"},{" "}
                  {partitionsWords(offsets.length)})
                </span>
              ) : null}
            </div>
          ))}
        </div>
      </fieldset>
      {values.scope === "all" ? null : (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Topic"
            hint={groupTopics.length === 0 ? "The group has offsets on no topic yet: type one." : undefined}
            errors={errorsOf(errors.topicChoice)}
          >
            {(control) => (
              <SelectInput {...control} {...form.register("topicChoice", { onChange: forgetPartitions })}>
                {groupTopics.map((candidate) => (
                  <option key={candidate} value={candidate}>
                    {candidate}
                  </option>
                ))}
                <option value={OTHER_TOPIC}>Another topic…</option>
              </SelectInput>
            )}
          </Field>
          {values.topicChoice === OTHER_TOPIC ? (
            <Field label="Topic name" hint="An existing topic of this cluster." errors={errorsOf(errors.otherTopic)}>
              {(control) => (
                <TextInput
                  {...control}
                  autoComplete="off"
                  spellCheck={false}
                  {...form.register("otherTopic", { onChange: forgetPartitions })}
                />
              )}
            </Field>
          ) : null}
        </div>
      )}
      {values.scope === "partitions" ? (
        <PartitionChoices cluster={cluster} topic={topic} offsets={offsets} bind={bind} />
      ) : null}
    </div>
  );
}
