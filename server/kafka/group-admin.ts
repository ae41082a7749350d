import "server-only";
import type { ResetPreview, ResetResult } from "@/lib/api/types";
import type { z } from "zod";
import type { applyResetSchema, resetPreviewSchema } from "@/lib/groups/schemas";

// Being written: the signatures are final.
export async function previewReset(cluster: string, input: z.output<typeof resetPreviewSchema>): Promise<ResetPreview> {
  await Promise.resolve();
  throw new Error(`not written yet ${cluster} ${input.groupId}`);
}
export async function applyReset(cluster: string, input: z.output<typeof applyResetSchema>): Promise<ResetResult> {
  await Promise.resolve();
  throw new Error(`not written yet ${cluster} ${input.groupId}`);
}
export async function undoReset(cluster: string, groupId: string): Promise<ResetResult> {
  await Promise.resolve();
  throw new Error(`not written yet ${cluster} ${groupId}`);
}
export async function deleteGroup(cluster: string, groupId: string): Promise<void> {
  await Promise.resolve();
  throw new Error(`not written yet ${cluster} ${groupId}`);
}
