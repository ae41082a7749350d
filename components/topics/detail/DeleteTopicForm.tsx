"use client";

import { useTopicMutation } from "@/components/topics/detail/useTopicMutation";
import { ConfirmByTypingForm } from "@/components/ui/ConfirmByTypingForm";
import type { TopicResponse } from "@/lib/api/types";
import { formatInteger } from "@/lib/format";
import { deleteTopicSchema } from "@/lib/topics/schemas";
import { deleteTopic } from "@/server/topics/actions";

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
  const mutation = useTopicMutation(cluster, deleteTopic, {
    refresh: false,
    done: (data) => `Topic ${data.name} deleted.`,
  });
  const groups = topic.consumerGroups.length;
  return (
    <ConfirmByTypingForm
      expected={topic.name}
      what="topic name"
      schema={deleteTopicSchema}
      toInput={(confirmation) => ({ name: topic.name, confirmation })}
      mutation={mutation}
      submitLabel="Delete topic"
      pendingLabel="Deleting…"
      onCancel={onCancel}
      onConfirmed={onDeleted}
      warning={
        <p>
          The topic and its {formatInteger(topic.messages)} {topic.messages === 1 ? "message" : "messages"} will be
          deleted on every broker. This cannot be undone.
          {groups > 0 ? ` ${formatInteger(groups)} consumer ${groups === 1 ? "group reads" : "groups read"} it.` : null}
          {topic.internal ? " This is an internal topic that Kafka itself relies on." : null}
        </p>
      }
    />
  );
}
