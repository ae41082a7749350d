import "server-only";
/**
 * Parsed schemas and their decoders and encoders: avsc for Avro (with the logical types shown as people read them),
 * protobufjs for Protobuf (it parses the .proto text registries store at run time, and also the base64
 * FileDescriptorProto that Confluent's Python serializer registers), ajv for JSON Schema. Decoders give JSON text.
 */
import Ajv, { type ValidateFunction } from "ajv";
import avro from "avsc";
import protobuf from "protobufjs";
import descriptor from "protobufjs/ext/descriptor";
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

// --------------------------------------------------------------------------------------------------------- Avro

const DAY_MS = 86_400_000;

class DecimalType extends avro.types.LogicalType {
  private readonly scale: number;
  constructor(attrs: avro.Schema, opts?: object) {
    super(attrs, opts);
    this.scale = (attrs as { scale?: number }).scale ?? 0;
  }
  override _fromValue(value: Buffer): string {
    let n = 0n;
    for (const b of value) n = (n << 8n) | BigInt(b);
    if (value.length > 0 && (value[0] as number) & 0x80) n -= 1n << BigInt(value.length * 8);
    const negative = n < 0n;
    const digits = (negative ? -n : n).toString().padStart(this.scale + 1, "0");
    const whole = digits.slice(0, digits.length - this.scale);
    const fraction = this.scale > 0 ? `.${digits.slice(-this.scale)}` : "";
    return `${negative ? "-" : ""}${whole}${fraction}`;
  }
  override _toValue(value: unknown): Buffer {
    const text = String(value);
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
    if (!match) throw new Error(`"${text}" is not a decimal number`);
    const fraction = (match[3] ?? "").padEnd(this.scale, "0");
    if (fraction.length > this.scale) throw new Error(`"${text}" has more than ${this.scale} decimal places`);
    let n = BigInt(`${match[2]}${fraction}`) * (match[1] ? -1n : 1n);
    const bytes: number[] = [];
    do {
      bytes.unshift(Number(n & 0xffn));
      n >>= 8n;
    } while (n !== 0n && n !== -1n);
    if ((n === -1n) !== (((bytes[0] as number) & 0x80) !== 0)) bytes.unshift(n === -1n ? 0xff : 0);
    return Buffer.from(bytes);
  }
}

const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

const timestampType = (perMs: number) =>
  class extends avro.types.LogicalType {
    /**
     * The last second formatted (ISO 8601 up to the seconds): records of a topic come roughly in time order, so most
     * share their second with the record before, and formatting a Date was a third of an Avro record's decoding.
     */
    private second = NaN;
    private prefix = "";

    override _fromValue(value: number): string {
      const ms = Math.floor(value / perMs);
      const second = Math.floor(ms / 1000);
      if (second !== this.second) {
        this.prefix = new Date(second * 1000).toISOString().slice(0, -5);
        this.second = second;
      }
      const millis = pad3(ms - second * 1000);
      if (perMs === 1) return `${this.prefix}.${millis}Z`;
      return `${this.prefix}.${millis}${pad3(((value % 1000) + 1000) % 1000)}Z`;
    }
    override _toValue(value: unknown): number {
      if (typeof value === "number") return value;
      const text = String(value);
      const ms = Date.parse(text);
      if (Number.isNaN(ms)) throw new Error(`"${text}" is not a date and time (ISO 8601)`);
      const micros = perMs === 1 ? 0 : Number(/\.\d{3}(\d{3})/.exec(text)?.[1] ?? 0);
      return ms * perMs + micros;
    }
  };

class DateType extends avro.types.LogicalType {
  override _fromValue(value: number): string {
    return new Date(value * DAY_MS).toISOString().slice(0, 10);
  }
  override _toValue(value: unknown): number {
    if (typeof value === "number") return value;
    const ms = Date.parse(`${String(value)}T00:00:00Z`);
    if (Number.isNaN(ms)) throw new Error(`"${String(value)}" is not a date (YYYY-MM-DD)`);
    return Math.round(ms / DAY_MS);
  }
}

const LOGICAL_TYPES = {
  decimal: DecimalType,
  "timestamp-millis": timestampType(1),
  "timestamp-micros": timestampType(1000),
  date: DateType,
} as unknown as Record<string, new (schema: avro.Schema, opts?: object) => avro.types.LogicalType>;

/** Avro's bytes and fixed as base64 in JSON; the rest as avsc gives it (unions unwrapped, as Python's reader). */
function avroJson(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return value.toString("base64");
  if (Array.isArray(value)) return value.map(avroJson);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = avroJson(v);
    return out;
  }
  return value;
}

/**
 * Whether a type's values can hold Buffers (bytes or fixed, not behind a logical type): only those need avroJson's
 * copy; any other value is JSON as avsc gives it (a copy per record was a quarter of an Avro record's decoding).
 */
function holdsBuffers(type: avro.Type, seen = new Set<avro.Type>()): boolean {
  if (seen.has(type) || type instanceof avro.types.LogicalType) return false;
  seen.add(type);
  if (type.typeName === "bytes" || type.typeName === "fixed") return true;
  if (type instanceof avro.types.RecordType) return type.fields.some((field) => holdsBuffers(field.type, seen));
  if (type instanceof avro.types.ArrayType) return holdsBuffers(type.itemsType, seen);
  if (type instanceof avro.types.MapType) return holdsBuffers(type.valuesType, seen);
  if (type instanceof avro.types.UnwrappedUnionType) return type.types.some((t) => holdsBuffers(t, seen));
  return false;
}

function fromJson(type: avro.Type, value: unknown): unknown {
  // JSON has no bytes: base64 text stands for them (as the decoder shows them).
  if ((type.typeName === "bytes" || type.typeName === "fixed") && typeof value === "string")
    return Buffer.from(value, "base64");
  if (type instanceof avro.types.RecordType && value && typeof value === "object" && !Array.isArray(value)) {
    const out: Record<string, unknown> = {};
    for (const field of type.fields) {
      const v = (value as Record<string, unknown>)[field.name];
      if (v !== undefined) out[field.name] = fromJson(field.type, v);
    }
    return out;
  }
  if (type instanceof avro.types.ArrayType && Array.isArray(value))
    return value.map((v) => fromJson(type.itemsType, v));
  if (type instanceof avro.types.MapType && value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromJson(type.valuesType, v)]));
  if (type instanceof avro.types.UnwrappedUnionType && value !== null) {
    for (const t of type.types) {
      const candidate = fromJson(t, value);
      if (t.isValid(candidate)) return candidate;
    }
  }
  return value;
}

function parseAvro(source: SchemaSource): ParsedSchema {
  const registry: Record<string, avro.Type> = {};
  const visit = (s: SchemaSource) => {
    for (const ref of s.references) visit(ref.source);
    return avro.Type.forSchema(JSON.parse(s.schema) as avro.Schema, {
      registry,
      logicalTypes: LOGICAL_TYPES,
      wrapUnions: false,
    });
  };
  const type = visit(source);
  const copy = holdsBuffers(type);
  return {
    encoding: "avro",
    decode(payload) {
      const { value, offset } = type.decode(payload, 0);
      if (offset !== payload.length) {
        throw new Error(
          offset < 0 ? "the bytes end before the record does" : `${payload.length - offset} bytes left over`,
        );
      }
      return JSON.stringify(copy ? avroJson(value) : value);
    },
    encode(value) {
      const native = fromJson(type, value);
      const errors: string[] = [];
      type.isValid(native, {
        errorHook: (path: string[], v: unknown, t: avro.Type) =>
          errors.push(`${path.join(".") || "(the record)"}: ${JSON.stringify(v) ?? "missing"} is not ${avroName(t)}`),
      });
      if (errors.length > 0) throw new Error(errors[0]);
      return { payload: type.toBuffer(native) };
    },
  };
}

function avroName(type: avro.Type): string {
  if (type instanceof avro.types.UnwrappedUnionType) return `one of ${type.types.map(avroName).join(", ")}`;
  return `${/^[aeiou]/.test(type.typeName) ? "an" : "a"} ${type.name ?? type.typeName}`;
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
