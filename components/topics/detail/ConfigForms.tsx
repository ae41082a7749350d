"use client";

import { type FormEvent, useId, useState } from "react";
import { DialogButtons } from "@/components/ui/DetailParts";
import { useTopicAdmin } from "@/components/topics/detail/TopicAdmin";
import { useTopicAction } from "@/components/topics/detail/useTopicAction";
import { errorsFor, type FieldErrors, validate } from "@/components/ui/useServerAction";
import { Button } from "@/components/ui/Button";
import { Field, FormError, TextInput } from "@/components/ui/Form";
import type { TopicConfigEntry } from "@/lib/api/types";
import { CONFIG_SOURCE_LABELS, formatConfigValue } from "@/lib/topics/configs";
import { type AlterTopicConfigsInput, alterTopicConfigsSchema } from "@/lib/topics/schemas";

interface FormProps {
  cluster: string;
  topic: string;
  onDone: () => void;
}

/** How a typed value will read in the table ("Shown as 7 d"), when formatting changes it. */
function preview(key: string, value: string): string | undefined {
  const shown = formatConfigValue(key, value);
  return shown.kind === "formatted" ? `Shown as ${shown.text}.` : undefined;
}

/** Field errors of the form's own check (after the first submit) and of the action, and the form's message. */
function useAlterConfigs({ cluster, onDone }: FormProps) {
  const { alterTopicConfigs } = useTopicAdmin();
  const action = useTopicAction(cluster, alterTopicConfigs, {
    done: (data) =>
      data.set.length > 0
        ? `${data.set.join(", ")} of topic ${data.name} changed.`
        : `${data.reset.join(", ")} of topic ${data.name} reset to the default.`,
  });
  const [checked, setChecked] = useState<FieldErrors | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>, input: AlterTopicConfigsInput) {
    event.preventDefault();
    const errors = validate(alterTopicConfigsSchema, input);
    setChecked(errors);
    if (Object.keys(errors).length > 0) return;
    const result = await action.run(input);
    if (result.ok) onDone();
  }

  /** Re-checks as the person types, once they have tried to submit. */
  function recheck(input: AlterTopicConfigsInput) {
    if (checked !== null) setChecked(validate(alterTopicConfigsSchema, input));
  }

  const local = checked ?? {};
  const formMessage = action.message ?? errorsFor("", local)?.join(" ") ?? null;
  return {
    ...action,
    submit,
    recheck,
    errors: (key: string) => errorsFor(key, local, action.fieldErrors),
    formMessage,
  };
}

/** Sets one config on the topic (an override), leaving every other key as it is. */
export function EditConfigForm({ entry, ...props }: FormProps & { entry: TopicConfigEntry }) {
  const [value, setValue] = useState(entry.sensitive ? "" : (entry.value ?? ""));
  const form = useAlterConfigs(props);
  const input = (next: string): AlterTopicConfigsInput => ({
    name: props.topic,
    set: [{ key: entry.name, value: next }],
    reset: [],
  });
  const current = formatConfigValue(entry.name, entry.value, entry.sensitive);

  return (
    <form noValidate onSubmit={(event) => void form.submit(event, input(value))}>
      <p className="mb-4 text-sm text-muted">
        Now: {current.text}
        {current.kind === "formatted" ? ` (${entry.value ?? ""})` : null} · {CONFIG_SOURCE_LABELS[entry.source]}
      </p>
      <Field label={`New value of ${entry.name}`} hint={preview(entry.name, value)} errors={form.errors("set.0.value")}>
        {(control) => (
          <TextInput
            {...control}
            className="font-mono"
            autoFocus
            value={value}
            onChange={(event) => {
              setValue(event.target.value);
              form.recheck(input(event.target.value));
            }}
          />
        )}
      </Field>
      <div className="mt-4">
        <FormError message={form.formMessage} />
      </div>
      <DialogButtons>
        <Button onClick={props.onDone}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={form.pending}>
          {form.pending ? "Saving…" : "Save"}
        </Button>
      </DialogButtons>
    </form>
  );
}

/** Removes the topic's override of one config, so the broker's or Kafka's default applies again. */
export function ResetConfigForm({ entry, ...props }: FormProps & { entry: TopicConfigEntry }) {
  const form = useAlterConfigs(props);
  const current = formatConfigValue(entry.name, entry.value, entry.sensitive);

  return (
    <form noValidate onSubmit={(event) => void form.submit(event, { name: props.topic, set: [], reset: [entry.name] })}>
      <p className="text-sm">
        Remove the override of <code className="font-mono">{entry.name}</code> (now {current.text}) from this topic? The
        value set on the broker, or Kafka&apos;s default, applies again.
      </p>
      <div className="mt-4">
        <FormError message={form.formMessage} />
      </div>
      <DialogButtons>
        <Button onClick={props.onDone}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={form.pending} autoFocus>
          {form.pending ? "Resetting…" : "Reset to default"}
        </Button>
      </DialogButtons>
    </form>
  );
}

/** Sets a config by name, including one the topic does not list yet. `known` suggests the names Kafka reported. */
export function AddOverrideForm({ known, ...props }: FormProps & { known: readonly string[] }) {
  const listId = useId();
  const [key, setKey] = useState("");
  const [value, setValue] = useState("");
  const form = useAlterConfigs(props);
  const input = (nextKey: string, nextValue: string): AlterTopicConfigsInput => ({
    name: props.topic,
    set: [{ key: nextKey.trim(), value: nextValue }],
    reset: [],
  });

  return (
    <form noValidate onSubmit={(event) => void form.submit(event, input(key, value))} className="space-y-4">
      <Field
        label="Config name"
        hint="For example retention.ms or max.message.bytes."
        errors={form.errors("set.0.key")}
      >
        {(control) => (
          <TextInput
            {...control}
            className="font-mono"
            autoFocus
            list={listId}
            autoComplete="off"
            spellCheck={false}
            value={key}
            onChange={(event) => {
              setKey(event.target.value);
              form.recheck(input(event.target.value, value));
            }}
          />
        )}
      </Field>
      <datalist id={listId}>
        {known.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <Field label="Value" hint={preview(key.trim(), value)} errors={form.errors("set.0.value")}>
        {(control) => (
          <TextInput
            {...control}
            className="font-mono"
            spellCheck={false}
            value={value}
            onChange={(event) => {
              setValue(event.target.value);
              form.recheck(input(key, event.target.value));
            }}
          />
        )}
      </Field>
      <FormError message={form.formMessage} />
      <DialogButtons>
        <Button onClick={props.onDone}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={form.pending}>
          {form.pending ? "Saving…" : "Add override"}
        </Button>
      </DialogButtons>
    </form>
  );
}
