/**
 * Hardening of the read API: generated path segments (odd Unicode, path tricks, malformed percent escapes, huge
 * names) and query strings thrown at every route handler with parameters. Each answers with a JSON error in words
 * and a 4xx or 503 status, never a 500, a stack trace or an HTML page; a query it can serve, it serves.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as brokers } from "@/app/api/clusters/[cluster]/brokers/route";
import { GET as group } from "@/app/api/clusters/[cluster]/consumer-groups/[group]/route";
import { GET as groups } from "@/app/api/clusters/[cluster]/consumer-groups/route";
import { GET as overview } from "@/app/api/clusters/[cluster]/overview/route";
import { GET as messages } from "@/app/api/clusters/[cluster]/topics/[topic]/messages/route";
import { GET as topic } from "@/app/api/clusters/[cluster]/topics/[topic]/route";
import { GET as topicsList } from "@/app/api/clusters/[cluster]/topics/route";
import { GET as audit } from "@/app/api/audit/route";
import { badName, isPlainMessage } from "@/server/hardening/bad-input";
import { trackTopics } from "@/scripts/test-support/helpers";

const topics = trackTopics();
let canary = "";
beforeAll(async () => {
  canary = await topics.create("hardening-routes", 1);
});
afterAll(topics.cleanup);

/** Percent-encoded, or as it is when it cannot be (a lone surrogate): a router may hand over either. */
function encoded(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A path segment as the router hands it over: percent-encoded, or raw and possibly malformed. */
const segment = fc.oneof(
  badName.map(encoded),
  fc.constantFrom(
    "%",
    "%E0%A4%A",
    "%zz",
    "%00",
    "..%2F..%2Fetc%2Fpasswd",
    "%2e%2e",
    "%C0%AE%C0%AE",
    "a%2Fb",
    "%F0%9F%92%A5",
  ),
  fc.string({ maxLength: 12 }).map(encoded),
);

/** Query strings: the routes' own parameters with bad values, and parameters they do not know. */
const query = fc
  .dictionary(
    fc.oneof(
      fc.constantFrom(
        "limit",
        "offset",
        "sort",
        "order",
        "search",
        "internal",
        "problem",
        "from",
        "partitions",
        "timestamp",
        "follow",
        "key",
        "value",
        "jsonPath",
        "state",
        "cluster",
        "action",
        "before",
      ),
      fc.string({ maxLength: 6 }),
    ),
    fc.oneof(
      fc.constantFrom(
        "-1",
        "1e309",
        "NaN",
        "all",
        "",
        " ",
        "9223372036854775808",
        "-0",
        "true",
        "yes",
        "$.a[",
        "..",
        "%",
        "\u0000",
        "💥".repeat(3),
        "x".repeat(10_000),
      ),
      fc.string({ maxLength: 8 }),
    ),
    { maxKeys: 4 },
  )
  .map((entries) => new URLSearchParams(entries).toString());

async function expectWords(response: Response, what: string): Promise<void> {
  expect(response.status, what).not.toBe(500);
  if (response.status === 200) {
    await response.body?.cancel();
    return;
  }
  expect([400, 401, 403, 404, 409, 503], what).toContain(response.status);
  expect(response.headers.get("content-type"), what).toContain("application/json");
  const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code, what).toBe("string");
  expect(isPlainMessage(body.error?.message), `${what}: ${String(body.error?.message)}`).toBe(true);
}

const url = (path: string, q = "") => new Request(`http://127.0.0.1/api${path}${q ? `?${q}` : ""}`);

describe("every route handler answers generated bad input with a JSON error in words", () => {
  it("cluster-wide routes, with any cluster name and query", async () => {
    await fc.assert(
      fc.asyncProperty(segment, query, async (cluster, q) => {
        const params = Promise.resolve({ cluster });
        for (const [name, handler] of [
          ["topics", topicsList],
          ["groups", groups],
          ["brokers", brokers],
          ["overview", overview],
        ] as const) {
          await expectWords(
            await handler(url(`/clusters/${cluster}/${name}`, q), { params }),
            `${name} ${cluster} ?${q}`,
          );
        }
      }),
      { numRuns: 40 },
    );
  });

  it("a topic, a group and a message stream, with any name and query", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(segment, fc.constant("test")), segment, query, async (cluster, name, q) => {
        await expectWords(
          await topic(url(`/clusters/${cluster}/topics/${name}`), {
            params: Promise.resolve({ cluster, topic: name }),
          }),
          `topic ${cluster}/${name}`,
        );
        await expectWords(
          await group(url(`/clusters/${cluster}/consumer-groups/${name}`), {
            params: Promise.resolve({ cluster, group: name }),
          }),
          `group ${cluster}/${name}`,
        );
        await expectWords(
          await messages(url(`/clusters/${cluster}/topics/${name}/messages`, q), {
            params: Promise.resolve({ cluster, topic: name }),
          }),
          `messages ${cluster}/${name} ?${q}`,
        );
      }),
      { numRuns: 40 },
    );
  });

  it("the message stream of a real topic, with any query: served or refused in words", async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const controller = new AbortController();
        const request = new Request(`http://127.0.0.1/api/clusters/test/topics/${canary}/messages?${q}`, {
          signal: controller.signal,
        });
        const response = await messages(request, { params: Promise.resolve({ cluster: "test", topic: canary }) });
        controller.abort();
        await expectWords(response, `messages ?${q}`);
      }),
      { numRuns: 40 },
    );
  });

  it("the audit log, with any query", async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        await expectWords(await audit(url("/audit", q)), `audit ?${q}`);
      }),
      { numRuns: 40 },
    );
  });
});
