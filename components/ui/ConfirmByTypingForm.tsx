"use client";

import { type FormEvent, type ReactNode, useState } from "react";
import type { ZodType } from "zod";
import { Button } from "@/components/ui/Button";
import { DialogButtons } from "@/components/ui/DetailParts";
import { Field, FormError, TextInput } from "@/components/ui/Form";
import { errorsFor, type FieldErrors, validate } from "@/components/ui/useServerAction";

/** What the form needs of useServerAction's answer. */
interface RunningAction<I> {
  run: (input: I) => Promise<{ ok: boolean }>;
  pending: boolean;
  message: string | null;
  fieldErrors: FieldErrors;
}

/**
 * A destructive action confirmed by typing `expected` (a topic's name, a group's id): `warning` says what is lost,
 * the typed text is checked with the action's own schema (its "confirmation" field), and the button stays disabled
 * until the text matches. `onConfirmed` runs after the action succeeded.
 */
export function ConfirmByTypingForm<I>({
  expected,
  what,
  warning,
  schema,
  toInput,
  action,
  submitLabel,
  pendingLabel,
  onCancel,
  onConfirmed,
}: {
  expected: string;
  /** What is typed, for the label: "topic name", "group id". */
  what: string;
  warning: ReactNode;
  schema: ZodType;
  toInput: (confirmation: string) => I;
  action: RunningAction<I>;
  submitLabel: string;
  pendingLabel: string;
  onCancel: () => void;
  onConfirmed: () => void;
}) {
  const [confirmation, setConfirmation] = useState("");
  const [checked, setChecked] = useState<FieldErrors | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = validate(schema, toInput(confirmation));
    setChecked(errors);
    if (Object.keys(errors).length > 0) return;
    const result = await action.run(toInput(confirmation));
    if (result.ok) onConfirmed();
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="space-y-4">
      <div
        className={
          "rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 " +
          "dark:border-red-800 dark:bg-red-950/40 dark:text-red-100"
        }
      >
        {warning}
      </div>
      <Field
        label={
          <>
            Type the {what} <code className="font-mono break-all">{expected}</code> to confirm
          </>
        }
        errors={errorsFor("confirmation", checked ?? {}, action.fieldErrors)}
      >
        {(control) => (
          <TextInput
            {...control}
            className="font-mono"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            value={confirmation}
            onChange={(event) => {
              setConfirmation(event.target.value);
              if (checked !== null) setChecked(validate(schema, toInput(event.target.value)));
            }}
          />
        )}
      </Field>
      <FormError message={action.message} />
      <DialogButtons>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="danger" disabled={confirmation !== expected || action.pending}>
          {action.pending ? pendingLabel : submitLabel}
        </Button>
      </DialogButtons>
    </form>
  );
}
