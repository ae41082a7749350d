"use client";

import { Link } from "@/components/ui/Link";
import { ConnectorActions } from "@/components/connect/ConnectorActions";
import { ConnectorOffsets } from "@/components/connect/ConnectorOffsets";
import { StateBadge } from "@/components/connect/StateBadge";
import { CopyButton } from "@/components/messages/CopyButton";
import { Button } from "@/components/ui/Button";
import { DetailSection, RowHeader } from "@/components/ui/DetailParts";
import { DetailSkeleton } from "@/components/ui/DetailSkeleton";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { FormError } from "@/components/ui/Form";
import { NotFoundPanel } from "@/components/ui/NotFoundPanel";
import { PageHeader } from "@/components/ui/PageHeader";
import { RefreshProblem } from "@/components/ui/RefreshProblem";
import { Table, Td, Th } from "@/components/ui/Table";
import { useActionMutation } from "@/components/ui/useActionMutation";
import { useDetailQuery } from "@/components/ui/useDetailQuery";
import type { ConnectorResponse } from "@/lib/api/connect";
import { queryKeys } from "@/lib/query/keys";
import { CONNECT_REFRESH_MS, connectorQuery } from "@/lib/query/options";
import { clusterPath, topicPath } from "@/lib/routes";
import { restartConnectorTask } from "@/server/connect/actions";

/** A Java stack trace, readable (monospace, scrolling) and copyable. */
function Trace({ label, trace }: { label: string; trace: string }) {
  return (
    <details className="mt-2 rounded-md border border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40" open>
      <summary className="cursor-pointer px-3 py-1.5 text-sm font-medium text-red-900 dark:text-red-100">
        {label}: {trace.split("\n")[0]}
      </summary>
      <div className="flex justify-end px-3">
        <CopyButton label="Copy trace" text={() => trace} />
      </div>
      <pre
        className={
          "max-h-96 max-w-full overflow-auto px-3 py-2 font-mono text-xs whitespace-pre text-red-950 " +
          "dark:text-red-100"
        }
      >
        {trace}
      </pre>
    </details>
  );
}

function TasksSection({ cluster, connector }: { cluster: string; connector: ConnectorResponse }) {
  const restart = useActionMutation(
    cluster,
    restartConnectorTask,
    () => [queryKeys.connectors(cluster)],
    (d, input) => `Task ${input.task} of ${d.name} restarting.`,
  );
  const gone = [...new Set(connector.tasks.filter((t) => t.workerGone).map((t) => t.workerId))];
  return (
    <DetailSection id="tasks" title="Tasks" description="Each task, the worker running it, and why it failed.">
      {gone.length > 0 ? (
        <p
          role="alert"
          className={
            "mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 " +
            "dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
          }
        >
          Worker {gone.join(", ")} does not answer: its tasks wait to be moved to another worker (Connect waits for a
          worker to come back for a while before it does).
        </p>
      ) : null}
      {connector.tasks.length === 0 ? (
        <p className="text-sm text-muted">
          No tasks{connector.state === "STOPPED" ? ": the connector is stopped." : "."}
        </p>
      ) : (
        <Table label="Tasks">
          <thead>
            <tr>
              <Th>Task</Th>
              <Th>State</Th>
              <Th>Worker</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {connector.tasks.map((t) => (
              <tr key={t.id}>
                <RowHeader>{t.id}</RowHeader>
                <Td>
                  <StateBadge state={t.state} />
                </Td>
                <Td>
                  {t.workerId}
                  {t.workerGone ? (
                    <span className="ml-2 font-semibold text-amber-800 dark:text-amber-300">gone</span>
                  ) : null}
                </Td>
                <Td className="text-right">
                  <Button
                    className="px-2 py-1 text-xs"
                    disabled={restart.isPending}
                    onClick={() => restart.mutate({ connect: connector.connect, name: connector.name, task: t.id })}
                  >
                    Restart task {t.id}
                  </Button>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {connector.tasks
        .filter((t) => t.trace)
        .map((t) => (
          <Trace key={t.id} label={`Task ${t.id} trace`} trace={t.trace ?? ""} />
        ))}
      <FormError message={restart.error?.message} />
    </DetailSection>
  );
}

/**
 * One connector: state, actions, tasks with their workers and traces, topics (linked), config with secrets hidden,
 * and offsets; refreshed every 3 s.
 */
export function ConnectorView({ cluster, connect, name }: { cluster: string; connect: string; name: string }) {
  const list = clusterPath(cluster, "connectors");
  const { data, error, isPending, refetch, notFound, deleted, markDeleted } = useDetailQuery(
    connectorQuery(cluster, connect, name),
    CONNECT_REFRESH_MS,
    { invalidate: [queryKeys.connectors(cluster)], leaveTo: list },
  );
  const shown = deleted || notFound ? undefined : data;

  return (
    <>
      <Link href={list} className="text-sm text-muted underline-offset-2 hover:text-fg hover:underline">
        ← Connectors
      </Link>
      <div className="mt-2 [&_h1]:break-words">
        <PageHeader title={name}>
          {shown ? (
            <p className="flex flex-wrap items-center gap-2">
              <StateBadge state={shown.state} />
              <span>
                {shown.type} connector <code className="font-mono">{shown.className}</code> on Kafka Connect &quot;
                {shown.connect}&quot;{shown.workerId ? `, worker ${shown.workerId}` : ""}
              </span>
            </p>
          ) : (
            <p>Kafka Connect &quot;{connect}&quot;</p>
          )}
        </PageHeader>
      </div>
      {isPending ? (
        <DetailSkeleton label="Loading the connector…" />
      ) : notFound || deleted ? (
        <NotFoundPanel
          title={`No connector "${name}" on Kafka Connect "${connect}"`}
          backHref={list}
          backLabel="All connectors"
        />
      ) : shown ? (
        <>
          {error ? <RefreshProblem error={error} /> : null}
          <ConnectorActions cluster={cluster} connector={shown} onDeleted={markDeleted} />
          {shown.trace ? <Trace label="Connector trace" trace={shown.trace} /> : null}
          <TasksSection cluster={cluster} connector={shown} />
          <DetailSection id="topics" title="Topics" description="The topics it has read or written.">
            {shown.topics.length === 0 ? (
              <p className="text-sm text-muted">None yet.</p>
            ) : (
              <ul className="flex flex-wrap gap-2 text-sm">
                {shown.topics.map((t) => (
                  <li key={t}>
                    <Link href={topicPath(cluster, t)} className="text-accent underline-offset-2 hover:underline">
                      {t}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </DetailSection>
          <DetailSection
            id="config"
            title="Config"
            description="Secrets show as [hidden], as Kafka Connect shows them."
          >
            <Table label="Config">
              <thead>
                <tr>
                  <Th>Key</Th>
                  <Th>Value</Th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(shown.config)
                  .sort(([a], [b]) => a.localeCompare(b))
                  .map(([key, value]) => (
                    <tr key={key}>
                      <RowHeader className="font-mono text-xs">{key}</RowHeader>
                      <Td className="font-mono text-xs break-all whitespace-normal">{value}</Td>
                    </tr>
                  ))}
              </tbody>
            </Table>
          </DetailSection>
          <ConnectorOffsets cluster={cluster} connector={shown} />
        </>
      ) : (
        <ErrorMessage title="Could not load the connector" error={error} onRetry={() => void refetch()} />
      )}
    </>
  );
}
