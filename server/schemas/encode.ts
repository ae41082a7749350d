import "server-only";
/**
 * A key or value written as JSON, encoded with a registry schema into the Confluent wire format (magic byte, schema
 * id, Protobuf's message indexes, the payload). The JSON is checked against the schema first: the first problem comes
 * back at the form's field, naming the schema's field.
 */
import type { SchemaChoice } from "@/lib/schemas/produce";
import { FieldError } from "@/server/errors";
import type { ClusterHandle } from "@/server/kafka/clients";
import { RegistryAnswerError, registryOf } from "./client";
import { loadSource } from "./decoder";
import { type ParsedSchema, parseSchema } from "./formats";
import { getVersion } from "./subjects";
import { frame } from "./wire";

export interface EncodedPart {
  bytes: Buffer;
  /** The schema the part was written with. */
  schema: { id: number; subject: string; version: number };
}

export async function encodeWithSchema(
  cluster: ClusterHandle,
  choice: SchemaChoice,
  text: string,
  field: "key" | "value",
): Promise<EncodedPart> {
  const registry = registryOf(cluster.config);
  const version = await getVersion(registry, choice.subject, choice.version).catch((error: unknown) => {
    if (error instanceof RegistryAnswerError && error.registryStatus === 404)
      throw new FieldError(
        `${field}Schema`,
        choice.version === "latest"
          ? `The schema registry has no subject ${choice.subject}.`
          : `Subject ${choice.subject} has no version ${choice.version}.`,
      );
    throw error;
  });
  const label = `${choice.subject} version ${version.version}`;
  let parsed: ParsedSchema;
  try {
    parsed = parseSchema(await loadSource(registry, version));
  } catch (error) {
    throw new FieldError(`${field}Schema`, `${label} could not be read: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new FieldError(field, `With a schema, the ${field} is written as JSON; this is not valid JSON.`);
  }
  try {
    const { payload, indexes } = parsed.encode(value);
    return {
      bytes: frame(version.id, payload, indexes),
      schema: { id: version.id, subject: choice.subject, version: version.version },
    };
  } catch (error) {
    throw new FieldError(field, `Does not match ${label}: ${(error as Error).message}`);
  }
}
