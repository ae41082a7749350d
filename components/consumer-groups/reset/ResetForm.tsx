"use client";

import { useRef } from "react";
import type { ApplyResetAction, PreviewResetAction } from "@/components/consumer-groups/actions";
import { ResetPreviewPanel } from "@/components/consumer-groups/reset/ResetPreviewPanel";
import { ScopeFields } from "@/components/consumer-groups/reset/ScopeFields";
import { StrategyFields } from "@/components/consumer-groups/reset/StrategyFields";
import { useResetForm } from "@/components/consumer-groups/reset/useResetForm";
import { Button } from "@/components/ui/Button";
import { FormError } from "@/components/ui/Form";
import type { GroupPartitionOffset } from "@/lib/api/types";

/** Scope and strategy, checked as they are typed; "Preview" shows what would happen, and only its button applies it. */
export function ResetForm({
  cluster,
  groupId,
  groupTopics,
  offsets,
  blocked,
  previewOffsetReset,
  applyOffsetReset,
}: {
  cluster: string;
  groupId: string;
  groupTopics: readonly string[];
  offsets: readonly GroupPartitionOffset[];
  /** No preview nor reset is offered (the page says why). */
  blocked: boolean;
  previewOffsetReset: PreviewResetAction;
  applyOffsetReset: ApplyResetAction;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const form = useResetForm(cluster, groupId, groupTopics, previewOffsetReset, formRef);
  return (
    <>
      <form
        ref={formRef}
        noValidate
        aria-label="Reset offsets"
        onSubmit={(event) => void form.submit(event)}
        className="max-w-3xl space-y-6"
      >
        <ScopeFields cluster={cluster} groupTopics={groupTopics} offsets={offsets} bind={form.bind} />
        <StrategyFields bind={form.bind} />
        <FormError message={form.formMessage} />
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" variant="primary" disabled={blocked || form.pending}>
            Preview
          </Button>
          <p role="status" className="text-sm text-muted">
            {form.pending ? "Computing the preview on the cluster…" : ""}
          </p>
        </div>
      </form>
      {form.preview ? (
        <ResetPreviewPanel
          cluster={cluster}
          groupId={groupId}
          preview={form.preview}
          blocked={blocked}
          applyOffsetReset={applyOffsetReset}
        />
      ) : null}
    </>
  );
}
