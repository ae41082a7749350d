import { describe, expect, it } from "vitest";
import { frame, readMessageIndexes, readPrefix, writeMessageIndexes } from "./wire";

describe("the Confluent wire format", () => {
  it("reads the prefix Python's AvroSerializer and ProtobufSerializer wrote", () => {
    // AvroSerializer, schema id 5, record {a: 3}: 00 00000005 06
    expect(readPrefix(Buffer.from("000000000506", "hex"))).toEqual({ ref: { kind: "id", id: 5 }, offset: 5 });
    // ProtobufSerializer, schema id 7, the file's second message (indexes [1]), Other{x: "hi"}
    const proto = Buffer.from("000000000702020a026869", "hex");
    const framed = readPrefix(proto);
    expect(framed).toEqual({ ref: { kind: "id", id: 7 }, offset: 5 });
    expect(readMessageIndexes(proto, 5)).toEqual({ indexes: [1], next: 7 });
  });

  it("reads magic byte 1 with a 16-byte GUID, and refuses what is too short or starts otherwise", () => {
    const guid = Buffer.from("0112345678123412341234123456789abc", "hex");
    expect(readPrefix(Buffer.concat([guid, Buffer.from("ff", "hex")]))?.ref).toEqual({
      kind: "guid",
      guid: "12345678-1234-1234-1234-123456789abc",
    });
    expect(readPrefix(Buffer.from("00000001", "hex"))).toBeUndefined();
    expect(readPrefix(Buffer.from('{"a":1}'))).toBeUndefined();
  });

  it("writes and reads message indexes as zig-zag varints, [0] as a single 0", () => {
    expect(writeMessageIndexes([0])).toEqual(Buffer.from([0]));
    expect(writeMessageIndexes([1])).toEqual(Buffer.from([2, 2]));
    for (const indexes of [[0], [3], [1, 0, 200], [70, 1]]) {
      expect(readMessageIndexes(writeMessageIndexes(indexes), 0).indexes).toEqual(indexes);
    }
    expect(() => readMessageIndexes(Buffer.from([4, 2]), 0)).toThrow(/end early/);
    expect(frame(7, Buffer.from("0a026869", "hex"), [1])).toEqual(Buffer.from("000000000702020a026869", "hex"));
  });
});
