"use client";

import { type FormEvent, useState } from "react";
import { DialogButtons } from "@/components/ui/DetailParts";
import { useTopicAdmin } from "@/components/topics/detail/TopicAdmin";
import { useTopicAction } from "@/components/topics/detail/useTopicAction";
import { errorsFor, type FieldErrors, validate } from "@/components/ui/useServerAction";
import { Button } from "@/components/ui/Button";
import { Field, FormError, TextInput } from "@/components/ui/Form";
import { formatInteger, formatQuantity } from "@/lib/format";
import { addPartitionsSchema, type AddPartitionsInput } from "@/lib/topics/schemas";

function check(input: AddPartitionsInput, current: number): FieldErrors {
  const errors = validate(addPartitionsSchema, input);
  // The reason a smaller count is refused matters more than the schema's general lower bound.
  if (Number.isInteger(input.partitions) && input.partitions <= current) {
    errors.partitions = [`Enter more than the current ${formatInteger(current)}: Kafka cannot remove partitions.`];
  }
  return errors;
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
  const [text, setText] = useState(String(current + 1));
  const [checked, setChecked] = useState<FieldErrors | null>(null);
  const { addPartitions } = useTopicAdmin();
  const action = useTopicAction(cluster, addPartitions, {
    done: (data) => `Topic ${data.name} now has ${formatQuantity(data.partitions, "partition")}.`,
  });
  const input = (value: string): AddPartitionsInput => ({
    name: topic,
    partitions: value.trim() === "" ? Number.NaN : Number(value),
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = check(input(text), current);
    setChecked(errors);
    if (Object.keys(errors).length > 0) return;
    const result = await action.run(input(text));
    if (result.ok) onDone();
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <p className="mb-4 text-sm">
        <code className="font-mono">{topic}</code> has {formatInteger(current)}{" "}
        {current === 1 ? "partition" : "partitions"} now.
      </p>
      <Field
        label="New number of partitions"
        hint="The new total, not how many to add."
        errors={errorsFor("partitions", checked ?? {}, action.fieldErrors)}
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
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              if (checked !== null) setChecked(check(input(event.target.value), current));
            }}
          />
        )}
      </Field>
      <div className="mt-4">
        <FormError message={action.message} />
      </div>
      <DialogButtons>
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={action.pending}>
          {action.pending ? "Adding…" : "Add partitions"}
        </Button>
      </DialogButtons>
    </form>
  );
}
