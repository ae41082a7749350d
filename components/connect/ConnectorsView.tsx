"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/Link";
import { useDeferredValue, useMemo } from "react";
import { StateBadge } from "@/components/connect/StateBadge";
import { buttonClass } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { SelectInput, TextInput } from "@/components/ui/Form";
import { RowHeader } from "@/components/ui/DetailParts";
import { PageHeader } from "@/components/ui/PageHeader";
import { RefreshProblem } from "@/components/ui/RefreshProblem";
import { Table, Td, Th } from "@/components/ui/Table";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import { useUrlListState } from "@/components/ui/useUrlListState";
import { CONNECTOR_STATES, type ConnectorsResponse } from "@/lib/api/connect";
import {
  connectorListViewToSearch,
  isBroken,
  parseConnectorListView,
  shortClass,
  taskCounts,
  visibleConnectors,
} from "@/lib/connect/list";
import { connectorsQuery } from "@/lib/query/options";
import { connectorPath, newConnectorPath, topicPath } from "@/lib/routes";

/** The Connect clusters that did not answer, each with its reason: the rest of the list still shows. */
function Unreachable({ connects }: { connects: ConnectorsResponse["connects"] }) {
  const down = connects.filter((c) => !c.reachable);
  if (down.length === 0) return null;
  return (
    <div
      role="alert"
      className={
        "mb-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 " +
        "dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
      }
    >
      <p className="font-semibold">
        {down.length === 1 ? "A Connect cluster does not answer" : `${down.length} Connect clusters do not answer`}; its
        connectors are not listed:
      </p>
      <ul className="mt-1 list-disc pl-5">
        {down.map((c) => (
          <li key={c.name}>{c.error ?? `Kafka Connect "${c.name}" does not answer.`}</li>
        ))}
      </ul>
    </div>
  );
}

/** A state from the filter's value ("" for any): the URL's own reading, so the two never disagree. */
const stateFrom = (value: string) => parseConnectorListView(new URLSearchParams({ state: value })).state;

/**
 * Every connector of every Kafka Connect cluster of this Kafka cluster, refreshed every 3 s: state, tasks running and
 * failed, topics; searchable, filtered by state, with the broken ones first by default.
 */
export function ConnectorsView({ cluster }: { cluster: string }) {
  const { data, error, isPending, refetch } = useQuery(connectorsQuery(cluster));
  const [view, setView] = useUrlListState(parseConnectorListView, connectorListViewToSearch);
  const deferred = useDeferredValue(view);
  const rows = useMemo(() => visibleConnectors(data?.connectors ?? [], deferred), [data, deferred]);
  const broken = (data?.connectors ?? []).filter(isBroken).length;
  const firstReachable = data?.connects.find((c) => c.reachable)?.name;

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title="Connectors">
          <p>
            The Kafka Connect connectors of {cluster}: which are broken and why.
            {data && broken > 0 ? (
              <strong className="ml-1 text-red-700 dark:text-red-300">
                {broken} {broken === 1 ? "needs" : "need"} attention.
              </strong>
            ) : null}
          </p>
        </PageHeader>
        {data && data.connects.length > 0 ? (
          <Link href={newConnectorPath(cluster, firstReachable)} className={buttonClass("primary")}>
            Create connector
          </Link>
        ) : null}
      </div>
      {data && data.connects.length > 0 ? (
        <div className="mb-4 flex flex-wrap items-end gap-3" role="search">
          <label className="block text-sm">
            <span className="mb-1 block font-medium">Search</span>
            <TextInput
              type="search"
              value={view.q}
              placeholder="Name, class, topic…"
              onChange={(e) => setView({ q: e.target.value })}
            />
          </label>
          <label className="block text-sm">
            <span className="mb-1 block font-medium">State</span>
            <SelectInput value={view.state} onChange={(e) => setView({ state: stateFrom(e.target.value) })}>
              <option value="">Any state</option>
              {CONNECTOR_STATES.map((s) => (
                <option key={s} value={s}>
                  {s === "FAILED" ? "FAILED (or a task failed)" : s}
                </option>
              ))}
            </SelectInput>
          </label>
          <label className="flex items-center gap-2 pb-1.5 text-sm">
            <input
              type="checkbox"
              checked={view.failedFirst}
              onChange={(e) => setView({ failedFirst: e.target.checked })}
            />
            Failed first
          </label>
          <p className="pb-1.5 text-sm text-muted" aria-live="polite">
            {data.connectors.length === rows.length
              ? `${rows.length} connector${rows.length === 1 ? "" : "s"}`
              : `${rows.length} of ${data.connectors.length} connectors`}
          </p>
        </div>
      ) : null}
      {isPending ? (
        <TableSkeleton label="Loading connectors…" rows={6} />
      ) : data ? (
        <>
          {error ? <RefreshProblem error={error} /> : null}
          <Unreachable connects={data.connects} />
          {data.connects.length === 0 ? (
            <EmptyState title="No Kafka Connect cluster is configured for this cluster">
              Add one with <code>KAFKA_CLUSTERS_n_KAFKACONNECT_m_NAME</code> and <code>_ADDRESS</code> (see the
              configuration docs).
            </EmptyState>
          ) : rows.length === 0 ? (
            <EmptyState title={data.connectors.length === 0 ? "No connectors yet" : "No connector matches"}>
              {data.connectors.length === 0
                ? "Create one from a plugin of the workers."
                : "Change the search or the state."}
            </EmptyState>
          ) : (
            <Table label="Connectors">
              <thead>
                <tr>
                  <Th>Name</Th>
                  <Th>Connect</Th>
                  <Th>Type</Th>
                  <Th>Class</Th>
                  <Th>State</Th>
                  <Th numeric>Tasks running</Th>
                  <Th numeric>Tasks failed</Th>
                  <Th>Topics</Th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => {
                  const counts = taskCounts(c);
                  return (
                    <tr key={`${c.connect}/${c.name}`} className="hover:bg-sunken/60">
                      <RowHeader>
                        <Link
                          href={connectorPath(cluster, c.connect, c.name)}
                          className="text-accent underline-offset-2 hover:underline"
                        >
                          {c.name}
                        </Link>
                      </RowHeader>
                      <Td>{c.connect}</Td>
                      <Td>{c.type}</Td>
                      <Td title={c.className}>{shortClass(c.className)}</Td>
                      <Td>
                        <StateBadge state={c.state} />
                      </Td>
                      <Td numeric>
                        {counts.running} of {counts.total}
                      </Td>
                      <Td numeric className={counts.failed > 0 ? "font-semibold text-red-700 dark:text-red-300" : ""}>
                        {counts.failed}
                      </Td>
                      <Td className="whitespace-normal">
                        {c.topics.map((t, i) => (
                          <span key={t}>
                            {i > 0 ? ", " : null}
                            <Link href={topicPath(cluster, t)} className="underline-offset-2 hover:underline">
                              {t}
                            </Link>
                          </span>
                        ))}
                      </Td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          )}
        </>
      ) : (
        <ErrorMessage title="Could not load the connectors" error={error} onRetry={() => void refetch()} />
      )}
    </>
  );
}
