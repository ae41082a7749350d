/**
 * The message server actions, with the signatures of server/actions/messages.ts. The pages (server components) pass
 * the actions themselves in as props, so nothing under components/ imports server/ (DESIGN.md).
 */
import type { ActionResult } from "@/lib/actions/result";
import type { ProduceInput, ProduceResult } from "@/lib/messages/produce";

export type ProduceAction = (cluster: string, input: ProduceInput) => Promise<ActionResult<ProduceResult>>;
