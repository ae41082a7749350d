import "server-only";
/**
 * Changes to a cluster's schema registry: a new version (compatibility checked first; a refusal comes back with the
 * registry's own reason and nothing is registered), compatibility levels, soft and hard deletes.
 */
import type { z } from "zod";
import type { Compatibility } from "@/lib/api/schemas";
import type { deleteSchemaSchema, registerSchemaSchema } from "@/lib/schemas/forms";
import { FieldError } from "@/server/errors";
import type { ClusterHandle } from "@/server/kafka/clients";
import { cleanMessage, RegistryAnswerError, registryOf } from "./client";
import { compatibilityOf } from "./subjects";

const path = (subject: string) => `/subjects/${encodeURIComponent(subject)}`;

export async function registerVersion(
  cluster: ClusterHandle,
  input: z.output<typeof registerSchemaSchema>,
): Promise<{ subject: string; id: number; version: number | null }> {
  const registry = registryOf(cluster.config);
  const body = {
    schema: input.schema,
    ...(input.format === "AVRO" ? {} : { schemaType: input.format }),
    ...(input.references.length > 0 ? { references: input.references } : {}),
  };
  const check = await registry
    .request<{ is_compatible: boolean; messages?: string[] }>(
      "POST",
      `/compatibility${path(input.subject)}/versions/latest?verbose=true`,
      body,
    )
    .catch((error: unknown): { is_compatible: boolean; messages?: string[] } => {
      // No version yet (a new subject): nothing to be compatible with.
      if (error instanceof RegistryAnswerError && error.registryStatus === 404) return { is_compatible: true };
      if (error instanceof RegistryAnswerError && error.registryStatus === 422)
        throw new FieldError("schema", `The registry refused the schema: ${cleanMessage(error.registryMessage)}`);
      throw error;
    });
  if (!check.is_compatible) {
    const level = (await compatibilityOf(registry, input.subject).catch(() => null)) ?? "the subject's";
    const reasons = (check.messages ?? []).map(cleanMessage).filter(Boolean);
    throw new FieldError(
      "schema",
      `Not registered: the schema is not ${level} compatible with the latest version of ${input.subject}` +
        (reasons.length > 0 ? `: ${reasons.slice(0, 3).join("; ")}` : await reasonOf(input.subject, body)),
    );
  }
  try {
    const { id } = await registry.request<{ id: number }>("POST", `${path(input.subject)}/versions`, body);
    const versions = await registry.request<{ subject: string; version: number }[]>(
      "GET",
      `/schemas/ids/${id}/versions`,
    );
    const version = versions.filter((v) => v.subject === input.subject).at(-1)?.version ?? null;
    return { subject: input.subject, id, version };
  } catch (error) {
    if (error instanceof RegistryAnswerError && (error.registryStatus === 409 || error.registryStatus === 422))
      throw new FieldError("schema", `Not registered: ${cleanMessage(error.registryMessage)}`);
    throw error;
  }

  /**
   * The registry's own words when its compatibility check gave none (Apicurio's verbose check does not): its refusal
   * of the registration itself, which registers nothing.
   */
  async function reasonOf(subject: string, schema: object): Promise<string> {
    try {
      await registry.request("POST", `${path(subject)}/versions?normalize=false&dryRun=true`, schema);
      return ".";
    } catch (error) {
      return error instanceof RegistryAnswerError ? `: ${cleanMessage(error.registryMessage)}` : ".";
    }
  }
}

export async function setCompatibility(
  cluster: ClusterHandle,
  subject: string | null,
  compatibility: Compatibility,
): Promise<{ before: Compatibility | null; after: Compatibility }> {
  const registry = registryOf(cluster.config);
  const before = await compatibilityOf(registry, subject ?? undefined).catch(() => null);
  await registry.request("PUT", subject === null ? "/config" : `/config/${encodeURIComponent(subject)}`, {
    compatibility,
  });
  return { before, after: compatibility };
}

export async function deleteSchema(
  cluster: ClusterHandle,
  input: z.output<typeof deleteSchemaSchema>,
): Promise<{ deleted: number[] }> {
  const registry = registryOf(cluster.config);
  const target = input.version === null ? path(input.subject) : `${path(input.subject)}/versions/${input.version}`;
  let deleted: number[] = [];
  try {
    const answer = await registry.request<number | number[]>("DELETE", target);
    deleted = Array.isArray(answer) ? answer : [answer];
  } catch (error) {
    // Already soft-deleted: a hard delete goes on; anything else is the registry's refusal.
    if (!(input.permanent && error instanceof RegistryAnswerError && error.registryStatus === 404)) throw error;
  }
  if (input.permanent) {
    const answer = await registry.request<number | number[]>("DELETE", `${target}?permanent=true`);
    if (deleted.length === 0) deleted = Array.isArray(answer) ? answer : [answer];
  }
  return { deleted };
}
