"use client";

import { type Ref, useEffect, useId, useRef } from "react";
import { Field, TextInput } from "@/components/ui/Form";
import type { TopicName } from "@/lib/api/types";
import { formatQuantity } from "@/lib/format";

/** What the hint says about the typed topic, from the cluster's topic names when they have loaded. */
function topicHint(name: string, topics: readonly TopicName[] | undefined, loadFailed: boolean): string {
  if (loadFailed) return "Could not load the list of topics; type the name.";
  if (!topics) return "Loading the list of topics…";
  const topic = topics.find((t) => t.name === name.trim());
  if (topic) return `${formatQuantity(topic.partitions, "partition")}${topic.internal ? ", internal" : ""}.`;
  if (name.trim() !== "") return "No topic of that name in the list (it may be new).";
  return `Type to pick one of ${formatQuantity(topics.length, "topic")}.`;
}

/** How often, and how many times per name, the list is read again while the typed topic is not in it. */
const RECHECK_MS = 1_500;
const RECHECKS = 5;

/**
 * A topic name, typed or picked from the cluster's topics (a native datalist: the browser filters it as one types,
 * with the keyboard). Topic names are only ever text here.
 */
export function TopicField({
  value,
  onChange,
  onBlur,
  inputRef,
  topics,
  loadFailed,
  errors,
  disabled,
  className,
  refresh,
}: {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** The input, for a form that moves to its first field with a problem. */
  inputRef?: Ref<HTMLInputElement>;
  topics: readonly TopicName[] | undefined;
  loadFailed: boolean;
  errors: readonly string[] | undefined;
  disabled?: boolean;
  className?: string;
  /**
   * Reads the topics list again. Called a few times while the typed name is not in the list: a topic created a moment
   * ago (elsewhere, or just before this page loaded) shows up without a reload.
   */
  refresh?: () => unknown;
}) {
  const listId = useId();
  const name = value.trim();
  const missing = topics !== undefined && name !== "" && !topics.some((t) => t.name === name);
  const rechecks = useRef({ name: "", count: 0 });
  useEffect(() => {
    if (!missing || !refresh) return;
    if (rechecks.current.name !== name) rechecks.current = { name, count: 0 };
    if (rechecks.current.count >= RECHECKS) return;
    const timer = window.setTimeout(() => {
      rechecks.current.count += 1;
      refresh();
    }, RECHECK_MS);
    return () => window.clearTimeout(timer);
  }, [missing, name, refresh, topics]);
  return (
    <Field label="Topic" hint={topicHint(value, topics, loadFailed)} errors={errors} className={className}>
      {(control) => (
        <>
          <TextInput
            {...control}
            ref={inputRef}
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
