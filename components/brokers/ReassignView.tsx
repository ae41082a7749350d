"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Link } from "@/components/ui/Link";
import { useQuery } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useEffect, useMemo, useRef, useState } from "react";
import { ReassignmentsInProgress } from "@/components/brokers/ReassignmentsInProgress";
import { ReassignPlanTable } from "@/components/brokers/ReassignPlanTable";
import { Button } from "@/components/ui/Button";
import { DetailSection } from "@/components/ui/DetailParts";
import { DetailSkeleton } from "@/components/ui/DetailSkeleton";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { Field, FormControls, FormError, TextInput } from "@/components/ui/Form";
import { PageHeader } from "@/components/ui/PageHeader";
import { submitAction, useActionMutation } from "@/components/ui/useActionMutation";
import { type BlockedReason, blockedText } from "@/lib/auth/blocked";
import { changes, planProblems, proposeAssignment } from "@/lib/brokers/plan";
import { type ReassignPartitionsInput, reassignPartitionsSchema } from "@/lib/brokers/schemas";
import { queryKeys } from "@/lib/query/keys";
import { brokersQuery, reassignmentsQuery, topicQuery } from "@/lib/query/options";
import { topicPath } from "@/lib/routes";
import { reassignPartitions, removeReassignmentThrottle } from "@/server/brokers/actions";

/** The throttle box holds MiB/s; the action takes whole bytes per second (empty: no throttle). */
const MIB = 1024 * 1024;
const throttleBytes = (text: unknown) =>
  typeof text !== "string" || text.trim() === "" ? null : Math.round(Number(text) * MIB);

/**
 * Moves a topic's partitions to chosen brokers or changes its replication factor: the form proposes a balanced plan
 * (racks respected) and shows it exactly before anything starts; an optional throttle is set for the move and
 * removed once it is done; progress and cancel follow below.
 */
export function ReassignView({
  cluster,
  topic,
  blockedBy,
}: {
  cluster: string;
  topic: string;
  blockedBy: BlockedReason | null;
}) {
  const topicData = useQuery(topicQuery(cluster, topic));
  const brokersData = useQuery(brokersQuery(cluster));
  const progress = useQuery(reassignmentsQuery(cluster));
  const [chosen, setChosen] = useState<number[] | null>(null);
  const [rf, setRf] = useState<string>("");
  const [started, setStarted] = useState<{ throttled: boolean } | null>(null);
  const [finished, setFinished] = useState<string | null>(null);
  const start = useActionMutation(
    cluster,
    reassignPartitions,
    () => [queryKeys.cluster(cluster)],
    (data) => `Reassignment of ${data.topic} started${data.throttled ? ", throttled" : ""}.`,
  );
  const unthrottle = useActionMutation(cluster, removeReassignmentThrottle, () => [queryKeys.cluster(cluster)]);
  const removeThrottle = unthrottle.mutateAsync;
  const form = useForm<ReassignPartitionsInput>({
    mode: "onTouched",
    reValidateMode: "onChange",
    resolver: zodResolver(reassignPartitionsSchema),
    defaultValues: { topic, partitions: [], throttleBytesPerSecond: null },
  });
  const throttleError = form.formState.errors.throttleBytesPerSecond?.message;
  const partitionsError = form.formState.errors.partitions?.message ?? form.formState.errors.topic?.message;
  const removing = useRef(false);

  const online = useMemo(
    () => (brokersData.data?.brokers ?? []).filter((b) => b.online).map((b) => ({ id: b.id, rack: b.rack })),
    [brokersData.data],
  );
  const brokers = chosen ?? online.map((b) => b.id);
  const replicationFactor = rf === "" ? (topicData.data?.replicationFactor ?? 1) : Number(rf);
  const plan = useMemo(
    () =>
      topicData.data
        ? proposeAssignment(
            topicData.data.partitions.map((p) => ({
              partition: p.partition,
              replicas: p.replicas,
              sizeBytes: p.sizeBytes,
            })),
            online.filter((b) => brokers.includes(b.id)),
            replicationFactor,
          )
        : [],
    [topicData.data, online, brokers, replicationFactor],
  );
  const problems = topicData.data
    ? [
        ...(Number.isInteger(replicationFactor) && replicationFactor >= 1 && replicationFactor <= brokers.length
          ? []
          : [`The replication factor must be a whole number from 1 to ${brokers.length} (the brokers chosen).`]),
        ...planProblems(
          plan.map((row) => ({ partition: row.partition, replicas: row.after })),
          {
            partitions: topicData.data.partitions,
            brokers: online.map((b) => b.id),
            minInsyncReplicas: topicData.data.minInsyncReplicas,
          },
        ),
      ]
    : [];
  const running = (progress.data?.reassignments ?? []).filter((r) => r.topic === topic);

  // Once a throttled move is done, the throttle goes (Kafka's own tool leaves that to the operator).
  useEffect(() => {
    if (!started || running.length > 0 || progress.isFetching || removing.current) return;
    removing.current = true;
    const done = started.throttled ? removeThrottle({ topic }).then(() => true) : Promise.resolve(true);
    void done
      .catch(() => false)
      .then((ok) => {
        removing.current = false;
        if (ok) {
          setFinished(
            started.throttled
              ? "The reassignment is done and its replication throttle removed."
              : "The reassignment is done.",
          );
          setStarted(null);
        }
      });
  }, [started, running.length, progress.isFetching, topic, removeThrottle]);

  if (topicData.isPending || brokersData.isPending) return <DetailSkeleton label="Loading the topic and brokers…" />;
  if (!topicData.data || !brokersData.data)
    return (
      <ErrorMessage title="Could not load the topic or the brokers" error={topicData.error ?? brokersData.error} />
    );

  const moving = plan.filter((row) => changes(row));

  return (
    <>
      <PageHeader title={`Reassign ${topic}`}>
        <p>
          <Link className="underline underline-offset-2" href={topicPath(cluster, topic)}>
            Back to the topic
          </Link>{" "}
          · now {topicData.data.partitions.length} partitions, replication factor {topicData.data.replicationFactor},
          min.insync.replicas {topicData.data.minInsyncReplicas}
        </p>
      </PageHeader>
      {blockedBy ? <p className="mb-4 text-sm text-muted">{blockedText(blockedBy, "reassign partitions")}</p> : null}
      <form
        noValidate
        onSubmit={(event) => {
          setFinished(null);
          form.setValue(
            "partitions",
            moving.map((row) => ({ partition: row.partition, replicas: row.after })),
          );
          void submitAction(form, start.mutateAsync, (data) => setStarted({ throttled: data.throttled }))(event);
        }}
      >
        <FormControls>
          <DetailSection id="reassign-target" title="Where the replicas go">
            <fieldset className="mb-3">
              <legend className="mb-1 text-sm font-medium">Brokers</legend>
              <div className="flex flex-wrap gap-4">
                {online.map((b) => (
                  <label key={b.id} className="inline-flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      checked={brokers.includes(b.id)}
                      onChange={(e) =>
                        setChosen(
                          e.target.checked
                            ? [...brokers, b.id].sort((x, y) => x - y)
                            : brokers.filter((id) => id !== b.id),
                        )
                      }
                    />
                    Broker {b.id}
                    {b.rack ? ` (rack ${b.rack})` : ""}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="grid max-w-xl gap-3 sm:grid-cols-2">
              <Field label="Replication factor">
                {(control) => (
                  <TextInput
                    {...control}
                    inputMode="numeric"
                    value={rf === "" ? String(topicData.data.replicationFactor) : rf}
                    onChange={(e) => setRf(e.target.value)}
                  />
                )}
              </Field>
              <Field
                label="Throttle (MiB/s, optional)"
                hint="Limits replication traffic of the move; removed when it is done."
                errors={throttleError ? [throttleError] : undefined}
              >
                {(control) => (
                  <TextInput
                    {...control}
                    inputMode="decimal"
                    autoComplete="off"
                    {...form.register("throttleBytesPerSecond", { setValueAs: throttleBytes })}
                  />
                )}
              </Field>
            </div>
          </DetailSection>
          <DetailSection id="reassign-plan" title="Plan">
            {problems.length > 0 ? (
              <ul role="alert" className="mb-3 list-disc pl-5 text-sm text-red-800 dark:text-red-300">
                {problems.slice(0, 5).map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : null}
            <ReassignPlanTable plan={plan} />
            <FormError message={partitionsError ?? start.error?.message ?? unthrottle.error?.message} />
            {finished ? (
              <p role="status" className="mt-2 text-sm">
                {finished}
              </p>
            ) : null}
            <div className="mt-3">
              <Button
                type="submit"
                variant="primary"
                disabled={
                  blockedBy !== null ||
                  problems.length > 0 ||
                  moving.length === 0 ||
                  start.isPending ||
                  running.length > 0
                }
              >
                {start.isPending ? "Starting…" : "Start reassignment"}
              </Button>
            </div>
          </DetailSection>
        </FormControls>
      </form>
      <ReassignmentsInProgress cluster={cluster} topic={topic} blocked={blockedBy !== null} />
    </>
  );
}
