"use client";

import Link from "next/link";
import { useId, useState } from "react";
import type { DeleteGroupAction } from "@/components/consumer-groups/actions";
import { DeleteGroupForm } from "@/components/consumer-groups/detail/DeleteGroupForm";
import { Button, buttonClass } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import type { ConsumerGroupResponse } from "@/lib/api/types";
import { formatInteger } from "@/lib/format";
import { resetOffsetsPath } from "@/lib/routes";

/** Why the group cannot be changed now, in words (the server refuses anyway), or null. */
function changeBlocked(readOnly: boolean, members: number): string | null {
  if (readOnly) return "This cluster is read-only: offsets cannot be reset and groups cannot be deleted from the console.";
  if (members > 0) {
    return `The group has ${formatInteger(members)} active ${members === 1 ? "member" : "members"}: Kafka resets offsets and deletes a group only while no member is active. You can still prepare and preview a reset.`;
  }
  return null;
}

/**
 * "Reset offsets" (a link to its own page, which stays open to preview even when a reset would be refused) and
 * "Delete group" (a dialog with a typed confirmation), with the reason in words when they cannot be used now.
 */
export function GroupActions({
  cluster,
  group,
  readOnly,
  deleteConsumerGroup,
  onDeleted,
}: {
  cluster: string;
  group: ConsumerGroupResponse;
  readOnly: boolean;
  deleteConsumerGroup: DeleteGroupAction;
  onDeleted: () => void;
}) {
  const noteId = useId();
  const [open, setOpen] = useState(false);
  const blocked = changeBlocked(readOnly, group.members.length);
  return (
    <div className="mb-6 flex max-w-md flex-col items-start gap-2 sm:items-end">
      <div role="group" aria-label="Group actions" className="flex flex-wrap gap-2">
        <Link href={resetOffsetsPath(cluster, group.groupId)} aria-describedby={blocked ? noteId : undefined} className={buttonClass("secondary")}>
          Reset offsets
        </Link>
        <Button variant="danger" disabled={blocked !== null} aria-describedby={blocked ? noteId : undefined} onClick={() => setOpen(true)}>
          Delete group
        </Button>
      </div>
      {blocked ? (
        <p id={noteId} className="text-xs text-muted sm:text-right">
          {blocked}
        </p>
      ) : null}
      <Dialog open={open} title="Delete group" onClose={() => setOpen(false)}>
        {open ? <DeleteGroupForm cluster={cluster} group={group} deleteConsumerGroup={deleteConsumerGroup} onCancel={() => setOpen(false)} onDeleted={onDeleted} /> : null}
      </Dialog>
    </div>
  );
}
