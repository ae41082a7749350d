import { describe, expect, it } from "vitest";
import { csvCell, downloadName, toCsv, toNdjson } from "./export";
import type { StreamMessage } from "./types";

const text = (data: string) => ({ encoding: "utf8" as const, data, bytes: data.length });

const messages: StreamMessage[] = [
  {
    partition: 0,
    offset: "5",
    timestamp: Date.UTC(2026, 10, 21, 9, 30),
    timestampType: "create",
    key: text("k,1"),
    value: text('say "hi"\nbye'),
    headers: [{ key: "h", value: text("v") }],
    size: 20,
  },
  {
    partition: 1,
    offset: "9007199254740993",
    timestamp: 0,
    timestampType: "log-append",
    key: null,
    value: { encoding: "base64", data: "//4=", bytes: 2 },
    headers: [],
    size: 2,
  },
  {
    partition: 2,
    offset: "0",
    timestamp: 0,
    timestampType: "create",
    key: text(""),
    value: null,
    headers: [],
    size: 0,
  },
];

describe("toNdjson", () => {
  it("writes one exact message per line", () => {
    const lines = toNdjson(messages).split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
    expect(JSON.parse(lines[1] ?? "")).toEqual(messages[1]);
  });
});

describe("toCsv", () => {
  it("quotes by RFC 4180, marks encodings, ends lines with CRLF", () => {
    const csv = toCsv(messages);
    const rows = csv.split("\r\n");
    expect(rows[0]).toBe("partition,offset,timestamp,timestampType,keyEncoding,key,valueEncoding,value,headers");
    expect(rows[1]).toBe(
      '0,5,2026-11-21T09:30:00.000Z,create,utf8,"k,1",utf8,"say ' +
        '""hi""\nbye","[{""key"":""h"",""value"":{""encoding"":""utf8"",""data"":""v"",""bytes"":1}}]"',
    );
    // A binary value is base64, marked; no key leaves the key's encoding empty.
    expect(rows[2]).toBe("1,9007199254740993,1970-01-01T00:00:00.000Z,log-append,,,base64,//4=,");
    // An empty key is told apart from none; a tombstone has no value encoding.
    expect(rows[3]).toBe("2,0,1970-01-01T00:00:00.000Z,create,utf8,,,,");
    expect(csv.endsWith("\r\n")).toBe(true);
  });
  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@a")).toBe("'@a");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("-1", false)).toBe("-1");
    expect(csvCell("a=b")).toBe("a=b");
  });
});

describe("downloadName", () => {
  it("names the file after the topic and the time", () => {
    expect(downloadName("orders.v1", "csv", new Date(Date.UTC(2026, 10, 21, 9, 30, 5)))).toBe(
      "orders.v1-messages-20261121-093005.csv",
    );
    expect(downloadName("a/b", "ndjson", new Date(0))).toBe("a_b-messages-19700101-000000.ndjson");
  });
});
