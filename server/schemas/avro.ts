import "server-only";
/** Avro schemas with avsc: the logical types shown as people read them, and JSON in and out (formats.ts). */
import avro from "avsc";
import type { ParsedSchema, SchemaSource } from "./formats";

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

export function parseAvro(source: SchemaSource): ParsedSchema {
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
