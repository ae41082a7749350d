import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as messages } from "@/app/api/clusters/[cluster]/topics/[topic]/messages/route";
import { acquireStream, openStreams } from "@/server/auth/stream-limit";
import { getConfig } from "@/server/config/load";
import { trackTopics } from "@/scripts/test-support/helpers";

const topics = trackTopics();
let topic = "";
beforeAll(async () => {
  topic = await topics.create("stream-limit", 1);
});
afterAll(topics.cleanup);

function open(address: string): Promise<Response> {
  const request = new Request(`http://127.0.0.1/api/clusters/test/topics/${topic}/messages?from=live`, {
    // The peer address, as the server's entry point records it (X-Forwarded-For is not believed without proxies).
    headers: { "x-console-peer": address },
  });
  return messages(request, { params: Promise.resolve({ cluster: "test", topic }) });
}

describe("message streams per user", () => {
  it("counts each slot once, however often it is given back", () => {
    const a = acquireStream("unit", 2);
    const b = acquireStream("unit", 2);
    expect(acquireStream("unit", 2)).toBeNull();
    a?.();
    a?.();
    expect(openStreams("unit")).toBe(1);
    b?.();
    expect(openStreams("unit")).toBe(0);
  });

  it("refuses one stream more than the limit in words, and takes one again when a stream closes", async () => {
    const limit = getConfig().messages.maxStreamsPerUser;
    const address = "203.0.113.7";
    const streams: Response[] = [];
    try {
      for (let i = 0; i < limit; i++) {
        const response = await open(address);
        expect(response.status).toBe(200);
        streams.push(response);
      }
      expect(openStreams(`address:${address}`)).toBe(limit);
      const refused = await open(address);
      expect(refused.status).toBe(429);
      expect(await refused.json()).toEqual({
        error: {
          code: "too_many_requests",
          message:
            `You already have ${limit} message streams open (in other tabs or windows?). Stop one, ` +
            `then try again.`,
        },
      });
      // Another address (another user, with login off) is not affected.
      const other = await open("198.51.100.9");
      expect(other.status).toBe(200);
      await other.body?.cancel();

      await streams.pop()?.body?.cancel();
      expect(openStreams(`address:${address}`)).toBe(limit - 1);
      const again = await open(address);
      expect(again.status).toBe(200);
      streams.push(again);
    } finally {
      for (const response of streams) await response.body?.cancel();
    }
    expect(openStreams(`address:${address}`)).toBe(0);
  });
});
