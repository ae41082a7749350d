/**
 * "Produce again": a message from the browser becomes a prefilled produce form. The draft travels in sessionStorage
 * (this tab only) under DRAFT_STORAGE_KEY, and the produce page, opened with ?draft=1, reads it once and removes it.
 */
import { z } from "@/lib/zod";
import { MAX_HEADERS } from "@/lib/messages/produce";
import { initialProduceValues, type ProduceFormValues } from "@/lib/messages/produce-form";
import type { Payload, StreamMessage } from "@/lib/messages/types";
import { type SchemaChoice, schemaChoiceSchema } from "@/lib/schemas/produce";
import { isJson } from "@/lib/messages/view";

export const DRAFT_STORAGE_KEY = "kafka-console:produce-draft";

const draftSchema = z.object({
  topic: z.string(),
  key: z.string().nullable(),
  value: z.string().nullable(),
  valueFormat: z.enum(["text", "json"]),
  headers: z.array(z.object({ key: z.string(), value: z.string() })).max(MAX_HEADERS),
  /** The schemas a decoded key / value was written with: the draft writes them again with the same ones. */
  keySchema: schemaChoiceSchema.nullable().default(null),
  valueSchema: schemaChoiceSchema.nullable().default(null),
  /** What could not be carried over, in words. */
  notes: z.array(z.string()),
});
export type ProduceDraft = z.output<typeof draftSchema>;

/** A payload decoded with a registry schema: its JSON and the schema's subject and version, when the registry said. */
function decodedPart(payload: Payload | null): { json: string; schema: SchemaChoice | null } | null {
  if (!payload || payload.encoding === "utf8" || payload.encoding === "base64") return null;
  const s = payload.schema;
  return {
    json: payload.data,
    schema: s?.subject && s.version !== null ? { subject: s.subject, version: s.version } : null,
  };
}

/**
 * The draft of a message: text content only (binary content cannot be typed into the form, and is left out with a
 * note).
 */
export function draftOfMessage(topic: string, message: StreamMessage): ProduceDraft {
  const notes: string[] = [];
  let key: string | null = null;
  const decodedKey = decodedPart(message.key);
  const decodedValue = decodedPart(message.value);
  if (decodedKey) {
    key = decodedKey.json;
    if (!decodedKey.schema) notes.push("The key's schema names no subject, so it is sent as JSON text.");
  } else if (message.key?.encoding === "utf8") {
    key = message.key.data;
    if (key === "") notes.push("The key was empty: the form sends no key for an empty one.");
  } else if (message.key) notes.push("The key is binary, so it was left out: the form sends text.");

  let value: string | null = null;
  if (decodedValue) {
    value = decodedValue.json;
    if (!decodedValue.schema) notes.push("The value's schema names no subject, so it is sent as JSON text.");
  } else if (message.value?.encoding === "utf8") value = message.value.data;
  else if (message.value) {
    value = "";
    notes.push("The value is binary, so it was left out: the form sends text.");
  }

  const headers: { key: string; value: string }[] = [];
  let binaryHeaders = 0;
  for (const header of message.headers) {
    if (header.value === null) headers.push({ key: header.key, value: "" });
    else if (header.value.encoding === "utf8") headers.push({ key: header.key, value: header.value.data });
    else binaryHeaders += 1;
  }
  if (binaryHeaders > 0)
    notes.push(
      `${binaryHeaders === 1 ? "1 header has" : `${binaryHeaders} headers have`} a binary value, so ` +
        `${binaryHeaders === 1 ? "it was" : "they were"} left out.`,
    );
  if (headers.length > MAX_HEADERS) notes.push(`Only the first ${MAX_HEADERS} headers were kept.`);

  return {
    topic,
    key,
    value,
    valueFormat: value !== null && isJson(value) ? "json" : "text",
    headers: headers.slice(0, MAX_HEADERS),
    keySchema: decodedKey?.schema ?? null,
    valueSchema: decodedValue?.schema ?? null,
    notes,
  };
}

/** A stored draft, or null when there is none or it is not one (sessionStorage is the user's to change). */
export function parseDraft(text: string | null): ProduceDraft | null {
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = draftSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The produce form's values for a draft: no key stays blank, a tombstone is ticked. */
export function formValuesOfDraft(draft: ProduceDraft): ProduceFormValues {
  return {
    ...initialProduceValues(draft.topic),
    key: draft.key ?? "",
    value: draft.value ?? "",
    tombstone: draft.value === null,
    valueFormat: draft.valueFormat,
    headers: draft.headers,
    keySchema: draft.keySchema,
    valueSchema: draft.valueSchema,
  };
}
