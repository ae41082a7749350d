import { Button } from "@/components/ui/Button";
import type { ClusterSummary } from "@/lib/api/types";

/** Shown instead of a page while its cluster does not answer. */
export function UnreachablePanel({
  summary,
  checking,
  onRetry,
}: {
  summary: ClusterSummary;
  checking: boolean;
  onRetry: () => void;
}) {
  return (
    <section
      role="alert"
      aria-labelledby="unreachable-heading"
      className="max-w-2xl rounded-lg border border-red-300 bg-surface p-6 dark:border-red-800"
    >
      <h1 id="unreachable-heading" className="text-xl font-semibold">
        Cannot reach cluster {summary.name}
      </h1>
      <p className="mt-2 text-sm">{summary.error ?? "None of its brokers answered."}</p>
      <div className="mt-4">
        <p className="text-sm font-medium">Bootstrap servers tried:</p>
        <ul className="mt-1 list-disc pl-6 font-mono text-sm text-muted">
          {summary.bootstrapServers.map((server) => (
            <li key={server}>{server}</li>
          ))}
        </ul>
      </div>
      <div className="mt-5 flex flex-wrap items-center gap-3">
        <Button onClick={onRetry}>Retry now</Button>
        <p className="text-sm text-muted">{checking ? "Checking…" : "Retrying every 5 s"}</p>
      </div>
    </section>
  );
}
