import "server-only";
/**
 * The Confluent wire format's framing, ours to read and write (the payload itself is Avro, Protobuf or JSON, decoded by
 * their libraries): magic byte 0 + a 4-byte big-endian schema id, or magic byte 1 + a 16-byte schema GUID, then for
 * Protobuf the message-index list (zig-zag varints: a count, then the indexes; a lone 0 means [0]), then the payload.
 * Schema ids may also travel in the `__key_schema_id` / `__value_schema_id` headers (the same prefix), with the
 * record's bytes then holding only the payload.
 */

export type SchemaRef = { kind: "id"; id: number } | { kind: "guid"; guid: string };

export interface Framed {
  ref: SchemaRef;
  /** Where the bytes after the prefix (and after the message indexes, once read) begin. */
  offset: number;
}

/** Reads the 5- or 17-byte prefix, or undefined when the bytes do not start with one. */
export function readPrefix(bytes: Buffer): Framed | undefined {
  if (bytes.length >= 5 && bytes[0] === 0) return { ref: { kind: "id", id: bytes.readUInt32BE(1) }, offset: 5 };
  if (bytes.length >= 17 && bytes[0] === 1) {
    const hex = bytes.subarray(1, 17).toString("hex");
    const guid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    return { ref: { kind: "guid", guid }, offset: 17 };
  }
  return undefined;
}

export const KEY_SCHEMA_HEADER = "__key_schema_id";
export const VALUE_SCHEMA_HEADER = "__value_schema_id";

function readVarint(bytes: Buffer, at: number): { value: number; next: number } {
  let result = 0;
  let shift = 0;
  let i = at;
  for (;;) {
    if (i >= bytes.length) throw new Error("the message indexes end early");
    const b = bytes[i++] as number;
    result += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) break;
    shift += 7;
    if (shift > 28) throw new Error("a message index is too long");
  }
  // zig-zag
  const value = result % 2 === 0 ? result / 2 : -(result + 1) / 2;
  return { value, next: i };
}

/** Reads Protobuf's message-index list at `at`: the path to the message type in the schema's file. */
export function readMessageIndexes(bytes: Buffer, at: number): { indexes: number[]; next: number } {
  const count = readVarint(bytes, at);
  if (count.value === 0) return { indexes: [0], next: count.next };
  if (count.value < 0 || count.value > 100) throw new Error(`${count.value} message indexes is not plausible`);
  const indexes: number[] = [];
  let next = count.next;
  for (let i = 0; i < count.value; i++) {
    const index = readVarint(bytes, next);
    if (index.value < 0) throw new Error("a negative message index");
    indexes.push(index.value);
    next = index.next;
  }
  return { indexes, next };
}

function writeVarint(value: number): number[] {
  let n = value >= 0 ? value * 2 : -value * 2 - 1;
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

/** The message-index list as Confluent's serializers write it ([0] as the single byte 0). */
export function writeMessageIndexes(indexes: readonly number[]): Buffer {
  if (indexes.length === 1 && indexes[0] === 0) return Buffer.from([0]);
  return Buffer.from([...writeVarint(indexes.length), ...indexes.flatMap(writeVarint)]);
}

/** Magic byte 0, the schema id, (Protobuf's message indexes), the payload. */
export function frame(id: number, payload: Buffer, messageIndexes?: readonly number[]): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt32BE(id, 1);
  return Buffer.concat([head, ...(messageIndexes ? [writeMessageIndexes(messageIndexes)] : []), payload]);
}
