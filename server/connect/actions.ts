"use server";
/**
 * The Kafka Connect actions, each through runMutation (role, read-only refusal, validation, audit): the connector's
 * life cycle for operators, creating and reconfiguring for admins (lib/auth/permissions.ts).
 */
import type { ActionResult } from "@/lib/actions/result";
import {
  type ConnectorRef,
  connectorRefSchema,
  type DeleteConnectorInput,
  deleteConnectorSchema,
  type RestartConnectorInput,
  restartConnectorSchema,
  type RestartTaskInput,
  restartTaskSchema,
  type UpsertConnectorInput,
  upsertConnectorSchema,
} from "@/lib/connect/schemas";
import { type AlterConnectorOffsetsInput, alterConnectorOffsetsSchema } from "@/lib/connect/offsets";
import { runMutation } from "@/server/run-action";
import { findConnect } from "@/server/connect/client";
import * as manage from "@/server/connect/manage";

type Done = ActionResult<{ name: string }>;

export async function pauseConnector(cluster: string, input: ConnectorRef): Promise<Done> {
  return runMutation("connector.pause", cluster, connectorRefSchema, input, async (c, v) => {
    await manage.pauseConnector(findConnect(c, v.connect), v.name);
    return { name: v.name };
  });
}

export async function resumeConnector(cluster: string, input: ConnectorRef): Promise<Done> {
  return runMutation("connector.resume", cluster, connectorRefSchema, input, async (c, v) => {
    await manage.resumeConnector(findConnect(c, v.connect), v.name);
    return { name: v.name };
  });
}

export async function stopConnector(cluster: string, input: ConnectorRef): Promise<Done> {
  return runMutation("connector.stop", cluster, connectorRefSchema, input, async (c, v) => {
    await manage.stopConnector(findConnect(c, v.connect), v.name);
    return { name: v.name };
  });
}

export async function restartConnector(cluster: string, input: RestartConnectorInput): Promise<Done> {
  return runMutation("connector.restart", cluster, restartConnectorSchema, input, async (c, v) => {
    await manage.restartConnector(findConnect(c, v.connect), v.name, v.onlyFailed);
    return { name: v.name };
  });
}

export async function restartConnectorTask(cluster: string, input: RestartTaskInput): Promise<Done> {
  return runMutation("connector.task.restart", cluster, restartTaskSchema, input, async (c, v) => {
    await manage.restartTask(findConnect(c, v.connect), v.name, v.task);
    return { name: v.name };
  });
}

export async function deleteConnector(cluster: string, input: DeleteConnectorInput): Promise<Done> {
  return runMutation("connector.delete", cluster, deleteConnectorSchema, input, async (c, v) => {
    await manage.deleteConnector(findConnect(c, v.connect), v.name);
    return { name: v.name };
  });
}

export async function resetConnectorOffsets(cluster: string, input: ConnectorRef): Promise<Done> {
  return runMutation("connector.offsets.reset", cluster, connectorRefSchema, input, async (c, v) => {
    await manage.resetConnectorOffsets(findConnect(c, v.connect), v.name);
    return { name: v.name };
  });
}

export async function alterConnectorOffsets(
  cluster: string,
  input: AlterConnectorOffsetsInput,
): Promise<ActionResult<{ name: string; partitions: number; message: string }>> {
  return runMutation("connector.offsets.alter", cluster, alterConnectorOffsetsSchema, input, async (c, v) => {
    const message = await manage.alterConnectorOffsets(findConnect(c, v.connect), v.name, v.offsets);
    return { name: v.name, partitions: v.offsets.length, message };
  });
}

export async function upsertConnector(
  cluster: string,
  input: UpsertConnectorInput,
): Promise<ActionResult<{ name: string; created: boolean }>> {
  return runMutation(
    input.create ? "connector.create" : "connector.update",
    cluster,
    upsertConnectorSchema,
    input,
    async (c, v) => manage.upsertConnector(findConnect(c, v.connect), v.name, v.config, v.create),
  );
}
