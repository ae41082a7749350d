import "server-only";
import protobuf from "protobufjs";

const LONG_TYPES = new Set(["int64", "uint64", "sint64", "fixed64", "sfixed64"]);
/** protobufjs's Long class (the `long` package it depends on), typed here by the one method used. */
const LONG = protobuf.util.Long as unknown as { fromString(text: string, unsigned?: boolean): unknown };

/**
 * Protobuf's JSON mapping (enums by name, 64-bit integers as decimal strings, what the decoder gives) into the form
 * protobufjs verifies (enum numbers, Longs), so a value read from the stream can be written back as it is. Anything
 * else is left for verify() to name.
 */
export function fromProtoJson(type: protobuf.Type, value: unknown): Record<string, unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value as Record<string, unknown>;
  const one = (field: protobuf.Field, v: unknown): unknown => {
    if (field.resolvedType instanceof protobuf.Enum && typeof v === "string" && v in field.resolvedType.values)
      return field.resolvedType.values[v];
    if (LONG_TYPES.has(field.type) && typeof v === "string" && /^-?\d+$/.test(v))
      return LONG.fromString(v, field.type.startsWith("u") || field.type === "fixed64");
    if (field.resolvedType instanceof protobuf.Type) return fromProtoJson(field.resolvedType, v);
    return v;
  };
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(value)) {
    const field = type.fields[name];
    if (!field) out[name] = v;
    else if (field.map && v && typeof v === "object")
      out[name] = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, one(field, x)]));
    else if (field.repeated && Array.isArray(v)) out[name] = v.map((x) => one(field, x));
    else out[name] = one(field, v);
  }
  return out;
}
