"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useDeferredValue, useMemo, useState } from "react";
import { CompatibilityForm } from "@/components/schemas/forms/CompatibilityForm";
import { RegisterSchemaForm } from "@/components/schemas/forms/RegisterSchemaForm";
import { SubjectsTable } from "@/components/schemas/list/SubjectsTable";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { SearchBox } from "@/components/ui/Form";
import { PageHeader } from "@/components/ui/PageHeader";
import { RefreshProblem } from "@/components/ui/RefreshProblem";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import { useUrlListState } from "@/components/ui/useUrlListState";
import { type BlockedReason, blockedText } from "@/lib/auth/blocked";
import { isApiRequestError } from "@/lib/api/client";
import { formatInteger } from "@/lib/format";
import { subjectsQuery } from "@/lib/query/options";
import { subjectPath } from "@/lib/routes";
import { filterSubjects, parseSubjectListState, subjectListStateToSearch } from "@/lib/schemas/display";

/** Why registering and setting the global level are not offered (null when they are). */
export interface SubjectsChangesBlocked {
  register: BlockedReason | null;
  compatibility: BlockedReason | null;
}

function countSummary(shown: number, total: number): string {
  const noun = total === 1 ? "subject" : "subjects";
  return shown === total
    ? `${formatInteger(total)} ${noun}`
    : `${formatInteger(shown)} of ${formatInteger(total)} ${noun}`;
}

/**
 * The subjects of the cluster's schema registry, searched in the browser (the search lives in the URL), with
 * "Register schema" (a new subject) and the registry's global compatibility level.
 */
export function SubjectsView({ cluster, blockedBy }: { cluster: string; blockedBy: SubjectsChangesBlocked }) {
  const router = useRouter();
  const { data, error, isPending, refetch } = useQuery(subjectsQuery(cluster));
  const globalCompatibility = data?.compatibility ?? null;
  const [state, update] = useUrlListState(parseSubjectListState, subjectListStateToSearch);
  const q = useDeferredValue(state.q);
  const rows = useMemo(() => filterSubjects(data?.subjects ?? [], q), [data, q]);
  const [open, setOpen] = useState<"register" | "compatibility" | null>(null);
  const close = () => setOpen(null);
  const notes = [
    blockedBy.register ? blockedText(blockedBy.register, "register schemas") : null,
    blockedBy.compatibility ? blockedText(blockedBy.compatibility, "change the global compatibility level") : null,
  ].filter((n): n is string => n !== null);
  const noRegistry = isApiRequestError(error) && error.code === "not_found" && !data;

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
        <PageHeader title="Schemas">
          <p>
            The subjects of {cluster}&apos;s schema registry
            {globalCompatibility ? `; global compatibility ${globalCompatibility}` : ""}.
          </p>
        </PageHeader>
        {noRegistry ? null : (
          <div className="mb-6 flex max-w-md flex-col items-start gap-2 sm:items-end">
            <div role="group" aria-label="Schema actions" className="flex flex-wrap gap-2">
              <Button disabled={blockedBy.compatibility !== null} onClick={() => setOpen("compatibility")}>
                Global compatibility
              </Button>
              <Button variant="primary" disabled={blockedBy.register !== null} onClick={() => setOpen("register")}>
                Register schema
              </Button>
            </div>
            {notes.map((note) => (
              <p key={note} className="text-xs text-muted sm:text-right">
                {note}
              </p>
            ))}
          </div>
        )}
      </div>
      {noRegistry ? (
        <EmptyState title="No schema registry">{error.message}</EmptyState>
      ) : (
        <>
          <div className="mb-4 flex flex-wrap items-center gap-x-6 gap-y-3">
            <SearchBox
              label="Search subjects"
              placeholder="Search by subject, format or referencing subject"
              value={state.q}
              onChange={(value) => update({ q: value })}
              className="w-full sm:w-96"
            />
            <p aria-live="polite" data-testid="subjects-count" className="text-sm text-muted sm:ml-auto">
              {data ? countSummary(rows.length, data.subjects.length) : ""}
            </p>
          </div>
          {isPending ? (
            <TableSkeleton label="Loading subjects…" rows={6} />
          ) : data ? (
            <>
              {error ? <RefreshProblem error={error} /> : null}
              {rows.length > 0 ? (
                <SubjectsTable cluster={cluster} subjects={rows} />
              ) : data.subjects.length === 0 ? (
                <EmptyState title="No subjects yet">
                  Register a schema here, or let a serializer register one when it first writes a record.
                </EmptyState>
              ) : (
                <EmptyState title={`No subject matches “${q}”`}>Try part of a subject&apos;s name.</EmptyState>
              )}
            </>
          ) : (
            <ErrorMessage
              title="Could not load the subjects"
              error={error}
              onRetry={() => {
                void refetch();
              }}
            />
          )}
        </>
      )}
      <Dialog
        open={open !== null}
        title={open === "register" ? "Register schema" : "Global compatibility"}
        onClose={close}
      >
        {open === "register" ? (
          <RegisterSchemaForm
            cluster={cluster}
            subject={null}
            format="AVRO"
            schema=""
            onCancel={close}
            onDone={(registered) => {
              close();
              router.push(subjectPath(cluster, registered.subject));
            }}
          />
        ) : open === "compatibility" ? (
          <CompatibilityForm
            cluster={cluster}
            subject={null}
            current={globalCompatibility}
            onCancel={close}
            onDone={close}
          />
        ) : null}
      </Dialog>
    </>
  );
}
