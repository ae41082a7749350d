"use client";

import { Link } from "@/components/ui/Link";
import { useState } from "react";
import { Button, buttonClass } from "@/components/ui/Button";
import { ConfirmByTypingForm } from "@/components/ui/ConfirmByTypingForm";
import { Dialog } from "@/components/ui/Dialog";
import { FormError } from "@/components/ui/Form";
import { useActionMutation } from "@/components/ui/useActionMutation";
import type { ConnectorResponse } from "@/lib/api/connect";
import { type ConnectorRef, deleteConnectorSchema } from "@/lib/connect/schemas";
import { queryKeys } from "@/lib/query/keys";
import { editConnectorPath } from "@/lib/routes";
import {
  deleteConnector,
  pauseConnector,
  resetConnectorOffsets,
  restartConnector,
  resumeConnector,
  stopConnector,
} from "@/server/connect/actions";

/** The connector's life cycle: each button calls its action and refreshes the Connect pages. */
export function ConnectorActions({
  cluster,
  connector,
  onDeleted,
}: {
  cluster: string;
  connector: ConnectorResponse;
  onDeleted: () => void;
}) {
  const ref: ConnectorRef = { connect: connector.connect, name: connector.name };
  const keys = () => [queryKeys.connectors(cluster)];
  const pause = useActionMutation(cluster, pauseConnector, keys, (d) => `Connector ${d.name} paused.`);
  const resume = useActionMutation(cluster, resumeConnector, keys, (d) => `Connector ${d.name} resumed.`);
  const stop = useActionMutation(cluster, stopConnector, keys, (d) => `Connector ${d.name} stopped.`);
  const restart = useActionMutation(cluster, restartConnector, keys, (d) => `Connector ${d.name} restarting.`);
  const reset = useActionMutation(cluster, resetConnectorOffsets, keys, (d) => `Offsets of ${d.name} reset.`);
  const [deleting, setDeleting] = useState(false);
  const mutations = [pause, resume, stop, restart, reset];
  const failure = mutations.find((m) => m.error)?.error?.message;
  const busy = mutations.some((m) => m.isPending);
  const hasFailedTasks = connector.tasks.some((t) => t.state === "FAILED") || connector.state === "FAILED";

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Connector actions">
        {connector.state === "PAUSED" || connector.state === "STOPPED" ? (
          <Button disabled={busy} onClick={() => resume.mutate(ref)}>
            Resume
          </Button>
        ) : (
          <Button disabled={busy} onClick={() => pause.mutate(ref)}>
            Pause
          </Button>
        )}
        {connector.state !== "STOPPED" ? (
          <Button disabled={busy} onClick={() => stop.mutate(ref)}>
            Stop
          </Button>
        ) : null}
        <Button disabled={busy} onClick={() => restart.mutate({ ...ref, onlyFailed: false })}>
          Restart
        </Button>
        {hasFailedTasks ? (
          <Button disabled={busy} onClick={() => restart.mutate({ ...ref, onlyFailed: true })}>
            Restart failed tasks
          </Button>
        ) : null}
        <Button
          disabled={busy}
          title={
            connector.state === "STOPPED"
              ? "Forget the connector's offsets: it starts from the beginning when resumed."
              : "Kafka Connect resets offsets only of a stopped connector: stop it first."
          }
          onClick={() => reset.mutate(ref)}
        >
          Reset offsets
        </Button>
        <Link href={editConnectorPath(cluster, connector.connect, connector.name)} className={buttonClass()}>
          Edit
        </Link>
        <Button variant="danger" disabled={busy} onClick={() => setDeleting(true)}>
          Delete
        </Button>
      </div>
      <FormError message={failure} />
      <Dialog open={deleting} title={`Delete connector ${connector.name}`} onClose={() => setDeleting(false)}>
        <DeleteConnectorForm
          cluster={cluster}
          connectorRef={ref}
          onCancel={() => setDeleting(false)}
          onDeleted={onDeleted}
        />
      </Dialog>
    </div>
  );
}

function DeleteConnectorForm({
  cluster,
  connectorRef,
  onCancel,
  onDeleted,
}: {
  cluster: string;
  connectorRef: ConnectorRef;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const mutation = useActionMutation(
    cluster,
    deleteConnector,
    () => [],
    (d) => `Connector ${d.name} deleted.`,
  );
  return (
    <ConfirmByTypingForm
      expected={connectorRef.name}
      what="connector name"
      schema={deleteConnectorSchema}
      toInput={(confirmation) => ({ ...connectorRef, confirmation })}
      mutation={mutation}
      submitLabel="Delete connector"
      pendingLabel="Deleting…"
      onCancel={onCancel}
      onConfirmed={onDeleted}
      warning={
        <p>
          The connector and its tasks stop and its config is removed from Kafka Connect &quot;{connectorRef.connect}
          &quot;. Its offsets stay in Connect&apos;s offsets topic.
        </p>
      }
    />
  );
}
