"use client";

import { useId } from "react";
import { Field, TextInput } from "@/components/ui/Form";
import type { TopicSummary } from "@/lib/api/types";
import { formatQuantity } from "@/lib/format";

/** What the hint says about the typed topic, from the topics list when it has loaded. */
function topicHint(name: string, topics: readonly TopicSummary[] | undefined, loadFailed: boolean): string {
  if (loadFailed) return "Could not load the list of topics; type the name.";
  if (!topics) return "Loading the list of topics…";
  const topic = topics.find((t) => t.name === name.trim());
  if (topic) return `${formatQuantity(topic.partitions, "partition")}, ${formatQuantity(topic.messages, "message")} kept.`;
  if (name.trim() !== "") return "No topic of that name in the list (it may be new).";
  return `Type to pick one of ${formatQuantity(topics.length, "topic")}.`;
}

/**
 * A topic name, typed or picked from the cluster's topics (a native datalist: the browser filters it as one types,
 * with the keyboard). Topic names are only ever text here.
 */
export function TopicField({
  value,
  onChange,
  onBlur,
  topics,
  loadFailed,
  errors,
  disabled,
  className,
}: {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  topics: readonly TopicSummary[] | undefined;
  loadFailed: boolean;
  errors: readonly string[] | undefined;
  disabled?: boolean;
  className?: string;
}) {
  const listId = useId();
  return (
    <Field label="Topic" hint={topicHint(value, topics, loadFailed)} errors={errors} className={className}>
      {(control) => (
        <>
          <TextInput
            {...control}
            list={listId}
            autoComplete="off"
            spellCheck={false}
            value={value}
            disabled={disabled}
            onChange={(event) => onChange(event.target.value)}
            onBlur={onBlur}
          />
          <datalist id={listId}>
            {(topics ?? []).map((topic) => (
              <option key={topic.name} value={topic.name} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
