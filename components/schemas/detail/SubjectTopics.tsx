"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/Link";
import { topicNamesQuery } from "@/lib/query/options";
import { messagesPath, topicPath } from "@/lib/routes";
import { topicOfSubject } from "@/lib/schemas/display";

/**
 * The topic whose keys or values use this subject under the TopicNameStrategy (`<topic>-key`, `<topic>-value`), when
 * the cluster has it; a subject named otherwise (RecordNameStrategy) is said to name no topic.
 */
export function SubjectTopics({ cluster, subject }: { cluster: string; subject: string }) {
  const named = topicOfSubject(subject);
  const { data, isPending } = useQuery({ ...topicNamesQuery(cluster), enabled: named !== null });
  if (!named)
    return (
      <p className="text-sm text-muted">
        The name does not follow the TopicNameStrategy (&lt;topic&gt;-key or &lt;topic&gt;-value), so it names no topic;
        serializers using the record name strategy may still write with it.
      </p>
    );
  if (isPending) return <p className="text-sm text-muted">Looking for topic {named.topic}…</p>;
  const exists = data?.topics.some((t) => t.name === named.topic) ?? false;
  if (!exists)
    return (
      <p className="text-sm text-muted">
        The {named.part}s of topic <span className="font-mono">{named.topic}</span> would use it, but the cluster has no
        such topic.
      </p>
    );
  return (
    <p className="text-sm">
      The {named.part}s of topic{" "}
      <Link href={topicPath(cluster, named.topic)} className="font-mono text-accent hover:underline">
        {named.topic}
      </Link>{" "}
      (
      <Link href={messagesPath(cluster, named.topic)} className="text-accent hover:underline">
        browse its messages
      </Link>
      ).
    </p>
  );
}
