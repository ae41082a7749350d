"use client";

import { Link } from "@/components/ui/Link";
import { ResetForm } from "@/components/consumer-groups/reset/ResetForm";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import { useDetailQuery } from "@/components/ui/useDetailQuery";
import { type BlockedReason, blockedText } from "@/lib/auth/blocked";
import { formatInteger } from "@/lib/format";
import { consumerGroupQuery, GROUPS_REFRESH_MS } from "@/lib/query/options";
import { groupPath } from "@/lib/routes";

const NOTE = "mb-6 rounded-md border px-3 py-2 text-sm";
const WARNING =
  `${NOTE} border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 ` +
  `dark:bg-amber-950/40 dark:text-amber-100`;
const INFO =
  `${NOTE} border-indigo-200 bg-indigo-50 text-indigo-900 dark:border-indigo-800 ` +
  `dark:bg-indigo-950/40 dark:text-indigo-100`;

/**
 * The offset-reset page of one group: what stands in the way first (a read-only cluster, a role below operator,
 * active members), then the form, fed with the group's topics and offsets (refreshed every 5 s), and its preview. A
 * group Kafka does not know yet can be given offsets on a topic too (that creates it), as kafka-consumer-groups
 * allows.
 */
export function ResetOffsetsView({
  cluster,
  group,
  blockedBy,
}: {
  cluster: string;
  group: string;
  blockedBy: BlockedReason | null;
}) {
  const { data, error, isPending, refetch, notFound } = useDetailQuery(
    consumerGroupQuery(cluster, group),
    GROUPS_REFRESH_MS,
  );
  const members = data?.members.length ?? 0;

  return (
    <>
      <Link
        href={groupPath(cluster, group)}
        className="text-sm break-words text-muted underline-offset-2 hover:text-fg hover:underline"
      >
        ← {group}
      </Link>
      <div className="mt-2 [&_h1]:break-words">
        <PageHeader title="Reset offsets">
          <p>
            Of consumer group <span className="font-medium break-words text-fg">{group}</span>. Nothing changes until
            you confirm the preview.
          </p>
        </PageHeader>
      </div>
      {blockedBy ? (
        <p role="note" className={WARNING}>
          {blockedText(blockedBy, "preview or reset offsets")}
        </p>
      ) : null}
      {members > 0 && blockedBy === null ? (
        <p role="note" className={WARNING}>
          The group has {formatInteger(members)} active {members === 1 ? "member" : "members"} now: Kafka refuses a
          reset until every member has stopped. You can still prepare and preview one.
        </p>
      ) : null}
      {notFound ? (
        <p role="note" className={INFO}>
          Kafka knows no group named {group} yet. Choose a topic: setting offsets on it creates the group with those
          offsets.
        </p>
      ) : null}
      {isPending ? (
        <TableSkeleton label={`Loading consumer group ${group}…`} rows={4} />
      ) : (
        <>
          {error && !notFound && !data ? (
            <div className="mb-6">
              <ErrorMessage
                title={`Could not load consumer group ${group}`}
                error={error}
                onRetry={() => {
                  void refetch();
                }}
              />
            </div>
          ) : null}
          <ResetForm
            cluster={cluster}
            groupId={group}
            groupTopics={data?.topics.map((t) => t.topic) ?? []}
            offsets={data?.offsets ?? []}
            blocked={blockedBy !== null}
          />
        </>
      )}
    </>
  );
}
