import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { ConnectorForm } from "@/components/connect/ConnectorForm";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import { clusterPath, decodeSegment } from "@/lib/routes";
import { findCluster } from "@/server/config/load";

export const metadata: Metadata = { title: "Create connector" };

interface Props {
  params: Promise<{ cluster: string }>;
  searchParams: Promise<{ connect?: string | string[] }>;
}

export default async function NewConnectorPage({ params, searchParams }: Props) {
  const cluster = decodeSegment((await params).cluster);
  const wanted = (await searchParams).connect;
  // Only the names of the Connect clusters reach the page, never their addresses or credentials.
  const names = (findCluster(cluster)?.connects ?? []).map((c) => c.name);
  const connects =
    typeof wanted === "string" && names.includes(wanted) ? [wanted, ...names.filter((n) => n !== wanted)] : names;
  return (
    <>
      <Link
        href={clusterPath(cluster, "connectors")}
        className="text-sm text-muted underline-offset-2 hover:text-fg hover:underline"
      >
        ← Connectors
      </Link>
      <div className="mt-2">
        <PageHeader title="Create connector">
          <p>
            Choose a plugin of the workers and fill in its settings; Kafka Connect checks them before it creates it.
          </p>
        </PageHeader>
      </div>
      {connects.length === 0 ? (
        <EmptyState title="No Kafka Connect cluster is configured for this cluster" />
      ) : (
        <ConnectorForm cluster={cluster} connects={connects} />
      )}
    </>
  );
}
