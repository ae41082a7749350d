"use client";

import dynamic from "next/dynamic";
import { Link } from "@/components/ui/Link";
import { useId, useState } from "react";
import { Button, buttonClass } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { FormLoading } from "@/components/ui/FormLoading";
import type { ConsumerGroupResponse } from "@/lib/api/types";
import { type BlockedReason, blockedText } from "@/lib/auth/blocked";
import { formatInteger } from "@/lib/format";
import { resetOffsetsPath } from "@/lib/routes";

type GroupAction = "reset" | "delete";

// Loaded when its dialog opens: the page's first paint does not wait for react-hook-form and zod.
const DeleteGroupForm = dynamic(
  () => import("@/components/consumer-groups/detail/DeleteGroupForm").then((m) => m.DeleteGroupForm),
  { loading: FormLoading },
);

/**
 * What stands in the way of the actions now, in words, each note with the actions it is about: a reason of each
 * blocked action (one note for both when the cluster is read-only), and active members while a reset is offered.
 */
function groupNotes(
  resetBlocked: BlockedReason | null,
  deleteBlocked: BlockedReason | null,
  members: number,
): { text: string; about: GroupAction[] }[] {
  const notes: { text: string; about: GroupAction[] }[] = [];
  if (resetBlocked?.kind === "read-only" && deleteBlocked?.kind === "read-only") {
    notes.push({ text: blockedText(resetBlocked, "reset offsets or delete this group"), about: ["reset", "delete"] });
  } else {
    if (resetBlocked) notes.push({ text: blockedText(resetBlocked, "reset offsets"), about: ["reset"] });
    if (deleteBlocked) notes.push({ text: blockedText(deleteBlocked, "delete this group"), about: ["delete"] });
  }
  // Said only when a reset is offered (it can still be prepared and previewed then).
  if (members > 0 && resetBlocked === null) {
    notes.push({
      text:
        `The group has ${formatInteger(members)} active ${members === 1 ? "member" : "members"}: Kafka ` +
        `resets offsets and deletes a group only while no member is active. You can still prepare and preview a reset.`,
      about: ["reset", "delete"],
    });
  }
  return notes;
}

/**
 * "Reset offsets" (a link to its own page, which stays open to preview even when a reset would be refused) and
 * "Delete group" (a dialog with a typed confirmation), with the reason in words when they cannot be used now. A
 * reset and a delete need different roles (operator, admin): `resetBlocked` and `deleteBlocked` say each one's reason.
 */
export function GroupActions({
  cluster,
  group,
  resetBlocked,
  deleteBlocked,
  onDeleted,
}: {
  cluster: string;
  group: ConsumerGroupResponse;
  resetBlocked: BlockedReason | null;
  deleteBlocked: BlockedReason | null;
  onDeleted: () => void;
}) {
  const noteId = useId();
  const [open, setOpen] = useState(false);
  const members = group.members.length;
  const notes = groupNotes(resetBlocked, deleteBlocked, members);
  const describedBy = (action: GroupAction) =>
    notes.flatMap((note, i) => (note.about.includes(action) ? [`${noteId}-${i}`] : [])).join(" ") || undefined;
  return (
    <div className="mb-6 flex max-w-md flex-col items-start gap-2 sm:items-end">
      <div role="group" aria-label="Group actions" className="flex flex-wrap gap-2">
        <Link
          href={resetOffsetsPath(cluster, group.groupId)}
          aria-describedby={describedBy("reset")}
          className={buttonClass("secondary")}
        >
          Reset offsets
        </Link>
        <Button
          variant="danger"
          disabled={deleteBlocked !== null || members > 0}
          aria-describedby={describedBy("delete")}
          onClick={() => setOpen(true)}
        >
          Delete group
        </Button>
      </div>
      {notes.map((note, i) => (
        <p key={note.text} id={`${noteId}-${i}`} className="text-xs text-muted sm:text-right">
          {note.text}
        </p>
      ))}
      <Dialog open={open} title="Delete group" onClose={() => setOpen(false)}>
        {open ? (
          <DeleteGroupForm cluster={cluster} group={group} onCancel={() => setOpen(false)} onDeleted={onDeleted} />
        ) : null}
      </Dialog>
    </div>
  );
}
