"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/Link";
import { ConnectorForm } from "@/components/connect/ConnectorForm";
import { DetailSkeleton } from "@/components/ui/DetailSkeleton";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { PageHeader } from "@/components/ui/PageHeader";
import { connectorQuery } from "@/lib/query/options";
import { connectorPath } from "@/lib/routes";

/** The edit form of a connector, filled with its config as Connect has it (secrets stay hidden). */
export function EditConnector({ cluster, connect, name }: { cluster: string; connect: string; name: string }) {
  // Loaded once: a refresh must not overwrite what is being typed.
  const { data, error, isPending, refetch } = useQuery({
    ...connectorQuery(cluster, connect, name),
    staleTime: Infinity,
  });
  return (
    <>
      <Link
        href={connectorPath(cluster, connect, name)}
        className="text-sm text-muted underline-offset-2 hover:text-fg hover:underline"
      >
        ← {name}
      </Link>
      <div className="mt-2">
        <PageHeader title={`Edit ${name}`}>
          <p>Kafka Connect validates the new config before it replaces the old one; the tasks then restart with it.</p>
        </PageHeader>
      </div>
      {isPending ? (
        <DetailSkeleton label="Loading the connector…" stats={0} />
      ) : data ? (
        <ConnectorForm cluster={cluster} connects={[connect]} initial={{ connect, name, config: data.config }} />
      ) : (
        <ErrorMessage title="Could not load the connector" error={error} onRetry={() => void refetch()} />
      )}
    </>
  );
}
