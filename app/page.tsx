import { redirect } from "next/navigation";
import { connection } from "next/server";
import { UserBox } from "@/components/auth/UserBox";
import { allows } from "@/lib/auth/permissions";
import { LOGIN_PATH } from "@/lib/auth/paths";
import { clusterPath } from "@/lib/routes";
import { signOut } from "@/server/auth/actions";
import { currentActor } from "@/server/auth/current";
import { getConfig } from "@/server/config/load";

/** The console's home: the first configured cluster the user may see, or how to configure one. */
export default async function HomePage() {
  await connection(); // the configuration is read at run time, never baked in at build time
  const actor = await currentActor();
  if (!actor) redirect(LOGIN_PATH);
  const { clusters } = getConfig();
  const first = clusters.find((cluster) => allows(actor.grants, cluster.name, "read"));
  if (first) redirect(clusterPath(first.name, "overview"));
  if (clusters.length > 0) {
    return (
      <main id="main" className="mx-auto max-w-2xl px-4 py-16">
        <h1 className="text-2xl font-semibold tracking-tight">No cluster granted</h1>
        <p className="mt-3 text-muted">
          {actor.name} has no role on any of this console&apos;s clusters. Ask your administrator for one.
        </p>
        <div className="mt-6">
          <UserBox user={{ name: actor.name, role: null }} signOut={signOut} />
        </div>
      </main>
    );
  }

  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-2xl font-semibold tracking-tight">No cluster configured</h1>
      <p className="mt-3 text-muted">
        Kafka Console shows the clusters named in its configuration, and none is configured yet. Set these environment
        variables (the same ones kafka-ui reads) and restart the console:
      </p>
      <pre className="mt-4 overflow-x-auto rounded-lg border border-line bg-surface p-4 font-mono text-sm">
        {"KAFKA_CLUSTERS_0_NAME=local\nKAFKA_CLUSTERS_0_BOOTSTRAPSERVERS=localhost:9092"}
      </pre>
      <p className="mt-4 text-muted">
        Add <code className="font-mono text-fg">KAFKA_CLUSTERS_0_READONLY=true</code> to forbid changes, and
        <code className="font-mono text-fg"> KAFKA_CLUSTERS_1_…</code> for a second cluster. A YAML file in
        kafka-ui&apos;s layout, named by <code className="font-mono text-fg">CONSOLE_CONFIG_FILE</code>, works too.
      </p>
    </main>
  );
}
