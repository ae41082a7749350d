import "server-only";
/**
 * Parsed schemas and their decoders and encoders: avsc for Avro (with the logical types shown as people read them),
 * protobufjs for Protobuf (it parses the .proto text registries store at run time, and also the base64
 * FileDescriptorProto that Confluent's Python serializer registers), ajv for JSON Schema. Decoders give JSON text.
 */
import Ajv, { type ValidateFunction } from "ajv";
import protobuf from "protobufjs";
import descriptor from "protobufjs/ext/descriptor";
import { parseAvro } from "./avro";
import { fromProtoJson } from "./proto-json";

export type Encoding = "avro" | "protobuf" | "json-schema";

export interface ParsedSchema {
  encoding: Encoding;
  /** Bytes after the wire prefix -> JSON text. Throws when they do not match the schema. */
  decode(payload: Buffer, indexes?: number[]): string;
  /** A JSON value -> payload bytes and (Protobuf) the message indexes; throws with the first error, at its field. */
  encode(value: unknown): { payload: Buffer; indexes?: number[] };
}

export interface SchemaSource {
  schema: string;
  schemaType?: string;
  /** The referenced schemas, already fetched: import name -> source (recursively). */
  references: { name: string; source: SchemaSource }[];
}

// --------------------------------------------------------------------------------------------------------- Protobuf

const WELL_KNOWN = (protobuf as unknown as { common: Record<string, { nested: protobuf.INamespace["nested"] }> })
  .common;

/** A file's top-level messages in declaration order, full names, for the message indexes. */
interface ProtoFile {
  root: protobuf.Root;
  messages: string[];
}

function isBase64Descriptor(text: string): boolean {
  return !/\b(syntax|message|package)\b/.test(text) && /^[A-Za-z0-9+/=\s]+$/.test(text);
}

function loadProtoInto(root: protobuf.Root, source: SchemaSource, name: string, seen: Set<string>): string[] {
  if (seen.has(name)) return [];
  seen.add(name);
  for (const ref of source.references) loadProtoInto(root, ref.source, ref.name, seen);
  let packageName = "";
  let topLevel: string[];
  if (isBase64Descriptor(source.schema)) {
    const file = descriptor.FileDescriptorProto.decode(Buffer.from(source.schema, "base64")) as unknown as {
      package?: string;
      messageType?: { name: string }[];
      dependency?: string[];
    };
    for (const dep of file.dependency ?? []) {
      const common = WELL_KNOWN[dep];
      if (common) root.addJSON(common.nested ?? {});
    }
    const set = descriptor.FileDescriptorSet.create({ file: [file as never] });
    const one = protobuf.Root.fromDescriptor(set as never);
    root.addJSON(one.toJSON().nested ?? {});
    packageName = file.package ?? "";
    topLevel = (file.messageType ?? []).map((m) => m.name);
  } else {
    const parsed = protobuf.parse(source.schema, new protobuf.Root(), { keepCase: true });
    for (const dep of parsed.imports ?? []) {
      const common = WELL_KNOWN[dep];
      if (common) root.addJSON(common.nested ?? {});
    }
    root.addJSON(parsed.root.toJSON().nested ?? {});
    packageName = parsed.package ?? "";
    const ns = packageName ? parsed.root.lookup(packageName) : parsed.root;
    topLevel =
      ns instanceof protobuf.Namespace
        ? ns.nestedArray.filter((n) => n instanceof protobuf.Type).map((n) => n.name)
        : [];
  }
  return topLevel.map((n) => (packageName ? `${packageName}.${n}` : n));
}

function messageAt(file: ProtoFile, indexes: readonly number[]): protobuf.Type {
  const first = file.messages[indexes[0] ?? 0];
  if (!first) throw new Error(`the schema has no message at index ${indexes[0]}`);
  let type = file.root.lookupType(first);
  for (const index of indexes.slice(1)) {
    const nested = type.nestedArray.filter((n): n is protobuf.Type => n instanceof protobuf.Type)[index];
    if (!nested) throw new Error(`${type.fullName.slice(1)} has no nested message at index ${index}`);
    type = nested;
  }
  return type;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Protobuf's JSON mapping for the well-known types that have one of their own. */
function wellKnownJson(type: protobuf.Type, obj: Record<string, unknown>): unknown {
  switch (type.fullName) {
    case ".google.protobuf.Timestamp": {
      const seconds = Number(obj.seconds ?? 0);
      const nanos = Number(obj.nanos ?? 0);
      const iso = new Date(seconds * 1000).toISOString().replace(".000Z", "");
      const fraction =
        nanos === 0
          ? ""
          : `.${
              pad(nanos, 9)
                .replace(/(\d{3})(000)*$/, "$1")
                .replace(/0+$/, "") || "0"
            }`;
      return `${iso}${nanos % 1_000_000 === 0 && nanos !== 0 ? `.${pad(nanos / 1_000_000, 3)}` : fraction}Z`;
    }
    case ".google.protobuf.Duration":
      return `${Number(obj.seconds ?? 0) + Number(obj.nanos ?? 0) / 1e9}s`;
    case ".google.protobuf.DoubleValue":
    case ".google.protobuf.FloatValue":
    case ".google.protobuf.Int64Value":
    case ".google.protobuf.UInt64Value":
    case ".google.protobuf.Int32Value":
    case ".google.protobuf.UInt32Value":
    case ".google.protobuf.BoolValue":
    case ".google.protobuf.StringValue":
    case ".google.protobuf.BytesValue":
      return obj.value;
    default:
      return undefined;
  }
}

function protoJson(type: protobuf.Type, obj: Record<string, unknown>, root: protobuf.Root): unknown {
  const special = wellKnownJson(type, obj);
  if (special !== undefined) return special;
  if (type.fullName === ".google.protobuf.Any") {
    const url = String(obj.type_url ?? obj.typeUrl ?? "");
    const inner = root.lookup(url.slice(url.lastIndexOf("/") + 1));
    if (inner instanceof protobuf.Type) {
      const value = Buffer.from(String(obj.value ?? ""), "base64");
      const decoded = inner.toObject(inner.decode(value), TO_OBJECT) as Record<string, unknown>;
      const json = protoJson(inner, decoded, root);
      return json && typeof json === "object" ? { "@type": url, ...json } : { "@type": url, value: json };
    }
    return { "@type": url, value: obj.value };
  }
  const out: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    const value = obj[field.name];
    if (value === undefined || value === null) continue;
    const resolved = field.resolvedType;
    if (resolved instanceof protobuf.Type) {
      const one = (v: unknown) => protoJson(resolved, v as Record<string, unknown>, root);
      out[field.name] = field.map
        ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, one(v)]))
        : field.repeated
          ? (value as unknown[]).map(one)
          : one(value);
    } else out[field.name] = value;
  }
  return out;
}

const TO_OBJECT: protobuf.IConversionOptions = {
  longs: String,
  enums: String,
  bytes: String,
  defaults: true,
  arrays: true,
  objects: true,
};

function parseProtobuf(source: SchemaSource): ParsedSchema {
  const root = new protobuf.Root();
  const messages = loadProtoInto(root, source, "(the schema)", new Set());
  root.resolveAll();
  const file: ProtoFile = { root, messages };
  return {
    encoding: "protobuf",
    decode(payload, indexes = [0]) {
      const type = messageAt(file, indexes);
      const message = type.decode(payload);
      // Unset message fields come out as null with defaults: true; they are left out, as protobuf's JSON mapping does.
      return JSON.stringify(protoJson(type, type.toObject(message, TO_OBJECT) as Record<string, unknown>, root));
    },
    encode(value) {
      const type = messageAt(file, [0]);
      const message = fromProtoJson(type, value);
      const problem = type.verify(message);
      if (problem) throw new Error(problem);
      return {
        payload: Buffer.from(type.encode(type.fromObject(message)).finish()),
        indexes: [0],
      };
    },
  };
}

// --------------------------------------------------------------------------------------------------------- JSON

const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });

function parseJsonSchema(source: SchemaSource): ParsedSchema {
  const schema = JSON.parse(source.schema) as Record<string, unknown>;
  let validate: ValidateFunction | undefined;
  const validator = () => {
    validate ??= ajv.compile({ ...schema, $id: undefined });
    return validate;
  };
  return {
    encoding: "json-schema",
    decode(payload) {
      const text = payload.toString("utf8");
      JSON.parse(text); // throws when the bytes are not JSON
      return text;
    },
    encode(value) {
      const check = validator();
      if (!check(value)) {
        const error = check.errors?.[0];
        throw new Error(`${error?.instancePath || "(the value)"}: ${error?.message ?? "does not match the schema"}`);
      }
      return { payload: Buffer.from(JSON.stringify(value)) };
    },
  };
}

export function parseSchema(source: SchemaSource): ParsedSchema {
  switch (source.schemaType) {
    case "PROTOBUF":
      return parseProtobuf(source);
    case "JSON":
      return parseJsonSchema(source);
    default:
      return parseAvro(source);
  }
}
