"use client";

import { DialogButtons } from "@/components/ui/DetailParts";
import { useTopicMutation } from "@/components/topics/detail/useTopicMutation";
import { useActionForm } from "@/components/ui/useActionForm";
import { submitAction } from "@/components/ui/useActionMutation";
import { Button } from "@/components/ui/Button";
import { Field, FormError, TextInput } from "@/components/ui/Form";
import { z } from "@/lib/zod";
import { formatInteger, formatQuantity } from "@/lib/format";
import { addPartitionsSchema } from "@/lib/topics/schemas";
import { addPartitions } from "@/server/topics/actions";

/** The action's schema, plus the reason a smaller count is refused, which matters more than its general lower bound. */
function schemaFor(current: number) {
  const more = `Enter more than the current ${formatInteger(current)}: Kafka cannot remove partitions.`;
  return addPartitionsSchema.extend({
    partitions: z
      .number({ error: "Partitions must be a number." })
      .refine((n) => n > current, more)
      .pipe(addPartitionsSchema.shape.partitions),
  });
}

/** Grows the topic to a new total number of partitions. */
export function AddPartitionsForm({
  cluster,
  topic,
  current,
  onDone,
}: {
  cluster: string;
  topic: string;
  current: number;
  onDone: () => void;
}) {
  const mutation = useTopicMutation(cluster, addPartitions, {
    done: (data) => `Topic ${data.name} now has ${formatQuantity(data.partitions, "partition")}.`,
  });
  const form = useActionForm(schemaFor(current), { name: topic, partitions: current + 1 }, mutation);
  const error = form.formState.errors.partitions?.message;

  return (
    <form noValidate onSubmit={submitAction(form, mutation.mutateAsync, onDone)}>
      <p className="mb-4 text-sm">
        <code className="font-mono">{topic}</code> has {formatInteger(current)}{" "}
        {current === 1 ? "partition" : "partitions"} now.
      </p>
      <Field
        label="New number of partitions"
        hint="The new total, not how many to add."
        errors={error ? [error] : undefined}
        warning={
          "Records with keys will go to different partitions from now on: a key's partition depends on " +
          ("the partition count, so records with the same key may land in another partition than before, and " +
            "their order across the change is not kept. Partitions cannot be removed later.")
        }
      >
        {(control) => (
          <TextInput
            {...control}
            type="number"
            inputMode="numeric"
            min={current + 1}
            step={1}
            autoFocus
            {...form.register("partitions", { valueAsNumber: true })}
          />
        )}
      </Field>
      <div className="mt-4">
        <FormError message={mutation.error?.message} />
      </div>
      <DialogButtons>
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={mutation.isPending}>
          {mutation.isPending ? "Adding…" : "Add partitions"}
        </Button>
      </DialogButtons>
    </form>
  );
}
