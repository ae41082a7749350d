import "server-only";
import { singleFlight } from "@/server/cache";
import { type ClusterHandle } from "@/server/kafka/clients";
import type { QuorumResponse } from "@/lib/api/types";
import { KafkaErrorCode, DescribeQuorum, KafkaProtocolError, type QuorumReplica, send } from "@/server/kafka/protocol";

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
      return quorum.errorCode === KafkaErrorCode.NONE && quorum.leaderId >= 0 ? quorum.leaderId : null;
    } catch {
      return null;
    }
  });
}

/**
 * A voter this far behind the leader's log end (records of the metadata log), or not caught up for this long, is
 * behind.
 */
const BEHIND_RECORDS = 1_000n;
const BEHIND_MS = 30_000;

/** The KRaft metadata quorum in full (DescribeQuorum): leader, epoch, high watermark, each voter and observer. */
export async function describeQuorum(cluster: ClusterHandle, now = Date.now()): Promise<QuorumResponse> {
  const quorum = await cluster.protocol(async (c) => send(await c.findControllerBroker(), DescribeQuorum, null, 5_000));
  if (quorum.errorCode !== KafkaErrorCode.NONE) throw new KafkaProtocolError(quorum.errorCode);
  const leaderEnd = quorum.voters.find((v) => v.replicaId === quorum.leaderId)?.logEndOffset ?? quorum.highWatermark;
  const replica = (voter: boolean) => (r: QuorumReplica) => {
    const lag = leaderEnd > r.logEndOffset ? leaderEnd - r.logEndOffset : 0n;
    const stale = r.lastCaughtUpTimestamp !== null && now - r.lastCaughtUpTimestamp > BEHIND_MS;
    return {
      id: r.replicaId,
      logEndOffset: r.logEndOffset.toString(),
      lag: lag.toString(),
      lastFetchTimestamp: r.lastFetchTimestamp,
      lastCaughtUpTimestamp: r.lastCaughtUpTimestamp,
      behind: voter && r.replicaId !== quorum.leaderId && (lag > BEHIND_RECORDS || stale || r.logEndOffset < 0n),
    };
  };
  return {
    leaderId: quorum.leaderId,
    leaderEpoch: quorum.leaderEpoch,
    highWatermark: quorum.highWatermark.toString(),
    voters: quorum.voters.map(replica(true)).sort((a, b) => a.id - b.id),
    observers: quorum.observers.map(replica(false)).sort((a, b) => a.id - b.id),
  };
}
