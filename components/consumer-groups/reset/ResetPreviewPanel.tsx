"use client";

import { useRouter } from "next/navigation";
import { useId, useTransition } from "react";
import { ActiveMembersRefusal } from "@/components/consumer-groups/reset/ActiveMembersRefusal";
import { ResetPreviewTable } from "@/components/consumer-groups/reset/ResetPreviewTable";
import { Button } from "@/components/ui/Button";
import { FormError } from "@/components/ui/Form";
import { useActionMutation } from "@/components/ui/useActionMutation";
import type { ResetPreview } from "@/lib/api/types";
import { formatInteger, formatQuantity } from "@/lib/format";
import { partitionsWords, recordsWords } from "@/lib/groups/display";
import { queryKeys } from "@/lib/query/keys";
import { groupPath } from "@/lib/routes";
import { applyOffsetReset } from "@/server/groups/actions";

/** The preview's totals in sentences. */
function Totals({ preview }: { preview: ResetPreview }) {
  const { totals } = preview;
  return (
    <ul className="space-y-1 text-sm" data-testid="reset-totals">
      <li>
        {partitionsWords(totals.partitions)} in scope; lag goes from {formatInteger(totals.lagBefore)} to{" "}
        {formatInteger(totals.lagAfter)}.
      </li>
      {totals.reRead > 0 ? <li className="font-medium">{recordsWords(totals.reRead)} will be read again.</li> : null}
      {totals.skipped > 0 ? <li className="font-medium">{recordsWords(totals.skipped)} will be skipped.</li> : null}
      {totals.reRead === 0 && totals.skipped === 0 ? <li>No record is read again or skipped.</li> : null}
      {totals.clamped > 0 ? (
        <li className="text-amber-800 dark:text-amber-300">
          The offset asked for is outside the log on {partitionsWords(totals.clamped)}:{" "}
          {totals.clamped === 1 ? "it moves" : "they move"} to the start or the end of the log instead (see the notes).
        </li>
      ) : null}
    </ul>
  );
}

/**
 * What the reset would do, computed on the server from the real cluster, and the one button that applies exactly
 * that plan (each partition's new offset, with the committed offset the preview saw: if one moved since, the server
 * refuses and nothing changes). Refused in words while the group has active members.
 */
export function ResetPreviewPanel({
  cluster,
  groupId,
  preview,
  blocked,
}: {
  cluster: string;
  groupId: string;
  preview: ResetPreview;
  blocked: boolean;
}) {
  const headingId = useId();
  const router = useRouter();
  const action = useActionMutation(
    cluster,
    applyOffsetReset,
    () => [queryKeys.consumerGroups(cluster), queryKeys.topics(cluster)],
    (data) => `Offsets of group ${data.groupId} reset on ${formatQuantity(data.partitions, "partition")}.`,
  );
  const applied = action.isSuccess;
  const [navigating, startNavigation] = useTransition();
  const refused = preview.activeMembers.length > 0;
  const count = preview.rows.length;

  function confirm() {
    const plan = preview.rows.map((row) => ({
      topic: row.topic,
      partition: row.partition,
      expectedOffset: row.currentOffset,
      offset: row.newOffset,
    }));
    action.mutate(
      { groupId, plan },
      { onSuccess: () => startNavigation(() => router.push(groupPath(cluster, groupId))) },
    );
  }

  return (
    <section aria-labelledby={headingId} className="mt-8 space-y-4">
      <h2 id={headingId} className="text-lg font-semibold">
        Preview
      </h2>
      {count === 0 ? (
        <p className="text-sm">
          Nothing to reset: no partition is in this scope (the group has no committed offsets there).
        </p>
      ) : (
        <>
          <Totals preview={preview} />
          {refused ? <ActiveMembersRefusal members={preview.activeMembers} /> : null}
          <ResetPreviewTable rows={preview.rows} />
          <FormError message={action.error?.message} />
          <div className="flex flex-wrap items-center gap-4">
            <Button
              variant="danger"
              disabled={refused || blocked || action.isPending || applied || navigating}
              onClick={confirm}
            >
              Reset {partitionsWords(count)}
            </Button>
            <p role="status" className="text-sm text-muted">
              {applied
                ? "Offsets reset. Opening the group…"
                : action.isPending
                  ? "Resetting the offsets…"
                  : "Nothing has changed yet: the offsets move when you confirm."}
            </p>
          </div>
        </>
      )}
    </section>
  );
}
