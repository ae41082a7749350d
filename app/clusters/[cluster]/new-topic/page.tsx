import type { Metadata } from "next";
import { CreateTopicView } from "@/components/topics/create/CreateTopicView";
import { decodeSegment } from "@/lib/routes";
import { MUTATION_ROLES } from "@/lib/auth/permissions";
import { changesBlocked } from "@/server/auth/page";

export const metadata: Metadata = { title: "Create topic" };

export default async function CreateTopicPage({ params }: { params: Promise<{ cluster: string }> }) {
  const name = decodeSegment((await params).cluster);
  // The cluster layout has already answered 404 for an unknown cluster; the action checks again.
  const blockedBy = await changesBlocked(name, MUTATION_ROLES["topic.create"]);
  return <CreateTopicView cluster={name} blockedBy={blockedBy} />;
}
