"use server";
import type { ActionResult } from "@/lib/actions/result";
import { type CreateAclsInput, type DeleteAclsInput, createAclsSchema, deleteAclsSchema } from "@/lib/acls/schemas";
import {
  type AlterQuotaInput,
  type DeleteScramUserInput,
  type UpsertScramUserInput,
  alterQuotaSchema,
  deleteScramUserSchema,
  upsertScramUserSchema,
} from "@/lib/acls/users";
import { runMutation } from "@/server/run-action";
import * as acls from "@/server/acls/acls";
import * as quotas from "@/server/acls/quotas";
import * as users from "@/server/acls/users";

export async function createAcls(cluster: string, input: CreateAclsInput): Promise<ActionResult<{ created: number }>> {
  return runMutation("acl.create", cluster, createAclsSchema, input, async (c, valid) => {
    await acls.createAcls(c, valid.bindings);
    return { created: valid.bindings.length };
  });
}

export async function deleteAcls(cluster: string, input: DeleteAclsInput): Promise<ActionResult<{ deleted: number }>> {
  return runMutation("acl.delete", cluster, deleteAclsSchema, input, async (c, valid) => ({
    deleted: await acls.deleteAcls(c, valid.bindings),
  }));
}

/**
 * Creates a SCRAM user or sets its password. An empty password asks the server for a generated one, which this
 * answer carries once (the audit log keeps neither: the input's password is redacted, the result is summarised).
 */
export async function upsertScramUser(
  cluster: string,
  input: UpsertScramUserInput,
): Promise<ActionResult<{ name: string; created: boolean; generatedPassword: string | null }>> {
  return runMutation("scram.upsert", cluster, upsertScramUserSchema, input, async (c, valid) => {
    const existed = (await users.listScramUsers(c)).some((u) => u.name === valid.name);
    const generated = valid.password === "" ? users.generatePassword() : null;
    await users.upsertScramUser(c, { ...valid, password: generated ?? valid.password });
    return { name: valid.name, created: !existed, generatedPassword: generated };
  });
}

export async function deleteScramUser(
  cluster: string,
  input: DeleteScramUserInput,
): Promise<ActionResult<{ name: string; mechanisms: string[] }>> {
  return runMutation("scram.delete", cluster, deleteScramUserSchema, input, async (c, valid) => ({
    name: valid.name,
    mechanisms: await users.deleteScramUser(c, valid.name),
  }));
}

export async function alterQuota(
  cluster: string,
  input: AlterQuotaInput,
): Promise<ActionResult<{ before: Record<string, number>; after: Record<string, number> }>> {
  return runMutation("quota.alter", cluster, alterQuotaSchema, input, async (c, valid) => {
    const before = await quotas.quotasOf(c, valid.entity);
    await quotas.alterQuotas(c, valid.entity, valid.set, valid.remove);
    const expected: Record<string, number> = { ...before };
    for (const [key, value] of Object.entries(valid.set)) if (value !== undefined) expected[key] = value;
    for (const key of valid.remove) delete expected[key];
    return { before, after: await quotas.quotasSettled(c, valid.entity, expected) };
  });
}
