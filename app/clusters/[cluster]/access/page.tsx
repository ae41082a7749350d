import type { Metadata } from "next";
import { AccessView } from "@/components/access/AccessView";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import { aclsQuery, quotasQuery, scramUsersQuery } from "@/lib/query/options";
import { decodeSegment } from "@/lib/routes";
import { listAcls } from "@/server/acls/acls";
import { listQuotas } from "@/server/acls/quotas";
import { listScramUsers } from "@/server/acls/users";
import { clusterParam } from "@/server/http";
import { Prefetched } from "@/app/prefetched";

export const metadata: Metadata = { title: "Access" };

export default async function AccessPage({
  params,
  searchParams,
}: {
  params: Promise<{ cluster: string }>;
  searchParams: Promise<{ tab?: string | string[] }>;
}) {
  const name = decodeSegment((await params).cluster);
  // The tab the URL names (AccessView's first tab, ACLs, for anything else), read as its API route reads it.
  const { tab } = await searchParams;
  const prefetch =
    tab === "users"
      ? {
          queryKey: scramUsersQuery(name).queryKey,
          read: async () => ({ users: await listScramUsers(await clusterParam(params)) }),
        }
      : tab === "quotas"
        ? {
            queryKey: quotasQuery(name).queryKey,
            read: async () => ({ quotas: await listQuotas(await clusterParam(params)) }),
          }
        : { queryKey: aclsQuery(name).queryKey, read: async () => listAcls(await clusterParam(params)) };
  return (
    <Prefetched {...prefetch} fallback={<TableSkeleton label="Loading access…" rows={6} />}>
      <AccessView cluster={name} />
    </Prefetched>
  );
}
