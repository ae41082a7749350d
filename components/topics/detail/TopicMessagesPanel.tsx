import { Link } from "@/components/ui/Link";
import type { TopicResponse } from "@/lib/api/types";
import { formatCount } from "@/lib/format";
import { messagesPath, producePath } from "@/lib/routes";

const LINK =
  "block rounded-lg border border-line bg-surface p-4 hover:border-accent focus-visible:outline-2 " +
  "focus-visible:outline-accent";

/** Where to start reading the topic in the message browser, each a link that opens the search ready to run. */
export function TopicMessagesPanel({
  cluster,
  topic,
  produceBlocked,
}: {
  cluster: string;
  topic: TopicResponse;
  produceBlocked: boolean;
}) {
  const search = (params: Record<string, string>) => messagesPath(cluster, topic.name, new URLSearchParams(params));
  const starts = [
    { href: search({ from: "newest" }), title: "Newest messages", text: "The latest records, newest at the top." },
    { href: search({ from: "oldest" }), title: "Oldest messages", text: "From the start of every partition." },
    { href: search({ from: "live" }), title: "Live tail", text: "New records as they arrive." },
  ];
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">
        {formatCount(topic.messages)} {topic.messages === 1 ? "message" : "messages"} in{" "}
        {topic.partitions.length === 1 ? "1 partition" : `${topic.partitions.length} partitions`}. Open the message
        browser at:
      </p>
      <ul className="grid gap-3 sm:grid-cols-3">
        {starts.map((start) => (
          <li key={start.title}>
            <Link href={start.href} className={LINK}>
              <span className="font-medium text-accent">{start.title}</span>
              <span className="mt-1 block text-sm text-muted">{start.text}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="text-sm text-muted">
        One partition&apos;s messages: the partition number in the Overview tab links to them.
        {produceBlocked ? null : (
          <>
            {" "}
            <Link href={producePath(cluster, topic.name)} className="font-medium text-accent hover:underline">
              Produce a message
            </Link>
          </>
        )}
      </p>
    </div>
  );
}
