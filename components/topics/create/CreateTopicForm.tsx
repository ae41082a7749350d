"use client";

import { Link } from "@/components/ui/Link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import type { Path, UseFormSetError } from "react-hook-form";
import {
  type CreateTopicValues,
  createTopicResolver,
  defaultReplicationFactor,
  FIELD_KEYS,
  FIELD_OF,
  FIELD_VALUE,
  type FieldKey,
  formPathOf,
  INITIAL_VALUES,
  nameWarning,
  toCreateTopicInput,
} from "@/lib/topics/create-form";
import { ExtraConfigsField } from "@/components/topics/create/ExtraConfigsField";
import { TopicConfigFields } from "@/components/topics/create/TopicConfigFields";
import { Button } from "@/components/ui/Button";
import { Field, FormControls, FormError, TextInput } from "@/components/ui/Form";
import { useActionForm } from "@/components/ui/useActionForm";
import { submitAction, useActionMutation } from "@/components/ui/useActionMutation";
import { formatInteger } from "@/lib/format";
import { queryKeys } from "@/lib/query/keys";
import { clusterPath, topicPath } from "@/lib/routes";
import { createTopic } from "@/server/topics/actions";

/** Online brokers: a count, or why there is none yet. */
export type OnlineBrokers = number | "loading" | "error";

function brokersHint(online: OnlineBrokers): string {
  if (online === "loading") return "Counting the online brokers…";
  if (online === "error") return "Could not count the online brokers.";
  return `${formatInteger(online)} ${online === 1 ? "broker" : "brokers"} online.`;
}

function replicationWarning(online: OnlineBrokers, replicationFactor: number): string | undefined {
  if (typeof online !== "number" || !Number.isInteger(replicationFactor) || replicationFactor <= online)
    return undefined;
  return (
    `More replicas than brokers online: Kafka refuses this until ${formatInteger(replicationFactor)} ` +
    `brokers are up.`
  );
}

/**
 * Name, partitions, replication factor and the common configs of a new topic, checked with the schema the server
 * action uses: a field's errors show once it has been left (or the form submitted), then follow the typing.
 */
export function CreateTopicForm({
  cluster,
  existingNames,
  onlineBrokers,
}: {
  cluster: string;
  existingNames: readonly string[] | undefined;
  onlineBrokers: OnlineBrokers;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const touched = useRef(new Set<keyof CreateTopicValues>());
  const [created, setCreated] = useState<string | null>(null);
  const [navigating, startNavigation] = useTransition();
  const mutation = useActionMutation(
    cluster,
    createTopic,
    () => [queryKeys.topics(cluster), queryKeys.overview(cluster)],
    (data) => `Topic ${data.name} created.`,
  );
  const defaultRf = typeof onlineBrokers === "number" ? defaultReplicationFactor(onlineBrokers) : undefined;
  const form = useActionForm(createTopicResolver(defaultRf), INITIAL_VALUES, mutation);
  const values = form.watch();
  const input = toCreateTopicInput(values, defaultRf);
  const { errors, isSubmitted, submitCount } = form.formState;

  // After a refused submit, once React has rendered the errors: move to the first field that has one.
  useEffect(() => {
    if (submitCount > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [submitCount]);

  const pending = mutation.isPending || navigating || created !== null;
  const statusText =
    created !== null ? `Topic ${created} created. Opening it…` : mutation.isPending ? "Creating the topic…" : "";

  const errorsFor = (key: FieldKey) => {
    const message =
      key === FIELD_KEYS.extraConfigs ? errors.extraConfigs?.root?.message : errors[FIELD_VALUE[key]]?.message;
    return message ? [message] : undefined;
  };
  // A field's problems follow the typing once it has been left or the form submitted; before that, editing it only
  // clears what the server said about it.
  const set = <K extends keyof CreateTopicValues>(key: K, value: CreateTopicValues[K]) => {
    const field = FIELD_VALUE[FIELD_OF[key]];
    form.setValue(key as Path<CreateTopicValues>, value, { shouldDirty: true });
    if (form.formState.isSubmitted || touched.current.has(field)) void form.trigger(field);
    else form.clearErrors(field);
  };
  // Leaving a field checks it, unless the server's word about it stands (it goes once the field is edited).
  const touch = (key: FieldKey) => {
    const field = FIELD_VALUE[key];
    touched.current.add(field);
    const error = form.getFieldState(field).error as { type?: string; root?: { type?: string } } | undefined;
    if (error?.type !== "server" && error?.root?.type !== "server") void form.trigger(field);
  };
  // The action reports problems at the input's paths; the form shows them at its own fields.
  const setError: UseFormSetError<CreateTopicValues> = (path, error) =>
    form.setError(formPathOf(path.split("."), form.getValues()) as Path<CreateTopicValues>, error);
  const submit = submitAction({ handleSubmit: form.handleSubmit, setError }, mutation.mutateAsync, (data) => {
    setCreated(data.name);
    startNavigation(() => router.push(topicPath(cluster, data.name)));
  });

  const bind = { values, set, touch, errorsFor, disabled: pending };
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(event) => (pending ? event.preventDefault() : submit(event))}
      aria-label="Create topic"
      className="max-w-2xl"
    >
      <FormControls className="space-y-6">
        <div className="space-y-4">
          <Field
            label="Name"
            hint="Letters, digits, '.', '_' and '-', up to 249 characters."
            errors={errorsFor(FIELD_KEYS.name)}
            warning={nameWarning(input.name, existingNames)}
          >
            {(control) => (
              <TextInput
                {...control}
                autoComplete="off"
                spellCheck={false}
                value={values.name}
                disabled={pending}
                onChange={(event) => set("name", event.target.value)}
                onBlur={() => touch(FIELD_KEYS.name)}
              />
            )}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Partitions"
              hint="More partitions allow more parallel consumers; they can be added later, not removed."
              errors={errorsFor(FIELD_KEYS.partitions)}
            >
              {(control) => (
                <TextInput
                  {...control}
                  inputMode="numeric"
                  autoComplete="off"
                  value={values.partitions}
                  disabled={pending}
                  onChange={(event) => set("partitions", event.target.value)}
                  onBlur={() => touch(FIELD_KEYS.partitions)}
                />
              )}
            </Field>
            <Field
              label="Replication factor"
              hint={brokersHint(onlineBrokers)}
              errors={errorsFor(FIELD_KEYS.replicationFactor)}
              warning={replicationWarning(onlineBrokers, input.replicationFactor)}
            >
              {(control) => (
                <TextInput
                  {...control}
                  inputMode="numeric"
                  autoComplete="off"
                  value={values.replicationFactor ?? (defaultRf === undefined ? "" : String(defaultRf))}
                  disabled={pending}
                  onChange={(event) => set("replicationFactor", event.target.value)}
                  onBlur={() => touch(FIELD_KEYS.replicationFactor)}
                />
              )}
            </Field>
          </div>
        </div>
        <TopicConfigFields {...bind} />
        <ExtraConfigsField
          {...bind}
          rowErrors={(row) =>
            [errors.extraConfigs?.[row]?.key?.message, errors.extraConfigs?.[row]?.value?.message].filter(
              (message) => message !== undefined,
            )
          }
        />
        <FormError
          message={
            mutation.error?.message ??
            (isSubmitted && Object.keys(errors).length > 0 ? "Check the fields marked above." : null)
          }
        />
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" variant="primary" disabled={pending}>
            Create topic
          </Button>
          <Link
            href={clusterPath(cluster, "topics")}
            className="rounded text-sm font-medium text-accent underline underline-offset-4"
          >
            Cancel
          </Link>
          <p role="status" className="text-sm text-muted">
            {statusText}
          </p>
        </div>
      </FormControls>
    </form>
  );
}
