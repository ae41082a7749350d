"use client";

import { useEffect } from "react";
import type { Path, UseFormReturn, UseFormSetError } from "react-hook-form";
import { useActionForm } from "@/components/ui/useActionForm";
import { submitAction, useActionMutation } from "@/components/ui/useActionMutation";
import { initialResetValues, resetFormPathOf, type ResetFormValues, resetResolver } from "@/lib/groups/reset-form";
import type { ResetPreviewInput } from "@/lib/groups/schemas";
import { previewOffsetReset } from "@/server/groups/actions";

/** What the fields of the form need: the form, its values as they stand, and whether it is busy. */
export interface ResetBinding {
  form: UseFormReturn<ResetFormValues, unknown, ResetPreviewInput>;
  values: ResetFormValues;
  disabled: boolean;
}

/**
 * The reset form on react-hook-form, checked with resetPreviewSchema through resetResolver (a field's problem shows
 * once it has been left or a preview asked for, and clears as soon as it is fixed), and "Preview" as a mutation that
 * asks the server what the reset would do (changing nothing). Any change to the form drops the preview and the
 * action's word, so what is confirmed is always what is on screen.
 */
export function useResetForm(cluster: string, groupId: string, groupTopics: readonly string[]) {
  const preview = useActionMutation(cluster, previewOffsetReset);
  const form = useActionForm(resetResolver(groupId), initialResetValues(groupTopics));
  const { reset } = preview;
  useEffect(() => {
    const subscription = form.watch(() => reset());
    return () => subscription.unsubscribe();
  }, [form, reset]);
  // The action reports problems at the input's paths; the form shows them at its own fields.
  const setError: UseFormSetError<ResetFormValues> = (path, error) =>
    form.setError(resetFormPathOf(path.split("."), form.getValues()) as Path<ResetFormValues>, error);
  const submit = submitAction({ handleSubmit: form.handleSubmit, setError }, preview.mutateAsync);
  const bind: ResetBinding = { form, values: form.watch(), disabled: preview.isPending };
  return { bind, submit, preview };
}
