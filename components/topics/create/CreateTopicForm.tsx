"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState, useTransition } from "react";
import {
  type CreateTopicValues,
  defaultReplicationFactor,
  FIELD_KEYS,
  FIELD_OF,
  type FieldKey,
  INITIAL_VALUES,
  nameWarning,
  toCreateTopicInput,
} from "@/lib/topics/create-form";
import { ExtraConfigsField } from "@/components/topics/create/ExtraConfigsField";
import { TopicConfigFields } from "@/components/topics/create/TopicConfigFields";
import { Button } from "@/components/ui/Button";
import { reportActionWarning } from "@/components/ui/actionWarnings";
import { announce } from "@/components/ui/announcements";
import { Field, FormError, TextInput } from "@/components/ui/Form";
import { type ActionResult, fieldErrorsFrom } from "@/lib/actions/result";
import { formatInteger } from "@/lib/format";
import { queryKeys } from "@/lib/query/keys";
import { clusterPath, topicPath } from "@/lib/routes";
import { type CreateTopicInput, createTopicSchema } from "@/lib/topics/schemas";

/** The signature of server/topics/actions.ts createTopic; the page passes the action in. */
export type CreateTopicAction = (cluster: string, input: CreateTopicInput) => Promise<ActionResult<{ name: string }>>;

/** Online brokers: a count, or why there is none yet. */
export type OnlineBrokers = number | "loading" | "error";

const NO_ANSWER = "The console server did not answer. Check that it is running, then try again.";

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
  createTopic,
  existingNames,
  onlineBrokers,
}: {
  cluster: string;
  createTopic: CreateTopicAction;
  existingNames: readonly string[] | undefined;
  onlineBrokers: OnlineBrokers;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<CreateTopicValues>(INITIAL_VALUES);
  const [touched, setTouched] = useState<ReadonlySet<FieldKey>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [navigating, startNavigation] = useTransition();

  const defaultRf = typeof onlineBrokers === "number" ? defaultReplicationFactor(onlineBrokers) : undefined;
  const input = toCreateTopicInput(values, defaultRf);
  const parsed = createTopicSchema.safeParse(input);
  const clientErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error.issues);
  const errorsFor = (key: FieldKey) =>
    (submitted || touched.has(key) ? clientErrors[key] : undefined) ?? serverErrors[key];

  const mutation = useMutation({
    mutationFn: (topic: CreateTopicInput) => createTopic(cluster, topic),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit() });
      if (!result.ok) {
        setMessage(result.message);
        setServerErrors(result.fieldErrors ?? {});
        return;
      }
      // Said by ActionWarning, which stays on screen when the form opens the new topic's page.
      if (result.warning) reportActionWarning(result.warning);
      setCreated(result.data.name);
      announce(`Topic ${result.data.name} created.`);
      void queryClient.invalidateQueries({ queryKey: queryKeys.topics(cluster) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.overview(cluster) });
      startNavigation(() => router.push(topicPath(cluster, result.data.name)));
    },
    onError: () => setMessage(NO_ANSWER),
  });
  const pending = mutation.isPending || navigating || created !== null;
  const statusText =
    created !== null ? `Topic ${created} created. Opening it…` : mutation.isPending ? "Creating the topic…" : "";

  const set = <K extends keyof CreateTopicValues>(key: K, value: CreateTopicValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    const field = FIELD_OF[key];
    setServerErrors((current) =>
      field in current ? Object.fromEntries(Object.entries(current).filter(([name]) => name !== field)) : current,
    );
  };
  const touch = (key: FieldKey) => setTouched((current) => (current.has(key) ? current : new Set(current).add(key)));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    if (!parsed.success) {
      setMessage(null);
      // After React has rendered the errors: move to the first field that has one.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setMessage(null);
    setServerErrors({});
    mutation.mutate(input);
  }

  const bind = { values, set, touch, errorsFor, disabled: pending };
  return (
    <form ref={formRef} noValidate onSubmit={submit} aria-label="Create topic" className="max-w-2xl space-y-6">
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
          submitted || touched.has(FIELD_KEYS.extraConfigs)
            ? Object.entries(clientErrors)
                .filter(([path]) => path.startsWith(`extraConfigs.${row}.`))
                .flatMap(([, messages]) => messages)
            : []
        }
      />
      <FormError message={message ?? (submitted && !parsed.success ? "Check the fields marked above." : null)} />
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
    </form>
  );
}
