import { describe, expect, it } from "vitest";
import { type ApiSpec, type ProtocolBroker, send } from "@/server/kafka/protocol/bridge";

/** A broker whose connection answers every request with `payload`, decoded the way kafkajs does (awaited). */
function brokerAnswering(payload: Buffer): ProtocolBroker {
  return {
    versions: { 999: { minVersion: 0, maxVersion: 0 } },
    connectionPool: {
      async send(request) {
        await request.request.encode();
        return request.response.parse(await request.response.decode(payload));
      },
    },
  };
}

const toy = (ownTurnFromBytes?: number, onEncode?: () => void, encodeInOwnTurn = false): ApiSpec<null, number> => ({
  apiKey: 999,
  name: "Toy",
  versions: [0],
  flexibleFrom: 99,
  ...(ownTurnFromBytes === undefined ? {} : { ownTurnFromBytes }),
  encodeInOwnTurn,
  encode: () => onEncode?.(),
  decode: (r) => r.remaining(),
});

async function order(spec: ApiSpec<null, number>, payload: Buffer): Promise<string[]> {
  const seen: string[] = [];
  setImmediate(() => seen.push("turn"));
  seen.push(`decoded ${await send(brokerAnswering(payload), spec, null)}`);
  await new Promise((resolve) => setImmediate(resolve));
  return seen;
}

describe("send", () => {
  it("decodes an answer at once unless its API asks for a turn of its own (Fetch must not wait)", async () => {
    expect(await order(toy(), Buffer.alloc(1_000_000))).toEqual(["decoded 1000000", "turn"]);
  });

  it("decodes a large answer of an API that asks for it in a turn of its own, a small one at once", async () => {
    expect(await order(toy(1_000), Buffer.alloc(1_000))).toEqual(["turn", "decoded 1000"]);
    expect(await order(toy(1_000), Buffer.alloc(999))).toEqual(["decoded 999", "turn"]);
  });

  it("encodes a request at once, or in a turn of its own when its API asks for it", async () => {
    for (const ownTurn of [false, true]) {
      const seen: string[] = [];
      setImmediate(() => seen.push("turn"));
      await send(
        brokerAnswering(Buffer.alloc(1)),
        toy(undefined, () => seen.push("encoded"), ownTurn),
        null,
      );
      await new Promise((resolve) => setImmediate(resolve));
      expect(seen).toEqual(ownTurn ? ["turn", "encoded"] : ["encoded", "turn"]);
    }
  });
});
