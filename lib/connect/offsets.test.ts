import { describe, expect, it } from "vitest";
import { alterConnectorOffsetsSchema, canonicalJson, offsetRows } from "@/lib/connect/offsets";

const ref = { connect: "local", name: "src" };

function issues(offsets: { partition: string; offset: string }[]) {
  const parsed = alterConnectorOffsetsSchema.safeParse({ ...ref, offsets });
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("alterConnectorOffsetsSchema", () => {
  it("parses a source's and a sink's rows as Connect takes them; an empty offset forgets the partition", () => {
    const parsed = alterConnectorOffsetsSchema.parse({
      ...ref,
      offsets: [
        { partition: '{"filename": "/data/in.txt"}', offset: '{"position": 42}' },
        { partition: '{"kafka_topic": "orders", "kafka_partition": 2}', offset: " " },
      ],
    });
    expect(parsed.offsets).toEqual([
      { partition: { filename: "/data/in.txt" }, offset: { position: 42 } },
      { partition: { kafka_topic: "orders", kafka_partition: 2 }, offset: null },
    ]);
  });

  it("says which row and field is wrong, in words", () => {
    expect(issues([])).toEqual({ offsets: "Give at least one partition and its offset." });
    expect(issues([{ partition: "", offset: "" }])).toEqual({
      "offsets.0.partition": "Give the partition as a JSON object.",
    });
    expect(issues([{ partition: "{nope", offset: "[1]" }])).toEqual({
      "offsets.0.partition": "The partition is not valid JSON.",
      "offsets.0.offset": "The offset must be a JSON object with at least one key.",
    });
    expect(
      issues([{ partition: '{"kafka_topic": "t", "kafka_partition": -1}', offset: '{"kafka_offset": "ten"}' }]),
    ).toEqual({
      "offsets.0.partition": 'A sink\'s partition is {"kafka_topic": "<topic>", "kafka_partition": <number>}.',
      "offsets.0.offset": 'A sink\'s offset is {"kafka_offset": <number>}, or empty to forget it.',
    });
    expect(
      issues([
        { partition: '{"a": 1, "b": 2}', offset: '{"position": 1}' },
        { partition: '{"b": 2, "a": 1}', offset: '{"position": 2}' },
      ]),
    ).toEqual({ "offsets.1.partition": "This partition is listed twice." });
  });

  it("writes the current offsets as rows, and a sink's shape as the hint when there are none", () => {
    expect(offsetRows("source", [{ partition: { filename: "f" }, offset: null }])).toEqual([
      { partition: '{"filename":"f"}', offset: "" },
    ]);
    expect(offsetRows("sink", [])).toEqual([
      { partition: '{"kafka_topic": "", "kafka_partition": 0}', offset: '{"kafka_offset": 0}' },
    ]);
    expect(canonicalJson({ b: { d: 1, c: 2 }, a: [2, 1] })).toBe('{"a":[2,1],"b":{"c":2,"d":1}}');
  });
});
