/**
 * The consumer-group server actions, with the signatures of server/actions/consumer-groups.ts. The pages (server
 * components) pass the actions themselves in as props, so nothing under components/ imports server/ (DESIGN.md).
 */
import type { ActionResult } from "@/lib/actions/result";
import type { ResetPreview, ResetResult } from "@/lib/api/types";
import type { ApplyResetInput, DeleteGroupInput, ResetPreviewInput, UndoResetInput } from "@/lib/groups/schemas";

export type PreviewResetAction = (cluster: string, input: ResetPreviewInput) => Promise<ActionResult<ResetPreview>>;
export type ApplyResetAction = (cluster: string, input: ApplyResetInput) => Promise<ActionResult<ResetResult>>;
export type UndoResetAction = (cluster: string, input: UndoResetInput) => Promise<ActionResult<ResetResult>>;
export type DeleteGroupAction = (
  cluster: string,
  input: DeleteGroupInput,
) => Promise<ActionResult<{ groupId: string }>>;
