"use client";

import dynamic from "next/dynamic";
import { useId, useState } from "react";
import { Link } from "@/components/ui/Link";
import { ElectLeadersButton } from "@/components/brokers/ElectLeadersButton";
import { Button, buttonClass } from "@/components/ui/Button";
import { reassignPath } from "@/lib/routes";
import { Dialog } from "@/components/ui/Dialog";
import { FormLoading } from "@/components/ui/FormLoading";
import type { TopicResponse } from "@/lib/api/types";
import { type BlockedReason, blockedText } from "@/lib/auth/blocked";

// Each form is loaded when its dialog opens: the page's first paint does not wait for react-hook-form and zod.
const AddPartitionsForm = dynamic(
  () => import("@/components/topics/detail/AddPartitionsForm").then((m) => m.AddPartitionsForm),
  { loading: FormLoading },
);
const PurgeForm = dynamic(() => import("@/components/topics/detail/PurgeForm").then((m) => m.PurgeForm), {
  loading: FormLoading,
});
const DeleteTopicForm = dynamic(
  () => import("@/components/topics/detail/DeleteTopicForm").then((m) => m.DeleteTopicForm),
  { loading: FormLoading },
);

type Open = "add-partitions" | "purge" | "delete" | null;

const TITLES: Record<Exclude<Open, null>, string> = {
  "add-partitions": "Add partitions",
  purge: "Purge messages",
  delete: "Delete topic",
};

/**
 * The topic's administration buttons and their dialogs. When changes are blocked (a read-only cluster, a role
 * below admin) the buttons stay visible but disabled, with the reason in words. Each dialog stays open with the
 * action's message when it fails.
 */
export function TopicActions({
  cluster,
  topic,
  blockedBy,
  onDeleted,
}: {
  cluster: string;
  topic: TopicResponse;
  blockedBy: BlockedReason | null;
  onDeleted: () => void;
}) {
  const noteId = useId();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const blocked = blockedBy !== null;
  const describedBy = blocked ? noteId : undefined;
  const nonPreferred = topic.partitions.filter((p) => p.leader >= 0 && !p.preferredLeader);

  return (
    <div className="mb-6 flex flex-col items-start gap-2 sm:items-end">
      <div role="group" aria-label="Topic actions" className="flex flex-wrap gap-2">
        <Button disabled={blocked} aria-describedby={describedBy} onClick={() => setOpen("add-partitions")}>
          Add partitions
        </Button>
        <Button disabled={blocked} aria-describedby={describedBy} onClick={() => setOpen("purge")}>
          Purge messages
        </Button>
        <Button variant="danger" disabled={blocked} aria-describedby={describedBy} onClick={() => setOpen("delete")}>
          Delete topic
        </Button>
        <Link className={buttonClass()} href={reassignPath(cluster, topic.name)}>
          Reassign partitions
        </Link>
      </div>
      {/* Always offered (its result must stay on screen after the leaders move); the count says when it is due. */}
      {!blocked ? (
        <ElectLeadersButton
          cluster={cluster}
          topic={topic.name}
          label={
            nonPreferred.length > 0
              ? `Elect preferred leaders (${nonPreferred.length} not preferred)`
              : "Elect preferred leaders"
          }
        />
      ) : null}
      {blockedBy ? (
        <p id={noteId} className="text-xs text-muted sm:text-right">
          {blockedText(blockedBy, "change or delete this topic")}
        </p>
      ) : null}
      <Dialog open={open !== null} title={open ? TITLES[open] : ""} onClose={close}>
        {open === "add-partitions" ? (
          <AddPartitionsForm cluster={cluster} topic={topic.name} current={topic.partitions.length} onDone={close} />
        ) : null}
        {open === "purge" ? <PurgeForm cluster={cluster} topic={topic} onDone={close} /> : null}
        {open === "delete" ? (
          <DeleteTopicForm cluster={cluster} topic={topic} onCancel={close} onDeleted={onDeleted} />
        ) : null}
      </Dialog>
    </div>
  );
}
