"use client";

import { useId } from "react";
import { Button } from "@/components/ui/Button";
import { FormError } from "@/components/ui/Form";
import { useActionMutation } from "@/components/ui/useActionMutation";
import type { LastReset } from "@/lib/api/types";
import { type BlockedReason, blockedText } from "@/lib/auth/blocked";
import { formatInteger, formatQuantity } from "@/lib/format";
import { formatDateTime, partitionsWords } from "@/lib/groups/display";
import { queryKeys } from "@/lib/query/keys";
import { undoOffsetReset } from "@/server/groups/actions";

/** Why Undo cannot run now, in words, or null when it can. */
function undoBlocked(reset: LastReset, members: number, blockedBy: BlockedReason | null): string | null {
  if (blockedBy) return blockedText(blockedBy, "undo this reset");
  if (reset.undoablePartitions === 0)
    return "Nothing left to undo: every partition the reset moved has committed a newer offset since.";
  if (members > 0)
    return "Undo works only while the group has no active members: stop its consumers first, as for a reset.";
  return null;
}

/**
 * Said when the console's last reset of this group can still be seen: when, how many partitions, and Undo, which
 * puts back the offsets the reset replaced (on the partitions that have not committed anything newer since). Always
 * rendered (`reset` null when there is none), so the result of an Undo stays said after the banner goes away.
 */
export function LastResetNotice({
  cluster,
  groupId,
  reset,
  members,
  blockedBy,
}: {
  cluster: string;
  groupId: string;
  reset: LastReset | null;
  members: number;
  /** Why Undo is not offered (a read-only cluster, a role below operator), or null. */
  blockedBy: BlockedReason | null;
}) {
  const mutation = useActionMutation(
    cluster,
    undoOffsetReset,
    () => [queryKeys.consumerGroups(cluster), queryKeys.topics(cluster)],
    (data) =>
      `The last offset reset of group ${data.groupId} was undone (${formatQuantity(data.partitions, "partition")}).`,
  );
  const done = mutation.data;

  return (
    <>
      <p
        role="status"
        className={
          "mb-6 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 " +
          "empty:hidden dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100"
        }
      >
        {done
          ? `Undone: ${partitionsWords(done.partitions)} ${done.partitions === 1 ? "is" : "are"} back at the ` +
            `offsets from before the reset.`
          : null}
      </p>
      {reset ? (
        <Banner
          reset={reset}
          blocked={undoBlocked(reset, members, blockedBy)}
          pending={mutation.isPending}
          message={mutation.error?.message ?? null}
          onUndo={() => mutation.mutate({ groupId })}
        />
      ) : null}
    </>
  );
}

function Banner({
  reset,
  blocked,
  pending,
  message,
  onUndo,
}: {
  reset: LastReset;
  blocked: string | null;
  pending: boolean;
  message: string | null;
  onUndo: () => void;
}) {
  const noteId = useId();
  const partial = reset.undoablePartitions > 0 && reset.undoablePartitions < reset.partitions;
  return (
    <div
      role="region"
      aria-label="Last offset reset"
      className={
        "mb-6 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-900 " +
        "dark:border-indigo-800 dark:bg-indigo-950/40 dark:text-indigo-100"
      }
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <p className="min-w-0 flex-1 font-medium">
          Offsets were reset by the console at {formatDateTime(reset.at)} ({partitionsWords(reset.partitions)}).
          {partial
            ? ` ${formatInteger(reset.undoablePartitions)} of them can be undone; the others have committed ` +
              `newer offsets since.`
            : null}
        </p>
        <Button disabled={blocked !== null || pending} aria-describedby={blocked ? noteId : undefined} onClick={onUndo}>
          {pending ? "Undoing…" : "Undo reset"}
        </Button>
      </div>
      {blocked ? (
        <p id={noteId} className="mt-1 text-xs">
          {blocked}
        </p>
      ) : null}
      {message ? (
        <div className="mt-2">
          <FormError message={`Undo failed: ${message}`} />
        </div>
      ) : null}
    </div>
  );
}
