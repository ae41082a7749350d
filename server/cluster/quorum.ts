import "server-only";
import { singleFlight } from "@/server/cache";
import { type ClusterHandle } from "@/server/kafka/clients";
import { DescribeQuorum, send } from "@/server/kafka/protocol";

/**
 * The active controller: the leader of the KRaft metadata quorum, read with DescribeQuorum (any broker forwards
 * it to the controllers). null when the cluster does not answer it (ZooKeeper-era clusters, missing permission).
 */
export function getControllerId(cluster: ClusterHandle): Promise<number | null> {
  return singleFlight(`quorum:${cluster.name}`, 5_000, async () => {
    try {
      const quorum = await cluster.protocol(async (c) =>
        send(await c.findControllerBroker(), DescribeQuorum, null, 5_000),
      );
      return quorum.errorCode === 0 && quorum.leaderId >= 0 ? quorum.leaderId : null;
    } catch {
      return null;
    }
  });
}
