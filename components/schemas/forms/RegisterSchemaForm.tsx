"use client";

import { Button } from "@/components/ui/Button";
import { DialogButtons } from "@/components/ui/DetailParts";
import { Field, FormError, SelectInput, TextArea, TextInput } from "@/components/ui/Form";
import { useActionForm } from "@/components/ui/useActionForm";
import { submitAction, useActionMutation } from "@/components/ui/useActionMutation";
import { SCHEMA_FORMATS, type SchemaFormat } from "@/lib/api/schemas";
import { queryKeys } from "@/lib/query/keys";
import { FORMAT_WORDS } from "@/lib/schemas/display";
import { type RegisterSchemaInput, registerSchemaSchema } from "@/lib/schemas/forms";
import { registerSchema } from "@/server/schemas/actions";

/**
 * Registers a schema: a new version of `subject` (fixed), or of a subject typed here when `subject` is null. The
 * server checks compatibility with the latest version first; a refusal (the registry's reason in words) shows under
 * the schema and nothing is registered.
 */
export function RegisterSchemaForm({
  cluster,
  subject,
  format,
  schema,
  onCancel,
  onDone,
}: {
  cluster: string;
  subject: string | null;
  format: SchemaFormat;
  /** The text to start from (the latest version's, pretty-printed), or "" for a new subject. */
  schema: string;
  onCancel: () => void;
  onDone: (registered: { subject: string; version: number | null }) => void;
}) {
  const mutation = useActionMutation(
    cluster,
    registerSchema,
    () => [queryKeys.schemas(cluster)],
    (data) =>
      data.version === null
        ? `Schema registered under ${data.subject} (schema id ${data.id}).`
        : `Version ${data.version} of ${data.subject} registered (schema id ${data.id}).`,
  );
  const form = useActionForm<RegisterSchemaInput, RegisterSchemaInput>(
    registerSchemaSchema,
    { subject: subject ?? "", format, schema, references: [] },
    mutation,
  );
  const errors = form.formState.errors;
  return (
    <form noValidate onSubmit={submitAction(form, mutation.mutateAsync, onDone)} className="space-y-4">
      {subject === null ? (
        <Field
          label="Subject"
          hint="With the usual TopicNameStrategy, <topic>-value or <topic>-key."
          errors={errors.subject?.message ? [errors.subject.message] : undefined}
        >
          {(control) => <TextInput {...control} autoComplete="off" spellCheck={false} {...form.register("subject")} />}
        </Field>
      ) : null}
      <Field label="Format" errors={errors.format?.message ? [errors.format.message] : undefined}>
        {(control) => (
          <SelectInput {...control} className="w-auto" disabled={subject !== null} {...form.register("format")}>
            {SCHEMA_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_WORDS[f]}
              </option>
            ))}
          </SelectInput>
        )}
      </Field>
      <Field
        label="Schema"
        hint={
          subject === null
            ? "Avro or JSON Schema as JSON, Protobuf as .proto text."
            : "Checked against the latest version under the subject's compatibility level before it is registered."
        }
        errors={errors.schema?.message ? [errors.schema.message] : undefined}
      >
        {(control) => (
          <TextArea
            {...control}
            rows={14}
            spellCheck={false}
            className="font-mono text-xs"
            {...form.register("schema")}
          />
        )}
      </Field>
      {/* A refusal about the schema shows under it; only other refusals show here. */}
      <FormError message={mutation.error?.message === errors.schema?.message ? undefined : mutation.error?.message} />
      <DialogButtons>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={mutation.isPending}>
          {mutation.isPending ? "Checking and registering…" : "Check and register"}
        </Button>
      </DialogButtons>
    </form>
  );
}
