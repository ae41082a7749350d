"use client";

import { type FormEvent, type RefObject, useState } from "react";
import type { PreviewResetAction } from "@/components/consumer-groups/actions";
import { type FieldErrors, useServerAction } from "@/components/ui/useServerAction";
import { fieldErrorsFrom } from "@/lib/actions/result";
import type { ResetPreview } from "@/lib/api/types";
import { initialResetValues, type ResetFormValues, toResetPreviewInput } from "@/lib/groups/reset-form";
import { resetPreviewSchema } from "@/lib/groups/schemas";

/** What a field of the form needs: the values, a setter that says which error keys it touches, its errors. */
export interface FieldBinding {
  values: ResetFormValues;
  set: (change: Partial<ResetFormValues>, touches: readonly string[]) => void;
  errorsFor: (key: string) => string[] | undefined;
  disabled: boolean;
}

/** A field's errors show once it has been typed in (or a preview asked for); keys nest: "a.b" is touched by "a". */
function isTouched(touched: ReadonlySet<string>, key: string): boolean {
  for (const prefix of touched) if (key === prefix || key.startsWith(`${prefix}.`)) return true;
  return false;
}

/**
 * The reset form's state: values checked with resetPreviewSchema as they are typed, and "Preview", which asks the
 * server what the reset would do (changing nothing). Any change to the form drops the preview, so what is confirmed
 * is always what is on screen.
 */
export function useResetForm(
  cluster: string,
  groupId: string,
  groupTopics: readonly string[],
  previewOffsetReset: PreviewResetAction,
  formRef: RefObject<HTMLFormElement | null>,
) {
  const [values, setValues] = useState<ResetFormValues>(() => initialResetValues(groupTopics));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [preview, setPreview] = useState<ResetPreview | null>(null);
  const action = useServerAction(cluster, previewOffsetReset);

  const input = toResetPreviewInput(groupId, values);
  const parsed = resetPreviewSchema.safeParse(input);
  const clientErrors: FieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error.issues);
  const errorsFor = (key: string) =>
    ((submitted || isTouched(touched, key)) && clientErrors[key]) || action.fieldErrors[key] || undefined;

  const set = (change: Partial<ResetFormValues>, touches: readonly string[]) => {
    setValues((current) => ({ ...current, ...change }));
    if (touches.length > 0) setTouched((current) => new Set([...current, ...touches]));
    setPreview(null);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (action.pending) return;
    setSubmitted(true);
    if (!parsed.success) {
      // After React has rendered the errors: move to the first field that has one.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setPreview(null);
    const result = await action.run(input);
    if (result.ok) setPreview(result.data);
  }

  const formMessage = action.message ?? (submitted && !parsed.success ? "Check the fields marked above." : null);
  const bind: FieldBinding = { values, set, errorsFor, disabled: action.pending };
  return { bind, submit, preview, pending: action.pending, formMessage };
}
