"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/Link";
import { useMemo } from "react";
import { CreateTopicForm, type OnlineBrokers } from "@/components/topics/create/CreateTopicForm";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import { type BlockedReason, blockedText } from "@/lib/auth/blocked";
import { brokersQuery, topicNamesQuery } from "@/lib/query/options";
import { clusterPath } from "@/lib/routes";

const BACK_LINK = "rounded font-medium text-accent underline underline-offset-4";

/**
 * The create-topic page: the form, fed with the existing topic names (to warn about metric-name collisions) and
 * the online broker count (the default replication factor). When creating is blocked (a read-only cluster, a role
 * below admin) it says why there is no form.
 */
export function CreateTopicView({ cluster, blockedBy }: { cluster: string; blockedBy: BlockedReason | null }) {
  const topics = useQuery({ ...topicNamesQuery(cluster), enabled: blockedBy === null });
  const brokers = useQuery({ ...brokersQuery(cluster), enabled: blockedBy === null });

  const existingNames = useMemo(() => topics.data?.topics.map((topic) => topic.name), [topics.data]);
  const onlineBrokers: OnlineBrokers = brokers.data
    ? brokers.data.brokers.filter((broker) => broker.online).length
    : brokers.isError
      ? "error"
      : "loading";

  return (
    <>
      <PageHeader title="Create topic">
        <p>
          A new topic in {cluster}.{" "}
          <Link href={clusterPath(cluster, "topics")} className={BACK_LINK}>
            Back to topics
          </Link>
        </p>
      </PageHeader>
      {blockedBy ? (
        <EmptyState
          title={blockedBy.kind === "read-only" ? "This cluster is read-only" : "No topics can be created here"}
        >
          {blockedText(blockedBy, "create topics")}
        </EmptyState>
      ) : (
        <CreateTopicForm cluster={cluster} existingNames={existingNames} onlineBrokers={onlineBrokers} />
      )}
    </>
  );
}
