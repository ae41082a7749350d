"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type {
  AddPartitionsInput,
  AlterTopicConfigsInput,
  DeleteTopicInput,
  PurgeTopicInput,
} from "@/lib/topics/schemas";

/**
 * The topic server actions this page uses, with the signatures of server/actions/topics.ts. The page (a server
 * component) passes the actions themselves in, so nothing under components/ imports server/ (the lint rule of
 * DESIGN.md); the forms read them from this context.
 */
export interface TopicAdmin {
  deleteTopic: (cluster: string, input: DeleteTopicInput) => Promise<ActionResult<{ name: string }>>;
  addPartitions: (
    cluster: string,
    input: AddPartitionsInput,
  ) => Promise<ActionResult<{ name: string; partitions: number }>>;
  alterTopicConfigs: (
    cluster: string,
    input: AlterTopicConfigsInput,
  ) => Promise<ActionResult<{ name: string; set: string[]; reset: string[] }>>;
  purgeTopic: (
    cluster: string,
    input: PurgeTopicInput,
  ) => Promise<ActionResult<{ name: string; partitions: { partition: number; lowWatermark: string }[] }>>;
}

const TopicAdminContext = createContext<TopicAdmin | null>(null);

export function TopicAdminProvider({ admin, children }: { admin: TopicAdmin; children: ReactNode }) {
  return <TopicAdminContext value={admin}>{children}</TopicAdminContext>;
}

export function useTopicAdmin(): TopicAdmin {
  const admin = useContext(TopicAdminContext);
  if (!admin) throw new Error("useTopicAdmin needs a TopicAdminProvider above it.");
  return admin;
}
