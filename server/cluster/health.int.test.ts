import { describe, expect, it } from "vitest";
import { checkAllClusters, checkCluster } from "@/server/cluster/health";
import { testPort } from "@/scripts/test-support/ports";

describe("cluster reachability (measured against real brokers)", () => {
  it("reports the test cluster reachable with its three brokers", async () => {
    const summary = await checkCluster("test");
    expect(summary).toMatchObject({ name: "test", reachable: true, readOnly: false, brokerCount: 3 });
    expect(summary.bootstrapServers).toEqual([19092, 19192, 19292].map((port) => `127.0.0.1:${testPort(port)}`));
    expect(summary.latencyMs).toBeGreaterThanOrEqual(0);
    expect(summary.error).toBeUndefined();
  });

  it("reports a cluster nobody listens for as unreachable, saying why", async () => {
    const summary = await checkCluster("nowhere");
    expect(summary.reachable).toBe(false);
    expect(summary.error).toBe('Cannot reach cluster "nowhere": connection refused by 127.0.0.1:1.');
  });

  it("checks every configured cluster", async () => {
    const all = await checkAllClusters();
    expect(all.map((c) => [c.name, c.reachable])).toEqual([
      ["test", true],
      ["nowhere", false],
      ["readonly", true],
      ["secure", true],
    ]);
  });

  it("refuses a cluster that is not configured", async () => {
    await expect(checkCluster("missing")).rejects.toMatchObject({ code: "cluster_not_found", status: 404 });
  });
});
