"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/Link";
import { useSearchParams } from "next/navigation";
import { ProduceForm } from "@/components/produce/ProduceForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { type BlockedReason, blockedText } from "@/lib/auth/blocked";
import { topicNamesQuery } from "@/lib/query/options";
import { messagesPath } from "@/lib/routes";

/**
 * The produce page: a record (or copies of it) written to a topic, for testing. ?topic= preselects the topic and
 * ?draft=1 prefills the form from "Produce again" in the message browser. When producing is blocked (a read-only
 * cluster, or a role below operator) the form is shown disabled, with the reason.
 */
export function ProduceView({ cluster, blockedBy }: { cluster: string; blockedBy: BlockedReason | null }) {
  const params = useSearchParams();
  const topic = params.get("topic") ?? "";
  const draftRequested = params.get("draft") === "1";
  const topics = useQuery(topicNamesQuery(cluster));

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
        <PageHeader title="Produce">
          <p>Write a test message to a topic of {cluster}.</p>
        </PageHeader>
        <Link
          href={messagesPath(cluster, topic || undefined)}
          className="mb-6 rounded text-sm font-medium text-accent underline underline-offset-4"
        >
          Browse messages
        </Link>
      </div>
      {blockedBy ? (
        <p
          role="note"
          className={
            "mb-6 max-w-3xl rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm " +
            "text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
          }
        >
          {blockedText(blockedBy, "produce messages")}
        </p>
      ) : null}
      <ProduceForm
        cluster={cluster}
        initialTopic={topic}
        draftRequested={draftRequested && blockedBy === null}
        blocked={blockedBy !== null}
        topics={topics.data?.topics}
        topicsFailed={topics.isError && !topics.data}
        refreshTopics={topics.refetch}
      />
    </>
  );
}
