"use client";

import { useId } from "react";
import { DialogButtons } from "@/components/ui/DetailParts";
import { useTopicMutation } from "@/components/topics/detail/useTopicMutation";
import { useActionForm } from "@/components/ui/useActionForm";
import { submitAction } from "@/components/ui/useActionMutation";
import { Button } from "@/components/ui/Button";
import { Field, FormError, TextInput } from "@/components/ui/Form";
import type { TopicConfigEntry } from "@/lib/api/types";
import { CONFIG_SOURCE_LABELS, formatConfigValue } from "@/lib/topics/configs";
import { alterTopicConfigsSchema } from "@/lib/topics/schemas";
import { alterTopicConfigs } from "@/server/topics/actions";

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

/** The config change as a mutation: on success the topic and its list refresh, and a toast says what changed. */
function useAlterConfigs(cluster: string) {
  return useTopicMutation(cluster, alterTopicConfigs, {
    done: (data) =>
      data.set.length > 0
        ? `${data.set.join(", ")} of topic ${data.name} changed.`
        : `${data.reset.join(", ")} of topic ${data.name} reset to the default.`,
  });
}

/** A form setting one config: its key and value checked with the action's schema. */
function useSetConfigForm(cluster: string, topic: string, key: string, value: string) {
  const mutation = useAlterConfigs(cluster);
  const form = useActionForm(alterTopicConfigsSchema, { name: topic, set: [{ key, value }], reset: [] }, mutation);
  const errors = form.formState.errors.set?.[0];
  const words = (message: string | undefined) => (message ? [message] : undefined);
  return { mutation, form, keyErrors: words(errors?.key?.message), valueErrors: words(errors?.value?.message) };
}

/** Sets one config on the topic (an override), leaving every other key as it is. */
export function EditConfigForm({ entry, cluster, topic, onDone }: FormProps & { entry: TopicConfigEntry }) {
  const initial = entry.sensitive ? "" : (entry.value ?? "");
  const { mutation, form, valueErrors } = useSetConfigForm(cluster, topic, entry.name, initial);
  const value = form.watch("set.0.value");
  const current = formatConfigValue(entry.name, entry.value, entry.sensitive);

  return (
    <form noValidate onSubmit={submitAction(form, mutation.mutateAsync, onDone)}>
      <p className="mb-4 text-sm text-muted">
        Now: {current.text}
        {current.kind === "formatted" ? ` (${entry.value ?? ""})` : null} · {CONFIG_SOURCE_LABELS[entry.source]}
      </p>
      <Field label={`New value of ${entry.name}`} hint={preview(entry.name, value ?? "")} errors={valueErrors}>
        {(control) => <TextInput {...control} className="font-mono" autoFocus {...form.register("set.0.value")} />}
      </Field>
      <div className="mt-4">
        <FormError message={mutation.error?.message} />
      </div>
      <DialogButtons>
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : "Save"}
        </Button>
      </DialogButtons>
    </form>
  );
}

/** Removes the topic's override of one config, so the broker's or Kafka's default applies again. */
export function ResetConfigForm({ entry, cluster, topic, onDone }: FormProps & { entry: TopicConfigEntry }) {
  const mutation = useAlterConfigs(cluster);
  const form = useActionForm(alterTopicConfigsSchema, { name: topic, set: [], reset: [entry.name] }, mutation);
  const current = formatConfigValue(entry.name, entry.value, entry.sensitive);

  return (
    <form noValidate onSubmit={submitAction(form, mutation.mutateAsync, onDone)}>
      <p className="text-sm">
        Remove the override of <code className="font-mono">{entry.name}</code> (now {current.text}) from this topic? The
        value set on the broker, or Kafka&apos;s default, applies again.
      </p>
      <div className="mt-4">
        <FormError message={mutation.error?.message} />
      </div>
      <DialogButtons>
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={mutation.isPending} autoFocus>
          {mutation.isPending ? "Resetting…" : "Reset to default"}
        </Button>
      </DialogButtons>
    </form>
  );
}

/** Sets a config by name, including one the topic does not list yet. `known` suggests the names Kafka reported. */
export function AddOverrideForm({ known, cluster, topic, onDone }: FormProps & { known: readonly string[] }) {
  const listId = useId();
  const { mutation, form, keyErrors, valueErrors } = useSetConfigForm(cluster, topic, "", "");
  const [key, value] = form.watch(["set.0.key", "set.0.value"]);

  return (
    <form noValidate onSubmit={submitAction(form, mutation.mutateAsync, onDone)} className="space-y-4">
      <Field label="Config name" hint="For example retention.ms or max.message.bytes." errors={keyErrors}>
        {(control) => (
          <TextInput
            {...control}
            className="font-mono"
            autoFocus
            list={listId}
            autoComplete="off"
            spellCheck={false}
            {...form.register("set.0.key", { setValueAs: (v: string) => v.trim() })}
          />
        )}
      </Field>
      <datalist id={listId}>
        {known.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <Field label="Value" hint={preview((key ?? "").trim(), value ?? "")} errors={valueErrors}>
        {(control) => (
          <TextInput {...control} className="font-mono" spellCheck={false} {...form.register("set.0.value")} />
        )}
      </Field>
      <FormError message={mutation.error?.message} />
      <DialogButtons>
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : "Add override"}
        </Button>
      </DialogButtons>
    </form>
  );
}
