"use client";

import type { ReactNode } from "react";
import { type FieldErrors, type Resolver, type ResolverSuccess, useForm } from "react-hook-form";
import type { ZodType } from "zod";
import { Button } from "@/components/ui/Button";
import { DialogButtons } from "@/components/ui/DetailParts";
import { Field, FormError, TextInput } from "@/components/ui/Form";
import { submitAction } from "@/components/ui/useActionMutation";

/** What the form needs of useActionMutation's mutation. */
interface Mutation<I> {
  mutateAsync: (input: I) => Promise<unknown>;
  isPending: boolean;
  error: Error | null;
}

interface Typed {
  confirmation: string;
}

/**
 * A destructive action confirmed by typing `expected` (a topic's name, a group's id): `warning` says what is lost,
 * the typed text is checked with the action's own schema (its "confirmation" field, the rest from `toInput`), and the
 * button stays disabled until the text matches. `onConfirmed` runs after the action succeeded.
 */
export function ConfirmByTypingForm<I extends Typed>({
  expected,
  what,
  warning,
  schema,
  toInput,
  mutation,
  submitLabel,
  pendingLabel,
  onCancel,
  onConfirmed,
}: {
  expected: string;
  /** What is typed, for the label: "topic name", "group id". */
  what: string;
  warning: ReactNode;
  schema: ZodType<I, I>;
  toInput: (confirmation: string) => I;
  mutation: Mutation<I>;
  submitLabel: string;
  pendingLabel: string;
  onCancel: () => void;
  onConfirmed: () => void;
}) {
  // The action's schema checks the whole input; the form holds only what is typed.
  const resolver: Resolver<Typed, unknown, I> = (values) => {
    const parsed = schema.safeParse(toInput(values.confirmation));
    if (parsed.success) return { values: parsed.data, errors: {} } satisfies ResolverSuccess<I>;
    const issue = parsed.error.issues.find((i) => i.path[0] === "confirmation") ?? parsed.error.issues[0];
    const errors: FieldErrors<Typed> = { confirmation: { type: "validate", message: issue?.message ?? "Not valid." } };
    return { values: {}, errors };
  };
  const form = useForm<Typed, unknown, I>({
    mode: "onTouched",
    reValidateMode: "onChange",
    resolver,
    defaultValues: { confirmation: "" },
  });
  const typed = form.watch("confirmation");
  const error = form.formState.errors.confirmation?.message;

  return (
    <form noValidate onSubmit={submitAction(form, mutation.mutateAsync, onConfirmed)} className="space-y-4">
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
        errors={error ? [error] : undefined}
      >
        {(control) => (
          <TextInput
            {...control}
            className="font-mono"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            {...form.register("confirmation")}
          />
        )}
      </Field>
      <FormError message={mutation.error?.message} />
      <DialogButtons>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="danger" disabled={typed !== expected || mutation.isPending}>
          {mutation.isPending ? pendingLabel : submitLabel}
        </Button>
      </DialogButtons>
    </form>
  );
}
