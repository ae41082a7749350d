"use client";

import { useId, useState } from "react";
import { ConfirmByTypingForm } from "@/components/ui/ConfirmByTypingForm";
import { useActionMutation } from "@/components/ui/useActionMutation";
import { queryKeys } from "@/lib/query/keys";
import { type DeleteSchemaInput, deleteSchemaSchema } from "@/lib/schemas/forms";
import { deleteSchema } from "@/server/schemas/actions";

/**
 * Deletes one version of a subject, or the whole subject (`version` null), once the subject's name is typed. Soft by
 * default (the registry keeps it, ids still decode); "permanently" is the hard delete, which cannot be undone.
 */
export function DeleteSchemaForm({
  cluster,
  subject,
  version,
  onCancel,
  onDeleted,
}: {
  cluster: string;
  subject: string;
  version: number | null;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const permanentId = useId();
  const [permanent, setPermanent] = useState(false);
  const what = version === null ? `subject ${subject}` : `version ${version} of ${subject}`;
  const mutation = useActionMutation(
    cluster,
    deleteSchema,
    () => (version === null ? [] : [queryKeys.schemas(cluster)]),
    () => `${permanent ? "Permanently deleted" : "Deleted"} ${what}.`,
  );
  return (
    <div className="space-y-4">
      <label htmlFor={permanentId} className="flex items-center gap-2 text-sm">
        <input
          id={permanentId}
          type="checkbox"
          checked={permanent}
          onChange={(event) => setPermanent(event.target.checked)}
        />
        Delete permanently (hard delete)
      </label>
      <ConfirmByTypingForm<DeleteSchemaInput & { confirmation: string }>
        expected={subject}
        what="subject name"
        schema={deleteSchemaSchema}
        toInput={(confirmation) => ({ subject, version, permanent, confirmation })}
        mutation={mutation}
        submitLabel={permanent ? "Delete permanently" : "Delete"}
        pendingLabel="Deleting…"
        onCancel={onCancel}
        onConfirmed={onDeleted}
        warning={
          permanent ? (
            <p>
              The {what} will be gone for good: records that carry {version === null ? "its schema ids" : "its id"} will
              no longer decode. This cannot be undone.
            </p>
          ) : (
            <p>
              The {what} will no longer be listed or used for new records; the registry keeps it, so records that carry
              its id still decode, and registering the same schema again brings it back.
            </p>
          )
        }
      />
    </div>
  );
}
