"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/Button";
import { DetailSection, DialogButtons } from "@/components/ui/DetailParts";
import { Dialog } from "@/components/ui/Dialog";
import { Field, FormError, TextInput } from "@/components/ui/Form";
import { Table, Td, Th } from "@/components/ui/Table";
import { useActionForm } from "@/components/ui/useActionForm";
import { submitAction, useActionMutation } from "@/components/ui/useActionMutation";
import type { ConnectorResponse } from "@/lib/api/connect";
import {
  type AlterConnectorOffsetsInput,
  alterConnectorOffsetsSchema,
  newOffsetRow,
  offsetRows,
} from "@/lib/connect/offsets";
import { queryKeys } from "@/lib/query/keys";
import { alterConnectorOffsets } from "@/server/connect/actions";

/** The connector's offsets (Connect's GET /connectors/{name}/offsets), and the form that changes them. */
export function ConnectorOffsets({ cluster, connector }: { cluster: string; connector: ConnectorResponse }) {
  const [editing, setEditing] = useState(false);
  const stopped = connector.state === "STOPPED";
  return (
    <DetailSection
      id="offsets"
      title="Offsets"
      description="Where it has got to. Change or reset them (stopped connectors only) to read again or skip ahead."
    >
      {connector.offsets === null ? (
        <p className="text-sm text-muted">{connector.offsetsError ?? "Kafka Connect did not give its offsets."}</p>
      ) : connector.offsets.length === 0 ? (
        <p className="text-sm text-muted">No offsets recorded.</p>
      ) : (
        <Table label="Offsets">
          <thead>
            <tr>
              <Th>Partition</Th>
              <Th>Offset</Th>
            </tr>
          </thead>
          <tbody>
            {connector.offsets.map((o) => (
              <tr key={JSON.stringify(o.partition)}>
                <Td className="font-mono text-xs break-all whitespace-normal">{JSON.stringify(o.partition)}</Td>
                <Td className="font-mono text-xs break-all whitespace-normal">{JSON.stringify(o.offset)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button disabled={!stopped || connector.offsets === null} onClick={() => setEditing(true)}>
          Edit offsets
        </Button>
        {stopped ? null : (
          <p className="text-sm text-muted">
            Kafka Connect changes the offsets only of a stopped connector: stop it first.
          </p>
        )}
      </div>
      <Dialog open={editing} title={`Offsets of ${connector.name}`} onClose={() => setEditing(false)}>
        {editing ? <EditOffsetsForm cluster={cluster} connector={connector} onClose={() => setEditing(false)} /> : null}
      </Dialog>
    </DetailSection>
  );
}

function EditOffsetsForm({
  cluster,
  connector,
  onClose,
}: {
  cluster: string;
  connector: ConnectorResponse;
  onClose: () => void;
}) {
  const mutation = useActionMutation(
    cluster,
    alterConnectorOffsets,
    () => [queryKeys.connectors(cluster)],
    (d) => `Offsets of ${d.name} changed (${d.partitions} partition${d.partitions === 1 ? "" : "s"}). ${d.message}`,
  );
  // The action takes the rows as typed (JSON text) and parses them itself: the form checks them with the same
  // schema and hands over the text unchanged (raw).
  const form = useActionForm<AlterConnectorOffsetsInput, AlterConnectorOffsetsInput>(
    zodResolver(alterConnectorOffsetsSchema, undefined, { raw: true }),
    {
      connect: connector.connect,
      name: connector.name,
      offsets: offsetRows(connector.type, connector.offsets ?? []),
    },
    mutation,
  );
  const rows = useFieldArray({ control: form.control, name: "offsets" });
  const errors = form.formState.errors.offsets;
  const sink = connector.type === "sink";

  return (
    <form noValidate className="space-y-4" onSubmit={submitAction(form, mutation.mutateAsync, onClose)}>
      <p className="text-sm text-muted">
        {sink
          ? 'Each partition is {"kafka_topic", "kafka_partition"}, its offset {"kafka_offset"}: the next record the ' +
            "sink reads. "
          : "Each partition and offset is the connector's own JSON (a file source's position is a byte offset). "}
        Leave an offset empty to forget that partition. Partitions not listed keep their offsets.
      </p>
      <ol className="space-y-3">
        {rows.fields.map((row, index) => (
          <li key={row.id} className="grid gap-2 rounded-md border border-line p-2 sm:grid-cols-[1fr_1fr_auto]">
            <Field
              label={`Partition ${index + 1}`}
              errors={errors?.[index]?.partition?.message ? [errors[index].partition.message] : undefined}
            >
              {(control) => (
                <TextInput
                  {...control}
                  className="font-mono text-xs"
                  spellCheck={false}
                  autoComplete="off"
                  {...form.register(`offsets.${index}.partition`)}
                />
              )}
            </Field>
            <Field
              label={`Offset ${index + 1}`}
              errors={errors?.[index]?.offset?.message ? [errors[index].offset.message] : undefined}
            >
              {(control) => (
                <TextInput
                  {...control}
                  className="font-mono text-xs"
                  spellCheck={false}
                  autoComplete="off"
                  {...form.register(`offsets.${index}.offset`)}
                />
              )}
            </Field>
            <Button className="self-end px-2 py-1 text-xs" onClick={() => rows.remove(index)}>
              Remove {index + 1}
            </Button>
          </li>
        ))}
      </ol>
      {errors?.root?.message || errors?.message ? (
        <p className="text-xs font-medium text-red-700 dark:text-red-300">{errors.root?.message ?? errors.message}</p>
      ) : null}
      <Button onClick={() => rows.append(newOffsetRow(connector.type))}>Add a partition</Button>
      <FormError message={mutation.error?.message} />
      <DialogButtons>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={mutation.isPending}>
          {mutation.isPending ? "Changing…" : "Change offsets"}
        </Button>
      </DialogButtons>
    </form>
  );
}
