import "server-only";
import { type ClusterHandle } from "@/server/kafka/clients";
import { createProtocolCluster, type ProtocolBroker, type ProtocolCluster } from "@/server/kafka/protocol";
import { SocketGate } from "@/server/kafka/socket-gate";

/**
 * How long closing waits for the fetchers to notice (each checks between steps; the disconnect before it has already
 * waited for requests in flight) before it cuts what they still hold.
 */
const SETTLE_MS = 5_000;

/**
 * The broker connections of one message stream.
 *
 * A stream starts on the cluster's shared connections (server/kafka/clients.ts: one client per cluster, already
 * connected, its brokers known), so its first fetch goes out at once: no new connection, no metadata read. Those
 * fetches never wait on the broker (maxWait 0), so they hold up nothing else on the shared connections for long.
 * A stream that reads on after its first answer, or that must wait for new records (a long poll, which a broker
 * answers only when records come or its wait ends, and which would hold up every request behind it on the same
 * connection), opens connections of its own: a kafkajs Cluster with the shared client's settings and security
 * (protocol/bridge.ts), whose sockets all go through the stream's SocketGate. Closing the stream closes exactly those,
 * all of them, even one a fetcher reopened through a broker it held across the disconnect; the shared ones stay for
 * the next request.
 */
export class StreamConnections {
  private own: Promise<ProtocolCluster> | null = null;
  private ready: ProtocolCluster | null = null;
  /** After a failure the stream stays on its own connections (it looked its leaders up on them). */
  private ownOnly = false;
  private closing: Promise<void> | null = null;
  private readonly gate = new SocketGate();

  constructor(
    private readonly cluster: ClusterHandle,
    private readonly topic: string,
  ) {}

  /**
   * The broker that leads the partitions, on the connections this fetch should use: the stream's own once they are
   * open (or when the fetch is a long poll, which waits for them), else the shared ones.
   */
  async broker(nodeId: number, longPoll: boolean): Promise<ProtocolBroker> {
    const connection =
      this.ready ??
      (longPoll || this.ownOnly
        ? await this.ownCluster()
        : await this.cluster.protocol((shared) => Promise.resolve(shared)));
    return connection.findBroker({ nodeId });
  }

  /** Starts opening the stream's own connections (it reads on), without waiting for them. */
  prepare(): void {
    void this.ownCluster().catch(() => undefined);
  }

  /**
   * The partitions of the stream's topic with their leaders now, read over the stream's own connections (a stream
   * following a leader never reloads the cluster's shared snapshot).
   */
  async leaders(): Promise<{ partitionId: number; leader: number }[]> {
    const own = await this.ownCluster();
    await own.refreshMetadata();
    return own.findTopicPartitionMetadata(this.topic);
  }

  private async ownCluster(): Promise<ProtocolCluster> {
    if (this.closing) throw new Error("The stream is closing.");
    this.own ??= (async () => {
      const connection = createProtocolCluster(this.cluster.kafkaThrough(this.gate));
      try {
        await connection.connect();
        // The brokers' addresses and this topic's partitions only, however many topics the cluster has. kafkajs
        // waits here while a topic created a moment ago has no leader yet, so the first long poll finds it ready.
        await connection.addTargetTopic(this.topic);
      } catch (error) {
        this.own = null;
        await connection.disconnect().catch(() => undefined);
        throw error;
      }
      this.ready = connection;
      return connection;
    })();
    return this.own;
  }

  /** From now on the stream reads over its own connections only. */
  useOwnOnly(): void {
    this.ownOnly = true;
  }

  /**
   * Closes the connections the stream opened (safe to call more than once): a disconnect, which lets requests in
   * flight end, then, once every fetcher has noticed the stream ended (`settled`), every socket still open is cut and
   * no new one opens (kafkajs reconnects on demand, see SocketGate).
   */
  close(settled: (timeoutMs: number) => Promise<void>): Promise<void> {
    this.closing ??= (async () => {
      const connection = await this.own?.catch(() => null);
      if (connection) {
        await connection.disconnect().catch(() => undefined);
        await settled(SETTLE_MS);
      }
      this.gate.close();
    })();
    return this.closing;
  }
}
