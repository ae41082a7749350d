"use server";
import type { ActionResult } from "@/lib/actions/result";
import type { ResetPreview, ResetResult } from "@/lib/api/types";
import {
  type ApplyResetInput,
  type DeleteGroupInput,
  type ResetPreviewInput,
  type UndoResetInput,
  applyResetSchema,
  deleteGroupSchema,
  resetPreviewSchema,
  undoResetSchema,
} from "@/lib/groups/schemas";
import { runMutation, runPreview } from "@/server/run-action";
import * as admin from "@/server/groups/writes";

/** Computes, on the real cluster, what a reset would do; changes nothing, so it is not audited. */
export async function previewOffsetReset(
  cluster: string,
  input: ResetPreviewInput,
): Promise<ActionResult<ResetPreview>> {
  return runPreview(cluster, resetPreviewSchema, input, (c, valid) => admin.previewReset(c, valid));
}

/** Commits exactly the previewed offsets, unless the group has members or its offsets moved since the preview. */
export async function applyOffsetReset(cluster: string, input: ApplyResetInput): Promise<ActionResult<ResetResult>> {
  return runMutation("group.offsets.reset", cluster, applyResetSchema, input, (c, valid) => admin.applyReset(c, valid));
}

/** Puts back the offsets the console's last reset of the group replaced. */
export async function undoOffsetReset(cluster: string, input: UndoResetInput): Promise<ActionResult<ResetResult>> {
  return runMutation("group.offsets.undo", cluster, undoResetSchema, input, (c, valid) =>
    admin.undoReset(c, valid.groupId),
  );
}

export async function deleteConsumerGroup(
  cluster: string,
  input: DeleteGroupInput,
): Promise<ActionResult<{ groupId: string }>> {
  return runMutation("group.delete", cluster, deleteGroupSchema, input, async (c, valid) => {
    await admin.deleteGroup(c, valid.groupId);
    return { groupId: valid.groupId };
  });
}
