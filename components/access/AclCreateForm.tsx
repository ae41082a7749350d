"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { type FieldValues, type Path, useForm, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { AclsTable } from "@/components/access/AclsTable";
import { Button } from "@/components/ui/Button";
import { Field, FormError, SelectInput, TextInput } from "@/components/ui/Form";
import { showFieldErrors, useActionMutation } from "@/components/ui/useActionMutation";
import { type AclBinding, OPERATIONS_BY_RESOURCE, PATTERN_TYPES, PERMISSIONS, RESOURCE_TYPES } from "@/lib/acls/model";
import {
  aclBindingSchema,
  consumerBindings,
  consumerTemplateSchema,
  producerBindings,
  producerTemplateSchema,
} from "@/lib/acls/schemas";
import { formatQuantity } from "@/lib/format";
import { queryKeys } from "@/lib/query/keys";
import { createAcls } from "@/server/acls/actions";

type Template = "producer" | "consumer" | "custom";

const TEMPLATES: Record<Template, { label: string; hint: string }> = {
  producer: {
    label: "Producer for a topic",
    hint: "WRITE and DESCRIBE on the topic; CREATE and a transactional id if asked.",
  },
  consumer: { label: "Consumer of a topic in a group", hint: "READ and DESCRIBE on the topic, READ on the group." },
  custom: { label: "One custom ACL", hint: "Any principal, resource, operation and permission." },
};

/** A text field of a react-hook-form form, with its error after the field was left or the form sent. */
function TextField<F extends FieldValues>({
  form,
  name,
  label,
  hint,
}: {
  form: UseFormReturn<F>;
  name: Path<F>;
  label: string;
  hint?: string;
}) {
  const message = form.getFieldState(name, form.formState).error?.message;
  return (
    <Field label={label} hint={hint} errors={message ? [message] : undefined}>
      {(control) => <TextInput {...control} autoComplete="off" spellCheck={false} {...form.register(name)} />}
    </Field>
  );
}

function SelectField<F extends FieldValues>({
  form,
  name,
  label,
  options,
}: {
  form: UseFormReturn<F>;
  name: Path<F>;
  label: string;
  options: readonly string[];
}) {
  const message = form.getFieldState(name, form.formState).error?.message;
  return (
    <Field label={label} errors={message ? [message] : undefined}>
      {(control) => (
        <SelectInput {...control} {...form.register(name)}>
          {options.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </SelectInput>
      )}
    </Field>
  );
}

/** The bindings the form stands for right now, or none while it is not valid. */
function preview<S extends z.ZodType>(schema: S, values: unknown, toBindings: (v: z.output<S>) => AclBinding[]) {
  const parsed = schema.safeParse(values);
  return parsed.success ? toBindings(parsed.data) : [];
}

/**
 * Adds ACLs from a template that says what people mean ("producer for topic X"), or one custom binding. The exact
 * bindings are previewed before anything is created; the broker's refusal is shown in words.
 */
export function AclCreateForm({ cluster, onDone }: { cluster: string; onDone: () => void }) {
  const [template, setTemplate] = useState<Template>("producer");
  const [done, setDone] = useState<string | null>(null);
  const mutation = useActionMutation(cluster, createAcls, () => [queryKeys.access(cluster)]);
  const options = { mode: "onTouched", reValidateMode: "onChange" } as const;
  const producer = useForm({
    ...options,
    resolver: zodResolver(producerTemplateSchema),
    defaultValues: { principal: "User:", topic: "", patternType: "LITERAL", allowCreate: false, transactionalId: "" },
  });
  const consumer = useForm({
    ...options,
    resolver: zodResolver(consumerTemplateSchema),
    defaultValues: { principal: "User:", topic: "", group: "", patternType: "LITERAL" },
  });
  const custom = useForm({
    ...options,
    resolver: zodResolver(aclBindingSchema),
    defaultValues: {
      principal: "User:",
      host: "*",
      resourceType: "TOPIC",
      patternType: "LITERAL",
      resourceName: "",
      operation: "READ",
      permission: "ALLOW",
    },
  });
  const resourceType = custom.watch("resourceType");
  const bindings =
    template === "producer"
      ? preview(producerTemplateSchema, producer.watch(), producerBindings)
      : template === "consumer"
        ? preview(consumerTemplateSchema, consumer.watch(), consumerBindings)
        : preview(aclBindingSchema, custom.watch(), (b) => [b]);

  async function create(list: AclBinding[], onFailure: (failure: unknown) => void) {
    setDone(null);
    try {
      const result = await mutation.mutateAsync({ bindings: list });
      setDone(`Created ${formatQuantity(result.created, "ACL")}.`);
      onDone();
    } catch (failure) {
      onFailure(failure);
    }
  }

  // A template's fields are not the bindings' fields: its refusal shows above the button (FormError).
  const submit =
    template === "producer"
      ? producer.handleSubmit((v) => create(producerBindings(v), () => undefined))
      : template === "consumer"
        ? consumer.handleSubmit((v) => create(consumerBindings(v), () => undefined))
        : custom.handleSubmit((v) => create([v], (f) => showFieldErrors(f, custom.setError, "bindings.0.")));

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="space-y-4">
      <Field label="What the ACLs are for" hint={TEMPLATES[template].hint}>
        {(control) => (
          <SelectInput {...control} value={template} onChange={(e) => setTemplate(e.target.value as Template)}>
            {(Object.keys(TEMPLATES) as Template[]).map((t) => (
              <option key={t} value={t}>
                {TEMPLATES[t].label}
              </option>
            ))}
          </SelectInput>
        )}
      </Field>
      {template === "producer" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField form={producer} name="principal" label="Principal" hint="User:alice" />
          <TextField form={producer} name="topic" label="Topic (or prefix)" />
          <SelectField form={producer} name="patternType" label="Pattern" options={Object.keys(PATTERN_TYPES)} />
          <TextField form={producer} name="transactionalId" label="Transactional id (optional)" />
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" {...producer.register("allowCreate")} /> May create the topic
          </label>
        </div>
      ) : template === "consumer" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField form={consumer} name="principal" label="Principal" hint="User:alice" />
          <TextField form={consumer} name="topic" label="Topic (or prefix)" />
          <TextField form={consumer} name="group" label="Consumer group (or prefix)" />
          <SelectField form={consumer} name="patternType" label="Pattern" options={Object.keys(PATTERN_TYPES)} />
        </div>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField form={custom} name="principal" label="Principal" hint="User:alice" />
          <TextField form={custom} name="host" label="Host" hint="* for any host" />
          <SelectField form={custom} name="resourceType" label="Resource type" options={Object.keys(RESOURCE_TYPES)} />
          <TextField form={custom} name="resourceName" label="Resource name" hint="* for every one" />
          <SelectField form={custom} name="patternType" label="Pattern" options={Object.keys(PATTERN_TYPES)} />
          <SelectField
            form={custom}
            name="operation"
            label="Operation"
            options={OPERATIONS_BY_RESOURCE[resourceType]}
          />
          <SelectField
            form={custom}
            name="permission"
            label="Permission"
            options={Object.keys(PERMISSIONS).reverse()}
          />
        </div>
      )}
      <div className="space-y-2">
        <h3 className="text-sm font-semibold">
          {bindings.length > 0 ? `These ${formatQuantity(bindings.length, "ACL")} will be created` : "Preview"}
        </h3>
        {bindings.length > 0 ? (
          <AclsTable bindings={bindings} label="ACLs to create" />
        ) : (
          <p className="text-sm text-muted">Fill in the fields to see the exact bindings.</p>
        )}
      </div>
      <FormError message={mutation.error?.message} />
      {done ? (
        <p role="status" className="text-sm">
          {done}
        </p>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" variant="primary" disabled={mutation.isPending}>
          {mutation.isPending ? "Creating…" : "Create ACLs"}
        </Button>
      </div>
    </form>
  );
}
