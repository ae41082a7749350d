"use client";

import { Button } from "@/components/ui/Button";
import { FormError } from "@/components/ui/Form";
import { useActionMutation } from "@/components/ui/useActionMutation";
import { formatInteger, formatQuantity } from "@/lib/format";
import { queryKeys } from "@/lib/query/keys";
import { electLeaders } from "@/server/brokers/actions";

type Outcome = { topic: string; partition: number; outcome: string; message: string | null };

/** The result of an election in one sentence, and each partition that could not be elected, with why. */
function ElectionResult({ partitions }: { partitions: readonly Outcome[] }) {
  const count = (o: string) => partitions.filter((p) => p.outcome === o).length;
  const failed = partitions.filter((p) => p.outcome === "failed");
  return (
    <div role="status" className="mt-2 text-sm">
      <p>
        {formatQuantity(count("elected"), "leader")} elected · {formatInteger(count("already-preferred"))} already led
        by the preferred replica · {formatInteger(failed.length)} not possible
      </p>
      {failed.length > 0 ? (
        <ul className="mt-1 list-disc pl-5 text-muted">
          {failed.slice(0, 20).map((p) => (
            <li key={`${p.topic}-${p.partition}`}>
              {p.topic} partition {p.partition}: {p.message}
            </li>
          ))}
          {failed.length > 20 ? <li>and {formatInteger(failed.length - 20)} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * Preferred leader election by click: every partition (topic null), one topic, or chosen partitions. Shows the
 * result per partition in words: elected, already preferred, or not possible and why.
 */
export function ElectLeadersButton({
  cluster,
  topic = null,
  partitions = null,
  label = "Elect preferred leaders",
}: {
  cluster: string;
  topic?: string | null;
  partitions?: number[] | null;
  label?: string;
}) {
  // No toast: the result is said beside the button, per partition.
  const mutation = useActionMutation(cluster, electLeaders, () => [queryKeys.cluster(cluster)]);
  return (
    <div>
      <Button disabled={mutation.isPending} onClick={() => mutation.mutate({ topic, partitions })}>
        {mutation.isPending ? "Electing…" : label}
      </Button>
      <FormError message={mutation.error?.message} />
      {mutation.data ? <ElectionResult partitions={mutation.data.partitions} /> : null}
    </div>
  );
}
