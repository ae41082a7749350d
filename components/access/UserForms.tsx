"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { CopyButton } from "@/components/messages/CopyButton";
import { Button } from "@/components/ui/Button";
import { Field, FormError, SelectInput, TextInput } from "@/components/ui/Form";
import { submitAction, useActionMutation } from "@/components/ui/useActionMutation";
import { deleteScramUserSchema, SCRAM_MECHANISM_NAMES, upsertScramUserSchema } from "@/lib/acls/users";
import { queryKeys } from "@/lib/query/keys";
import { deleteScramUser, upsertScramUser } from "@/server/acls/actions";

/**
 * Creates a SCRAM user or sets a user's password. Left empty, the password is generated on the server and shown
 * here once, with a copy button: Kafka keeps only a salted hash, so nobody can read it again.
 */
export function UserForm({ cluster, name }: { cluster: string; name?: string }) {
  const mutation = useActionMutation(cluster, upsertScramUser, () => [queryKeys.scramUsers(cluster)]);
  const form = useForm({
    mode: "onTouched",
    reValidateMode: "onChange",
    resolver: zodResolver(upsertScramUserSchema),
    defaultValues: { name: name ?? "", mechanism: "SCRAM-SHA-512", iterations: 8192, password: "" },
  });
  const errors = form.formState.errors;
  const done = mutation.data;

  if (done)
    return (
      <div role="status" className="space-y-3 text-sm">
        <p>
          {done.created ? "Created user" : "Changed the password of"} <strong>{done.name}</strong>.
        </p>
        {done.generatedPassword ? (
          <>
            <p>Its password, shown this once (Kafka keeps only a salted hash):</p>
            <p className="flex items-center gap-2">
              <code className="rounded bg-sunken px-2 py-1 font-mono break-all" data-testid="generated-password">
                {done.generatedPassword}
              </code>
              <CopyButton label="Copy the password" text={() => done.generatedPassword ?? ""} />
            </p>
          </>
        ) : null}
      </div>
    );

  return (
    <form noValidate className="space-y-3" onSubmit={submitAction(form, mutation.mutateAsync)}>
      <Field label="User name" errors={errors.name?.message ? [errors.name.message] : undefined}>
        {(control) => (
          <TextInput {...control} readOnly={name !== undefined} autoComplete="off" {...form.register("name")} />
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Mechanism">
          {(control) => (
            <SelectInput {...control} {...form.register("mechanism")}>
              {SCRAM_MECHANISM_NAMES.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </SelectInput>
          )}
        </Field>
        <Field label="Iterations" errors={errors.iterations?.message ? [errors.iterations.message] : undefined}>
          {(control) => <TextInput {...control} inputMode="numeric" {...form.register("iterations")} />}
        </Field>
      </div>
      <Field
        label="Password"
        hint="Leave empty to have a strong one generated and shown once."
        errors={errors.password?.message ? [errors.password.message] : undefined}
      >
        {(control) => (
          <TextInput {...control} type="password" autoComplete="new-password" {...form.register("password")} />
        )}
      </Field>
      <FormError message={mutation.error?.message} />
      <div className="flex justify-end">
        <Button type="submit" variant="primary" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : name ? "Set password" : "Create user"}
        </Button>
      </div>
    </form>
  );
}

/** Deletes every credential of a user once its name is typed again; the user can no longer log in. */
export function UserDeleteForm({ cluster, name, onDone }: { cluster: string; name: string; onDone: () => void }) {
  const mutation = useActionMutation(
    cluster,
    deleteScramUser,
    () => [queryKeys.scramUsers(cluster)],
    (data) => `SCRAM user ${data.name} deleted.`,
  );
  const form = useForm({
    mode: "onTouched",
    reValidateMode: "onChange",
    resolver: zodResolver(deleteScramUserSchema),
    defaultValues: { name, confirm: "" },
  });
  const error = form.formState.errors.confirm?.message;
  return (
    <form noValidate className="space-y-3" onSubmit={submitAction(form, mutation.mutateAsync, onDone)}>
      <p className="text-sm">
        <strong>{name}</strong> can no longer log in once deleted; clients logged in as it are refused at their next
        login. Its ACLs stay until you delete them.
      </p>
      <Field label={`Type ${name} to confirm`} errors={error ? [error] : undefined}>
        {(control) => <TextInput {...control} autoComplete="off" spellCheck={false} {...form.register("confirm")} />}
      </Field>
      <FormError message={mutation.error?.message} />
      <div className="flex justify-end">
        <Button type="submit" variant="danger" disabled={mutation.isPending}>
          {mutation.isPending ? "Deleting…" : "Delete user"}
        </Button>
      </div>
    </form>
  );
}
