"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { AclsTable } from "@/components/access/AclsTable";
import { Button } from "@/components/ui/Button";
import { Field, FormError, TextInput } from "@/components/ui/Form";
import { submitAction, useActionMutation } from "@/components/ui/useActionMutation";
import type { AclBinding } from "@/lib/acls/model";
import { deleteAclsSchema } from "@/lib/acls/schemas";
import { formatQuantity } from "@/lib/format";
import { queryKeys } from "@/lib/query/keys";
import { deleteAcls } from "@/server/acls/actions";

/** Deletes the chosen bindings once the principal is typed again (or "delete" for several principals). */
export function AclDeleteForm({
  cluster,
  bindings,
  onDone,
}: {
  cluster: string;
  bindings: readonly AclBinding[];
  onDone: () => void;
}) {
  const principals = [...new Set(bindings.map((b) => b.principal))];
  const expected = principals.length === 1 ? (principals[0] ?? "") : "delete";
  const mutation = useActionMutation(
    cluster,
    deleteAcls,
    () => [queryKeys.access(cluster)],
    (data) => `Deleted ${formatQuantity(data.deleted, "ACL")}.`,
  );
  const form = useForm({
    mode: "onTouched",
    reValidateMode: "onChange",
    resolver: zodResolver(deleteAclsSchema),
    values: { bindings: [...bindings], confirm: "" },
  });
  const error = form.formState.errors.confirm?.message;

  return (
    <form noValidate className="space-y-4" onSubmit={submitAction(form, mutation.mutateAsync, onDone)}>
      <p className="text-sm">
        {formatQuantity(bindings.length, "ACL")} will be removed from the cluster. Clients that relied on them are
        refused from their next request.
      </p>
      <AclsTable bindings={bindings} label="ACLs to delete" />
      <Field label={`Type ${expected} to confirm`} errors={error ? [error] : undefined}>
        {(control) => <TextInput {...control} autoComplete="off" spellCheck={false} {...form.register("confirm")} />}
      </Field>
      <FormError message={mutation.error?.message} />
      <div className="flex justify-end">
        <Button type="submit" variant="danger" disabled={mutation.isPending || bindings.length === 0}>
          {mutation.isPending ? "Deleting…" : `Delete ${formatQuantity(bindings.length, "ACL")}`}
        </Button>
      </div>
    </form>
  );
}
