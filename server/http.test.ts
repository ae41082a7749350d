import { describe, expect, it } from "vitest";
import { respond, stringifyInSlices } from "@/server/http";

describe("stringifyInSlices", () => {
  it("writes what JSON.stringify writes, long arrays included", async () => {
    const topics = Array.from({ length: 1_234 }, (_, i) => ({
      name: `topic-${i}`,
      sizeBytes: i % 7 === 0 ? null : i * 1024,
      trend: [null, i / 3],
      left: undefined,
      at: new Date(1_767_225_600_000 + i),
    }));
    const bodies: unknown[] = [
      { topics, total: 1_234, sizesComplete: false, skipped: undefined, note: 'quote " and \u2028' },
      { items: [1, undefined, () => 1, "x"], empty: [] },
      { skipped: undefined, topics, after: [] },
      { items: Array.from({ length: 700 }, (_, i) => (i % 2 === 0 ? undefined : i)) },
      [1, 2, 3],
      "text",
      null,
      {},
    ];
    for (const body of bodies) expect(await stringifyInSlices(body)).toBe(JSON.stringify(body));
  });

  it("lets the event loop run while it writes a long array", async () => {
    const items = Array.from({ length: 50_000 }, (_, i) => ({
      name: `t-${i}`,
      values: Array.from({ length: 50 }, () => i),
    }));
    let turns = 0;
    let writing = true;
    const tick = () => {
      turns += 1;
      if (writing) setImmediate(tick);
    };
    setImmediate(tick);
    const text = await stringifyInSlices({ items });
    writing = false;
    expect(JSON.parse(text)).toEqual({ items });
    expect(turns).toBeGreaterThan(1);
  });
});

describe("respond", () => {
  it("answers the work's body as JSON, not stored", async () => {
    const response = await respond(() => Promise.resolve({ topics: Array.from({ length: 600 }, (_, i) => i) }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ topics: Array.from({ length: 600 }, (_, i) => i) });
  });

  it("streams a big answer in pieces whose bytes are JSON.stringify's", async () => {
    const body = {
      topics: Array.from({ length: 20_000 }, (_, i) => ({ name: `topic-\u00e9-${i}`, size: i })),
      total: 1,
    };
    const response = await respond(() => Promise.resolve(body));
    const reader = response.body?.getReader();
    if (!reader) throw new Error("no body");
    const chunks: Uint8Array[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
    expect(chunks.length).toBeGreaterThan(5);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(JSON.stringify(body));
  });
});
