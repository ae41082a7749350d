"use client";

import { Button } from "@/components/ui/Button";
import { DialogButtons } from "@/components/ui/DetailParts";
import { Field, FormError, SelectInput } from "@/components/ui/Form";
import { useActionForm } from "@/components/ui/useActionForm";
import { submitAction, useActionMutation } from "@/components/ui/useActionMutation";
import { COMPATIBILITY_LEVELS, type Compatibility } from "@/lib/api/schemas";
import { queryKeys } from "@/lib/query/keys";
import { type SetCompatibilityInput, setCompatibilitySchema } from "@/lib/schemas/forms";
import { setSchemaCompatibility } from "@/server/schemas/actions";

/** What each level lets a new version do, in a line (Confluent's meanings; Apicurio follows them). */
export const COMPATIBILITY_WORDS: Record<Compatibility, string> = {
  BACKWARD: "new version reads data written with the previous one",
  BACKWARD_TRANSITIVE: "new version reads data written with every earlier one",
  FORWARD: "previous version reads data written with the new one",
  FORWARD_TRANSITIVE: "every earlier version reads data written with the new one",
  FULL: "backward and forward with the previous version",
  FULL_TRANSITIVE: "backward and forward with every earlier version",
  NONE: "no check: any schema registers",
};

/** Sets the compatibility level of one subject, or the registry's global level when `subject` is null. */
export function CompatibilityForm({
  cluster,
  subject,
  current,
  onCancel,
  onDone,
}: {
  cluster: string;
  subject: string | null;
  current: Compatibility | null;
  onCancel: () => void;
  onDone: () => void;
}) {
  const mutation = useActionMutation(
    cluster,
    setSchemaCompatibility,
    () => [queryKeys.schemas(cluster)],
    (data, input) =>
      `${input.subject === null ? "Global compatibility" : `Compatibility of ${input.subject}`} set to ${data.after}.`,
  );
  const form = useActionForm<SetCompatibilityInput, SetCompatibilityInput>(
    setCompatibilitySchema,
    { subject, compatibility: current ?? "BACKWARD" },
    mutation,
  );
  const level = form.watch("compatibility");
  return (
    <form noValidate onSubmit={submitAction(form, mutation.mutateAsync, onDone)} className="space-y-4">
      <Field
        label={subject === null ? "Global compatibility level" : "Compatibility level"}
        hint={
          (level ? `${COMPATIBILITY_WORDS[level]}. ` : "") +
          (subject === null ? "Applies to every subject without a level of its own." : "")
        }
      >
        {(control) => (
          <SelectInput {...control} className="w-auto" {...form.register("compatibility")}>
            {COMPATIBILITY_LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </SelectInput>
        )}
      </Field>
      <FormError message={mutation.error?.message} />
      <DialogButtons>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : "Set level"}
        </Button>
      </DialogButtons>
    </form>
  );
}
