"use client";

import { DialogButtons } from "@/components/ui/DetailParts";
import { useTopicMutation } from "@/components/topics/detail/useTopicMutation";
import { useActionForm } from "@/components/ui/useActionForm";
import { submitAction } from "@/components/ui/useActionMutation";
import { Button } from "@/components/ui/Button";
import { FormError } from "@/components/ui/Form";
import type { TopicResponse } from "@/lib/api/types";
import { formatInteger, formatQuantity } from "@/lib/format";
import { purgeTopicSchema } from "@/lib/topics/schemas";
import { purgeTopic } from "@/server/topics/actions";

const messages = (count: number): string => formatQuantity(count, "message");
/** The count is the topic's total, never a number per partition. */
const wholeWords = (count: number, partitions: number): string =>
  `All ${messages(count)} of the topic, in its ${formatQuantity(partitions, "partition")}, will be deleted`;
const chosenWords = (count: number, chosen: number): string =>
  `${messages(count)} in ${formatInteger(chosen)} chosen ${chosen === 1 ? "partition" : "partitions"} will be deleted`;

/**
 * Deletes every record below the high watermark, in the whole topic or in the chosen partitions. The count comes
 * from the watermarks of the last refresh; records written meanwhile are deleted too.
 */
export function PurgeForm({ cluster, topic, onDone }: { cluster: string; topic: TopicResponse; onDone: () => void }) {
  const mutation = useTopicMutation(cluster, purgeTopic, {
    groups: true,
    done: (data) =>
      `Purged ${formatQuantity(data.partitions.length, "partition")} of topic ${data.name}. The size on disk ` +
      "shrinks only when Kafka deletes the old log segments, usually within a few minutes.",
  });
  // No partitions: the whole topic; a list: only those.
  const form = useActionForm(purgeTopicSchema, { name: topic.name }, mutation);
  const picked = form.watch("partitions");
  const whole = picked === undefined;
  const chosen = new Set(picked ?? []);

  const partitions = [...topic.partitions].sort((a, b) => a.partition - b.partition);
  const selected = whole ? partitions : partitions.filter((p) => chosen.has(p.partition));
  const count = selected.reduce((sum, p) => sum + p.messages, 0);
  const compactOnly =
    topic.cleanupPolicy !== null &&
    !topic.cleanupPolicy
      .split(",")
      .map((p) => p.trim())
      .includes("delete");

  function choose(next: readonly number[] | undefined) {
    form.setValue("partitions", next === undefined ? undefined : [...next].sort((a, b) => a - b), {
      shouldValidate: form.formState.isSubmitted,
      shouldDirty: true,
    });
  }

  function toggle(partition: number) {
    const next = new Set(chosen);
    if (!next.delete(partition)) next.add(partition);
    choose([...next]);
  }

  const partitionError = form.formState.errors.partitions?.message;
  const partitionErrors = partitionError ? [partitionError] : undefined;

  return (
    <form noValidate onSubmit={submitAction(form, mutation.mutateAsync, onDone)} className="space-y-4">
      <fieldset>
        <legend className="text-sm font-medium">What to purge</legend>
        <div className="mt-2 space-y-1 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="purge-scope" checked={whole} onChange={() => choose(undefined)} />
            Whole topic ({formatInteger(partitions.length)} {partitions.length === 1 ? "partition" : "partitions"})
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="purge-scope" checked={!whole} onChange={() => choose([...chosen])} />
            Chosen partitions
          </label>
        </div>
      </fieldset>
      {whole ? null : (
        <fieldset aria-describedby={partitionErrors ? "purge-partitions-error" : undefined}>
          <legend className="text-sm font-medium">Partitions</legend>
          <div
            className={
              "mt-2 grid max-h-56 grid-cols-1 gap-1 overflow-y-auto rounded-md border border-line " +
              "p-2 text-sm sm:grid-cols-2"
            }
          >
            {partitions.map((p) => (
              <label key={p.partition} className="flex items-center gap-2">
                <input type="checkbox" checked={chosen.has(p.partition)} onChange={() => toggle(p.partition)} />
                Partition {p.partition}
                <span className="text-muted">· {messages(p.messages)}</span>
              </label>
            ))}
          </div>
          {partitionErrors ? (
            <p id="purge-partitions-error" className="mt-1 text-xs font-medium text-red-700 dark:text-red-300">
              {partitionErrors.join(" ")}
            </p>
          ) : null}
        </fieldset>
      )}
      <p
        className={
          "rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 " +
          "dark:border-red-800 dark:bg-red-950/40 dark:text-red-100"
        }
      >
        {whole ? wholeWords(count, partitions.length) : chosenWords(count, selected.length)} (by the last watermarks
        read), along with anything written before the purge runs. This cannot be undone. The size on disk shrinks only
        when Kafka deletes the old log segments, a few minutes later.
      </p>
      {compactOnly ? (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          This topic&apos;s cleanup policy is {topic.cleanupPolicy}: Kafka refuses to delete records from a topic that
          does not have the delete policy.
        </p>
      ) : null}
      <FormError message={mutation.error?.message} />
      <DialogButtons>
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="danger" disabled={mutation.isPending}>
          {mutation.isPending ? "Purging…" : "Purge messages"}
        </Button>
      </DialogButtons>
    </form>
  );
}
