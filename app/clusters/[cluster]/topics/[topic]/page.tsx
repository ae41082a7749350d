import type { Metadata } from "next";
import { TopicView } from "@/components/topics/detail/TopicView";
import { decodeSegment } from "@/lib/routes";
import { MUTATION_ROLES } from "@/lib/auth/permissions";
import { topicQuery } from "@/lib/query/options";
import { changesBlocked } from "@/server/auth/page";
import { clusterParam, segmentParam } from "@/server/http";
import { describeTopic } from "@/server/topics/reads";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import { Prefetched } from "@/app/prefetched";

interface Props {
  params: Promise<{ cluster: string; topic: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  return { title: decodeSegment((await params).topic) };
}

/** ?partition=N: a partition number, or undefined for anything else. */
function partitionParam(value: string | string[] | undefined): number | undefined {
  if (typeof value !== "string" || !/^\d{1,9}$/.test(value)) return undefined;
  return Number(value);
}

export default async function TopicPage({ params, searchParams }: Props) {
  const { cluster, topic } = await params;
  const name = decodeSegment(cluster);
  // The cluster layout has already answered 404 for an unknown cluster; the actions check again. Every topic change
  // needs the same role (admin); producing to it needs less (operator).
  const [blockedBy, produceBlocked] = await Promise.all([
    changesBlocked(name, MUTATION_ROLES["topic.delete"]),
    changesBlocked(name, MUTATION_ROLES["messages.produce"]),
  ]);
  const highlight = partitionParam((await searchParams).partition);
  const topicName = decodeSegment(topic);
  return (
    <Prefetched
      fallback={<TableSkeleton label="Loading the topic…" rows={6} />}
      queryKey={topicQuery(name, topicName).queryKey}
      read={async () => describeTopic(await clusterParam(params), await segmentParam(params, "topic"))}
    >
      <TopicView
        key={topicName}
        cluster={name}
        topic={topicName}
        blockedBy={blockedBy}
        produceBlocked={produceBlocked !== null}
        highlightPartition={highlight}
      />
    </Prefetched>
  );
}
