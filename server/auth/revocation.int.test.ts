import { afterAll, describe, expect, it } from "vitest";
import { ConfigResourceTypes } from "kafkajs";
import { resolveCluster } from "@/server/kafka/clients";
import { newSessionId } from "@/server/auth/session";
import { REFRESH_MS, SessionRevocations } from "@/server/auth/revocation";
import { RevocationTopic, revocationTopicName } from "@/server/auth/revocation-topic";
import { uniqueName, withFixtureAdmin } from "@/scripts/test-support/helpers";

/**
 * Two console instances, each with its own reader and Kafka clients for the shared record of sign-outs (as two
 * processes would have): a sign-out on one is refused by the other within the refresh interval, and by an instance
 * that starts later.
 */
const topic = revocationTopicName(uniqueName("audit-revocation"));
afterAll(async () => {
  await withFixtureAdmin(async (admin) => {
    if ((await admin.listTopics()).includes(topic)) await admin.deleteTopics({ topics: [topic] });
  });
});

/** An instance on the "test" cluster's clients, or (`other`) on "readonly"'s: the same brokers, separate clients. */
const instance = (cluster = "test") => new SessionRevocations(new RevocationTopic(resolveCluster(cluster), topic, 8));
function session() {
  const now = Date.now();
  return { sid: newSessionId(), iat: now, exp: now + 3_600_000 };
}

describe("sign-out across instances (the record beside the audit topic)", () => {
  it("a session signed out on one instance is refused by the other within the refresh interval", async () => {
    const a = instance();
    const b = instance("readonly");
    const signedOut = session();
    const other = session();
    // Both have read the (empty) record, as running instances have.
    expect(await a.isEnded(signedOut)).toBe(false);
    expect(await b.isEnded(signedOut)).toBe(false);

    await a.end(signedOut);
    const at = Date.now();
    expect(await a.isEnded(signedOut)).toBe(true);
    let seen = await b.isEnded(signedOut);
    while (!seen && Date.now() - at < 10_000) {
      await new Promise((r) => setTimeout(r, 100));
      seen = await b.isEnded(signedOut);
    }
    expect(seen).toBe(true);
    // Seen within the documented bound (REFRESH_MS plus one fetch), with room for a loaded machine.
    expect(Date.now() - at).toBeLessThan(REFRESH_MS + 3_000);
    expect(await b.isEnded(other)).toBe(false);
    expect(await a.isEnded(other)).toBe(false);

    // An instance started later reads the record from its start.
    expect(await instance().isEnded(signedOut)).toBe(true);
  });

  it("keeps its records for the session lifetime plus an hour, in one partition", async () => {
    const configs = await withFixtureAdmin((admin) =>
      admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ["cleanup.policy", "retention.ms"] }],
      }),
    );
    const entries = Object.fromEntries(
      (configs.resources[0]?.configEntries ?? []).map((e) => [e.configName, e.configValue]),
    );
    expect(entries).toEqual({ "cleanup.policy": "delete", "retention.ms": String(9 * 3_600_000) });
  });
});
