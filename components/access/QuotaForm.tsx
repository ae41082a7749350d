"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/Button";
import { Field, FormError, SelectInput, TextInput } from "@/components/ui/Form";
import { submitAction, useActionMutation } from "@/components/ui/useActionMutation";
import { alterQuotaSchema, type AlterQuotaInput } from "@/lib/acls/users";
import { queryKeys } from "@/lib/query/keys";
import { alterQuota } from "@/server/acls/actions";

type Who = "user" | "client" | "both";

/** An empty box leaves that quota as it is; a number sets it. */
const numberOrUnset = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v));

export function QuotaForm({ cluster, onDone }: { cluster: string; onDone: () => void }) {
  const [who, setWho] = useState<Who>("user");
  const [user, setUser] = useState("");
  const [client, setClient] = useState("");
  const mutation = useActionMutation(
    cluster,
    alterQuota,
    () => [queryKeys.quotas(cluster)],
    () => "Quota set.",
  );
  const form = useForm<AlterQuotaInput>({
    mode: "onTouched",
    reValidateMode: "onChange",
    resolver: zodResolver(alterQuotaSchema),
    defaultValues: { entity: { user: "" }, set: {}, remove: [] },
  });
  const errors = form.formState.errors;
  const setError = errors.set?.message ?? errors.set?.root?.message;
  const rateError = (key: "producer_byte_rate" | "consumer_byte_rate" | "request_percentage") => {
    const message = errors.set?.[key]?.message;
    return message ? [message] : undefined;
  };

  function entity(): AlterQuotaInput["entity"] {
    // An empty name is the default entity of that kind (every user, or every client id, without a quota of its own).
    const name = (text: string) => (text.trim() === "" ? null : text.trim());
    if (who === "user") return { user: name(user) };
    if (who === "client") return { clientId: name(client) };
    return { user: name(user), clientId: name(client) };
  }

  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(event) => {
        form.setValue("entity", entity());
        submitAction(form, mutation.mutateAsync, onDone)(event);
      }}
    >
      <Field label="Applies to">
        {(control) => (
          <SelectInput {...control} value={who} onChange={(e) => setWho(e.target.value as Who)}>
            <option value="user">A user</option>
            <option value="client">A client id</option>
            <option value="both">A user with a client id</option>
          </SelectInput>
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        {who !== "client" ? (
          <Field label="User" hint="Empty: the default for every user">
            {(control) => <TextInput {...control} value={user} onChange={(e) => setUser(e.target.value)} />}
          </Field>
        ) : null}
        {who !== "user" ? (
          <Field label="Client id" hint="Empty: the default for every client id">
            {(control) => <TextInput {...control} value={client} onChange={(e) => setClient(e.target.value)} />}
          </Field>
        ) : null}
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Produce rate (bytes/s)" errors={rateError("producer_byte_rate")}>
          {(control) => (
            <TextInput
              {...control}
              inputMode="numeric"
              {...form.register("set.producer_byte_rate", { setValueAs: numberOrUnset })}
            />
          )}
        </Field>
        <Field label="Fetch rate (bytes/s)" errors={rateError("consumer_byte_rate")}>
          {(control) => (
            <TextInput
              {...control}
              inputMode="numeric"
              {...form.register("set.consumer_byte_rate", { setValueAs: numberOrUnset })}
            />
          )}
        </Field>
        <Field label="Request time (%)" errors={rateError("request_percentage")}>
          {(control) => (
            <TextInput
              {...control}
              inputMode="numeric"
              {...form.register("set.request_percentage", { setValueAs: numberOrUnset })}
            />
          )}
        </Field>
      </div>
      <FormError message={setError ?? mutation.error?.message} />
      <div className="flex justify-end">
        <Button type="submit" variant="primary" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : "Set quota"}
        </Button>
      </div>
    </form>
  );
}
