/**
 * Schema changes through the console's server actions, against the real test registry: compatibility checked first
 * (an incompatible version refused with the registry's reason and nothing registered), levels, soft and hard deletes,
 * and the read-only cluster refusing every change.
 */
import { describe, expect, it } from "vitest";
import { uniqueName } from "@/scripts/test-support/helpers";
import { TEST_REGISTRY_URL } from "@/scripts/test-support/test-cluster";
import { deleteSchema, registerSchema, setSchemaCompatibility } from "./actions";

const v1 = { type: "record", name: "User", fields: [{ name: "name", type: "string" }] };
const compatible = { ...v1, fields: [...v1.fields, { name: "age", type: ["null", "int"], default: null }] };
const incompatible = { ...v1, fields: [{ name: "name", type: "int" }] };

async function versionsOf(subject: string): Promise<number[]> {
  const response = await fetch(`${TEST_REGISTRY_URL}/subjects/${subject}/versions`);
  return response.ok ? ((await response.json()) as number[]) : [];
}

describe("schema actions", () => {
  const subject = `${uniqueName("writes")}-value`;

  it("registers a compatible version and refuses an incompatible one with the registry's reason", async () => {
    const first = await registerSchema("test", { subject, format: "AVRO", schema: JSON.stringify(v1) });
    expect(first).toMatchObject({ ok: true, data: { subject, version: 1 } });
    const refused = await registerSchema("test", { subject, format: "AVRO", schema: JSON.stringify(incompatible) });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(String(refused.fieldErrors?.schema)).toMatch(/^Not registered: the schema is not BACKWARD compatible/);
      expect(String(refused.fieldErrors?.schema)).toMatch(/\/fields\/0\/type/);
    }
    expect(await versionsOf(subject)).toEqual([1]);
    const second = await registerSchema("test", { subject, format: "AVRO", schema: JSON.stringify(compatible) });
    expect(second).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await versionsOf(subject)).toEqual([1, 2]);
  });

  it("sets a subject's compatibility, after which the refused change registers", async () => {
    expect(await setSchemaCompatibility("test", { subject, compatibility: "NONE" })).toMatchObject({
      ok: true,
      data: { before: "BACKWARD", after: "NONE" },
    });
    const third = await registerSchema("test", { subject, format: "AVRO", schema: JSON.stringify(incompatible) });
    expect(third).toMatchObject({ ok: true, data: { version: 3 } });
  });

  it("deletes a version softly and a subject for good, only with the name typed again", async () => {
    const unconfirmed = await deleteSchema("test", { subject, version: 3, permanent: false, confirmation: "nope" });
    expect(unconfirmed).toMatchObject({
      ok: false,
      fieldErrors: { confirmation: ["Type the subject's name exactly to confirm."] },
    });
    expect(await deleteSchema("test", { subject, version: 3, permanent: false, confirmation: subject })).toMatchObject({
      ok: true,
      data: { deleted: [3] },
    });
    expect(await versionsOf(subject)).toEqual([1, 2]);
    expect(
      await deleteSchema("test", { subject, version: null, permanent: true, confirmation: subject }),
    ).toMatchObject({
      ok: true,
    });
    expect(await versionsOf(subject)).toEqual([]);
  });

  it("refuses every change on a read-only cluster, and registers nothing", async () => {
    const other = `${uniqueName("readonly")}-value`;
    const result = await registerSchema("readonly", { subject: other, format: "AVRO", schema: JSON.stringify(v1) });
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? "" : result.message).toMatch(/read-only/);
    expect(await versionsOf(other)).toEqual([]);
  });
});
