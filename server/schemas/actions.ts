"use server";
import type { ActionResult } from "@/lib/actions/result";
import type { Compatibility } from "@/lib/api/schemas";
import {
  type DeleteSchemaInput,
  deleteSchemaSchema,
  type RegisterSchemaInput,
  registerSchemaSchema,
  type SetCompatibilityInput,
  setCompatibilitySchema,
} from "@/lib/schemas/forms";
import { runMutation } from "@/server/run-action";
import * as writes from "@/server/schemas/writes";

export async function registerSchema(
  cluster: string,
  input: RegisterSchemaInput,
): Promise<ActionResult<{ subject: string; id: number; version: number | null }>> {
  return runMutation("schema.register", cluster, registerSchemaSchema, input, (c, valid) =>
    writes.registerVersion(c, valid),
  );
}

export async function setSchemaCompatibility(
  cluster: string,
  input: SetCompatibilityInput,
): Promise<ActionResult<{ before: Compatibility | null; after: Compatibility }>> {
  return runMutation("schema.compatibility", cluster, setCompatibilitySchema, input, (c, valid) =>
    writes.setCompatibility(c, valid.subject, valid.compatibility),
  );
}

export async function deleteSchema(
  cluster: string,
  input: DeleteSchemaInput,
): Promise<ActionResult<{ deleted: number[] }>> {
  return runMutation("schema.delete", cluster, deleteSchemaSchema, input, (c, valid) => writes.deleteSchema(c, valid));
}
