"use client";

import { type FormEvent, useState } from "react";
import { DialogButtons } from "@/components/topics/detail/DetailParts";
import { useTopicAdmin } from "@/components/topics/detail/TopicAdmin";
import { errorsFor, type FieldErrors, useTopicAction, validate } from "@/components/topics/detail/useTopicAction";
import { Button } from "@/components/ui/Button";
import { Field, FormError, TextInput } from "@/components/ui/Form";
import type { TopicResponse } from "@/lib/api/types";
import { formatInteger } from "@/lib/format";
import { deleteTopicSchema } from "@/lib/topics/schemas";

/**
 * Deletes the topic once its name is typed. The caller (`onDeleted`) leaves the page and updates the caches: the
 * topic's own query must stop before it is removed, or it would ask for a topic that no longer exists.
 */
export function DeleteTopicForm({
  cluster,
  topic,
  onCancel,
  onDeleted,
}: {
  cluster: string;
  topic: TopicResponse;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const [confirmation, setConfirmation] = useState("");
  const [checked, setChecked] = useState<FieldErrors | null>(null);
  const { deleteTopic } = useTopicAdmin();
  const action = useTopicAction(cluster, topic.name, deleteTopic, { refresh: false });
  const matches = confirmation === topic.name;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { name: topic.name, confirmation };
    const errors = validate(deleteTopicSchema, input);
    setChecked(errors);
    if (Object.keys(errors).length > 0) return;
    const result = await action.run(input);
    if (result.ok) onDeleted();
  }

  const groups = topic.consumerGroups.length;
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="space-y-4">
      <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100">
        The topic and its {formatInteger(topic.messages)} {topic.messages === 1 ? "message" : "messages"} will be deleted on every
        broker. This cannot be undone.
        {groups > 0 ? ` ${formatInteger(groups)} consumer ${groups === 1 ? "group reads" : "groups read"} it.` : null}
        {topic.internal ? " This is an internal topic that Kafka itself relies on." : null}
      </p>
      <Field
        label={
          <>
            Type the topic name <code className="font-mono break-all">{topic.name}</code> to confirm
          </>
        }
        errors={errorsFor("confirmation", checked ?? {}, action.fieldErrors)}
      >
        {(control) => (
          <TextInput
            {...control}
            className="font-mono"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            value={confirmation}
            onChange={(event) => {
              setConfirmation(event.target.value);
              if (checked !== null) setChecked(validate(deleteTopicSchema, { name: topic.name, confirmation: event.target.value }));
            }}
          />
        )}
      </Field>
      <FormError message={action.message} />
      <DialogButtons>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="danger" disabled={!matches || action.pending}>
          {action.pending ? "Deleting…" : "Delete topic"}
        </Button>
      </DialogButtons>
    </form>
  );
}
