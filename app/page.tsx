import { redirect } from "next/navigation";
import { connection } from "next/server";
import { clusterPath } from "@/lib/routes";
import { getConfig } from "@/server/config";

/** The console's home: the first configured cluster, or how to configure one. */
export default async function HomePage() {
  await connection(); // the configuration is read at run time, never baked in at build time
  const first = getConfig().clusters[0];
  if (first) redirect(clusterPath(first.name, "overview"));

  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-2xl font-semibold tracking-tight">No cluster configured</h1>
      <p className="mt-3 text-muted">
        Kafka Console shows the clusters named in its configuration, and none is configured yet. Set these
        environment variables (the same ones kafka-ui reads) and restart the console:
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
