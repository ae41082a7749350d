"use client";

import { ResetPreviewPanel } from "@/components/consumer-groups/reset/ResetPreviewPanel";
import { ScopeFields } from "@/components/consumer-groups/reset/ScopeFields";
import { StrategyFields } from "@/components/consumer-groups/reset/StrategyFields";
import { useResetForm } from "@/components/consumer-groups/reset/useResetForm";
import { Button } from "@/components/ui/Button";
import { FormControls, FormError } from "@/components/ui/Form";
import type { GroupPartitionOffset } from "@/lib/api/types";

/** Scope and strategy, checked as they are typed; "Preview" shows what would happen, and only its button applies it. */
export function ResetForm({
  cluster,
  groupId,
  groupTopics,
  offsets,
  blocked,
}: {
  cluster: string;
  groupId: string;
  groupTopics: readonly string[];
  offsets: readonly GroupPartitionOffset[];
  /** No preview nor reset is offered (the page says why). */
  blocked: boolean;
}) {
  const { bind, submit, preview } = useResetForm(cluster, groupId, groupTopics);
  const { errors, isSubmitted } = bind.form.formState;
  const formMessage =
    preview.error?.message ??
    errors.root?.message ??
    (isSubmitted && Object.keys(errors).length > 0 ? "Check the fields marked above." : null);
  return (
    <>
      <form
        noValidate
        aria-label="Reset offsets"
        onSubmit={(event) => (blocked || preview.isPending ? event.preventDefault() : submit(event))}
        className="max-w-3xl"
      >
        <FormControls className="space-y-6">
          <fieldset disabled={bind.disabled} className="space-y-6">
            <ScopeFields cluster={cluster} groupTopics={groupTopics} offsets={offsets} bind={bind} />
            <StrategyFields bind={bind} />
          </fieldset>
          <FormError message={formMessage} />
          <div className="flex flex-wrap items-center gap-4">
            <Button type="submit" variant="primary" disabled={blocked || preview.isPending}>
              Preview
            </Button>
            <p role="status" className="text-sm text-muted">
              {preview.isPending ? "Computing the preview on the cluster…" : ""}
            </p>
          </div>
        </FormControls>
      </form>
      {preview.data ? (
        <ResetPreviewPanel cluster={cluster} groupId={groupId} preview={preview.data} blocked={blocked} />
      ) : null}
    </>
  );
}
