/**
 * The produce form's values as typed (partition and copies as text, a tombstone as a tick) and their translation
 * into the input of produceSchema, checked in the browser with that schema by the form's resolver. Pure.
 */
import type { Resolver } from "react-hook-form";
import { mappedResolver } from "@/lib/actions/form-resolver";
import {
  type Compression,
  type ProduceHeader,
  type ProduceInput,
  produceSchema,
  type ValueFormat,
} from "@/lib/messages/produce";
import type { SchemaChoice } from "@/lib/schemas/produce";

export interface ProduceFormValues {
  topic: string;
  /** "" for automatic. */
  partition: string;
  /** "" for a record without a key. */
  key: string;
  value: string;
  /** When true the record has no value: a tombstone. */
  tombstone: boolean;
  valueFormat: ValueFormat;
  headers: ProduceHeader[];
  copies: string;
  compression: Compression;
  /** The registry schemas to write the key / the value with, or null: as typed. */
  keySchema: SchemaChoice | null;
  valueSchema: SchemaChoice | null;
}

export function initialProduceValues(topic = ""): ProduceFormValues {
  return {
    topic,
    partition: "",
    key: "",
    value: "",
    tombstone: false,
    valueFormat: "text",
    headers: [],
    copies: "1",
    compression: "none",
    keySchema: null,
    valueSchema: null,
  };
}

/** Numbers typed as text become numbers only when they are plain digits; anything else is left for the schema. */
function numberOrText(text: string): number | string {
  const v = text.trim();
  return /^-?\d+$/.test(v) ? Number(v) : v;
}

export function produceInputOf(values: ProduceFormValues): Record<keyof ProduceInput, unknown> {
  return {
    topic: values.topic.trim(),
    partition: values.partition.trim() === "" ? null : numberOrText(values.partition),
    key: values.key === "" ? null : values.key,
    value: values.tombstone ? null : values.value,
    valueFormat: values.valueFormat,
    headers: values.headers,
    copies: numberOrText(values.copies),
    compression: values.compression,
    keySchema: values.keySchema,
    valueSchema: values.valueSchema,
  };
}

const SAME_NAME = new Set<PropertyKey>([
  "topic",
  "partition",
  "key",
  "value",
  "copies",
  "compression",
  "keySchema",
  "valueSchema",
]);

/**
 * Where the form shows a problem the schema (or the action) reports at `path` of the input: a field of the same
 * name, "headers.1.key" at that header's box, a problem of the headers as a whole at "headers.root", the value's
 * format at the value, anything else at the form's "root".
 */
export function produceFormPathOf(path: readonly PropertyKey[]): string {
  const [head, index, part] = path;
  if (head === "headers") {
    if (index === undefined) return "headers.root";
    return `headers.${String(index)}.${part === "value" ? "value" : "key"}`;
  }
  if (head === "valueFormat") return "value";
  return head !== undefined && SAME_NAME.has(head) ? String(head) : "root";
}

/** The form's resolver: the values become the action's input (produceInputOf), checked with produceSchema. */
export const produceResolver: Resolver<ProduceFormValues, unknown, ProduceInput> = mappedResolver(
  produceSchema,
  produceInputOf,
  produceFormPathOf,
);
