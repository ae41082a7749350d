import { AuditView } from "@/components/audit/AuditView";
import { allows } from "@/lib/auth/permissions";
import { currentActor } from "@/server/auth/current";
import { getConfig } from "@/server/config/load";

/** The audit log of every cluster the user may see (the layout has sent anyone not signed in to the login page). */
export default async function AuditPage() {
  const { clusters, audit } = getConfig();
  const actor = await currentActor();
  const names = clusters
    .filter((cluster) => actor !== null && allows(actor.grants, cluster.name, "read"))
    .map((cluster) => cluster.name);
  return <AuditView clusters={names} source={audit.topic ? "topic" : "file"} />;
}
