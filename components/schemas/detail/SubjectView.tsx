"use client";

import { Link } from "@/components/ui/Link";
import { useState } from "react";
import { SchemaDiff } from "@/components/schemas/detail/SchemaDiff";
import { SchemaVersionSection } from "@/components/schemas/detail/SchemaVersionSection";
import { type SubjectChangesBlocked, SubjectActions } from "@/components/schemas/detail/SubjectActions";
import { SubjectTopics } from "@/components/schemas/detail/SubjectTopics";
import { DetailSection } from "@/components/ui/DetailParts";
import { DetailSkeleton } from "@/components/ui/DetailSkeleton";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { NotFoundPanel } from "@/components/ui/NotFoundPanel";
import { PageHeader } from "@/components/ui/PageHeader";
import { RefreshProblem } from "@/components/ui/RefreshProblem";
import { useDetailQuery } from "@/components/ui/useDetailQuery";
import { formatQuantity } from "@/lib/format";
import { queryKeys } from "@/lib/query/keys";
import { subjectQuery } from "@/lib/query/options";
import { clusterPath } from "@/lib/routes";
import { FORMAT_WORDS } from "@/lib/schemas/display";

/** Schemas change rarely: the page refreshes every 30 s (and after every change made here). */
const SUBJECT_REFRESH_MS = 30_000;

/**
 * One subject of the schema registry: its format, compatibility level and versions, the topic that uses it, a
 * version pretty-printed, a side-by-side diff of any two versions, and registering, compatibility and deletes.
 */
export function SubjectView({
  cluster,
  subject,
  blockedBy,
}: {
  cluster: string;
  subject: string;
  blockedBy: SubjectChangesBlocked;
}) {
  const { data, error, isPending, refetch, notFound, deleted, markDeleted } = useDetailQuery(
    subjectQuery(cluster, subject),
    SUBJECT_REFRESH_MS,
    { invalidate: [queryKeys.schemas(cluster)], leaveTo: clusterPath(cluster, "schemas") },
  );
  const [chosen, setChosen] = useState<number | null>(null);
  const shown = deleted || notFound ? undefined : data;
  const latest = shown?.versions.at(-1)?.version;

  return (
    <>
      <Link
        href={clusterPath(cluster, "schemas")}
        className="text-sm text-muted underline-offset-2 hover:text-fg hover:underline"
      >
        ← Schemas
      </Link>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
        <div className="min-w-0 flex-1 basis-64 [&_h1]:break-words">
          <PageHeader title={subject}>
            {shown ? (
              <p data-testid="subject-facts">
                {FORMAT_WORDS[shown.format]} · {formatQuantity(shown.versions.length, "version")} · compatibility{" "}
                {shown.compatibility ?? "not said"}
              </p>
            ) : null}
          </PageHeader>
        </div>
        {shown ? (
          <SubjectActions
            cluster={cluster}
            subject={shown}
            blockedBy={blockedBy}
            onVersionRegistered={(version) => setChosen(version)}
            onSubjectDeleted={markDeleted}
          />
        ) : null}
      </div>
      {deleted ? (
        <p role="status" className="rounded-lg border border-line bg-surface p-4 text-sm">
          Subject {subject} was deleted. Going back to the schemas…
        </p>
      ) : notFound ? (
        <NotFoundPanel
          title={`No subject named ${subject}`}
          backHref={clusterPath(cluster, "schemas")}
          backLabel="Back to the schemas"
        >
          The schema registry knows no subject by that name, or all its versions are deleted.
        </NotFoundPanel>
      ) : isPending ? (
        <DetailSkeleton label={`Loading subject ${subject}…`} stats={0} />
      ) : data && latest !== undefined ? (
        <>
          {error ? <RefreshProblem error={error} /> : null}
          <DetailSection id="topics-heading" title="Used by">
            <SubjectTopics cluster={cluster} subject={subject} />
          </DetailSection>
          <DetailSection id="schema-heading" title="Schema">
            <SchemaVersionSection
              cluster={cluster}
              subject={subject}
              format={data.format}
              versions={data.versions}
              version={chosen ?? latest}
              onVersion={setChosen}
              deleteBlocked={blockedBy.delete !== null}
            />
          </DetailSection>
          {data.versions.length > 1 ? (
            <DetailSection id="diff-heading" title="Compare versions">
              <SchemaDiff key={latest} versions={data.versions} format={data.format} />
            </DetailSection>
          ) : null}
        </>
      ) : (
        <ErrorMessage
          title={`Could not load subject ${subject}`}
          error={error}
          onRetry={() => {
            void refetch();
          }}
        />
      )}
    </>
  );
}
