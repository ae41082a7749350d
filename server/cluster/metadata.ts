import "server-only";
import type { ClusterSnapshot } from "@/lib/cluster/summary";
import { invalidate, singleFlight } from "@/server/cache";
import { type ClusterHandle } from "@/server/kafka/clients";
import { toConsoleError } from "@/server/errors";
import { getControllerId } from "@/server/cluster/quorum";
import { chunksOf } from "@/server/chunks";
import { describeConfigs } from "@/server/cluster/configs";
import { CONFIG_RESOURCE_TOPIC } from "@/server/kafka/protocol";
import { readTopics } from "@/server/cluster/metadata-read";

/** How long one metadata read serves every request of a cluster. */
const METADATA_TTL_MS = 1_000;
/**
 * How long the few configs the lists need (min.insync.replicas, cleanup.policy) are reused. They
 * rarely change: the console's own changes drop them at once, a change made elsewhere shows within 30 s, and a
 * topic or broker the cache does not know yet is read at once.
 */
const CONFIGS_TTL_MS = 30_000;
/**
 * Config resources per DescribeConfigs request: at least CONFIGS_BATCH, more so that each broker gets one request,
 * up to CONFIGS_MOST (each answer is decoded in one turn of the loop: 1,000 topics take a few milliseconds).
 */
const CONFIGS_BATCH = 1_000;
const CONFIGS_MOST = 4_000;
const LIST_CONFIGS = ["min.insync.replicas", "cleanup.policy"];

/** Brokers, the active controller and every topic's partitions: the part of a snapshot that moves. */
export type ClusterMetadata = Omit<ClusterSnapshot, "minIsr" | "cleanupPolicy">;

export interface ListConfigs {
  minIsr: Map<string, number>;
  cleanupPolicy: Map<string, string>;
  topics: Set<string>;
  expires: number;
}

const g = globalThis as typeof globalThis & {
  __kafkaConsoleListConfigs?: Map<string, Promise<ListConfigs>>;
  __kafkaConsoleLastListConfigs?: Map<string, ListConfigs>;
};
const configCache = (g.__kafkaConsoleListConfigs ??= new Map<string, Promise<ListConfigs>>());
/** The list configs last read in full, kept past their expiry for getSnapshotForFirstLook. */
const lastConfigs = (g.__kafkaConsoleLastListConfigs ??= new Map<string, ListConfigs>());

/**
 * One Metadata read of a cluster: one Metadata request for all topics (the console's own, decoded in slices that
 * leave the event loop free; see metadata-read.ts) and the cached DescribeQuorum, shared by concurrent requests and
 * reused for a second.
 */
export function getMetadata(cluster: ClusterHandle): Promise<ClusterMetadata> {
  return singleFlight(`metadata:${cluster.name}`, METADATA_TTL_MS, async () => {
    const [read, controllerId] = await Promise.all([readTopics(cluster), getControllerId(cluster)]);
    return {
      clusterId: read.clusterId,
      // Not the Metadata answer's controller: a KRaft broker names a random live broker there (seen here: 1, 2, 2
      // on three calls). The quorum leader is the active controller.
      controllerId,
      brokers: read.brokers.map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port, rack: b.rack })),
      topics: read.topics,
    };
  });
}

/**
 * The list configs of every topic in `metadata`: DescribeConfigs in batches (`batch` topics each, or sized so each
 * broker gets one), spread over the live brokers (any broker answers for a topic), one batch in flight per broker.
 * At 10,000 topics on 3 brokers that is 3 requests at once instead of 10 in a row to one broker.
 */
export async function readListConfigs(
  cluster: ClusterHandle,
  metadata: Pick<ClusterMetadata, "brokers" | "topics">,
  { batch }: { batch?: number } = {},
): Promise<ListConfigs> {
  const out: ListConfigs = {
    minIsr: new Map(),
    cleanupPolicy: new Map(),
    topics: new Set(metadata.topics.map((t) => t.name)),
    expires: Date.now() + CONFIGS_TTL_MS,
  };
  const brokers = metadata.brokers.map((b) => b.nodeId);
  // Few big requests rather than many: under load each waits its turn behind the lists' other requests on the broker.
  const size =
    batch ??
    Math.min(CONFIGS_MOST, Math.max(CONFIGS_BATCH, Math.ceil(metadata.topics.length / Math.max(1, brokers.length))));
  const batches = chunksOf(
    metadata.topics.map((t) => t.name),
    size,
  );
  // One batch (or no broker known): any broker, as describeConfigs picks it, so a small cluster's read opens no
  // connection the shared client does not hold already. More: one lane per broker, one batch in flight on each.
  const lanes: (number | undefined)[] = batches.length > 1 && brokers.length > 0 ? brokers : [undefined];
  await Promise.all(
    lanes.map(async (nodeId, lane) => {
      for (let i = lane; i < batches.length; i += lanes.length) {
        const resources = (batches[i] ?? []).map((name) => ({
          type: CONFIG_RESOURCE_TOPIC,
          name,
          configNames: LIST_CONFIGS,
        }));
        // A broker leaving the cluster may still be in the metadata: its batch goes to any broker instead.
        const described = await describeConfigs(cluster, resources, nodeId).catch((error: unknown) => {
          if (nodeId === undefined) throw error;
          return describeConfigs(cluster, resources);
        });
        for (const resource of described) {
          for (const config of resource.configs) {
            if (config.name === "min.insync.replicas" && config.value)
              out.minIsr.set(resource.name, Number(config.value));
            if (config.name === "cleanup.policy" && config.value) out.cleanupPolicy.set(resource.name, config.value);
          }
        }
      }
    }),
  );
  return out;
}

/**
 * The list configs, from the cache when it knows every broker and topic of this metadata; one batched read otherwise.
 *
 */
function getListConfigs(cluster: ClusterHandle, metadata: ClusterMetadata): Promise<ListConfigs> {
  const cached = configCache.get(cluster.name);
  const load = () => {
    const promise = readListConfigs(cluster, metadata);
    configCache.set(cluster.name, promise);
    promise.then(
      (configs) => {
        if (configCache.get(cluster.name) === promise) lastConfigs.set(cluster.name, configs);
      },
      () => {
        if (configCache.get(cluster.name) === promise) configCache.delete(cluster.name);
      },
    );
    return promise;
  };
  if (!cached) return load();
  return cached.then((configs) => {
    const covers = configs.expires > Date.now() && metadata.topics.every((t) => configs.topics.has(t.name));
    return covers ? configs : load();
  });
}

/**
 * One snapshot of a cluster: brokers (with racks), the active controller, every topic's partitions, and
 * min.insync.replicas and cleanup.policy per topic. One Metadata request for any number of topics (and the cached
 * DescribeQuorum), plus, at most every 30 s, DescribeConfigs in a few batches spread over the brokers.
 */
export function getSnapshot(cluster: ClusterHandle): Promise<ClusterSnapshot> {
  return singleFlight(`snapshot:${cluster.name}`, METADATA_TTL_MS, async () => {
    let metadata = await getMetadata(cluster);
    let configs: ListConfigs;
    // While a topic is created or deleted, the broker that answered Metadata and the one asked for configs can
    // disagree for a moment about whether it exists: read both again, a few times, before calling it an error.
    for (let attempt = 1; ; attempt++) {
      try {
        configs = await getListConfigs(cluster, metadata);
        break;
      } catch (error) {
        // Whichever way it was raised (a ConsoleError, or the console's own DescribeConfigs' KafkaProtocolError).
        const unknownTopic = toConsoleError(error, cluster.name).kafkaType === "UNKNOWN_TOPIC_OR_PARTITION";
        if (attempt >= 5 || !unknownTopic) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
        invalidate(`metadata:${cluster.name}`);
        metadata = await getMetadata(cluster);
      }
    }
    return {
      ...metadata,
      minIsr: configs.minIsr,
      cleanupPolicy: configs.cleanupPolicy,
    };
  });
}

/**
 * A snapshot for a first look, while a full one is read: the current metadata with the list configs last read,
 * even expired (a topic they do not know has no min.insync.replicas or cleanup.policy yet). The full snapshot when
 * none were read yet. At 10,000 topics a fresh DescribeConfigs takes 0.2–0.3 s alone and most of a second beside
 * the list's other reads (bench:big's cluster), which the topics page's first rows need not wait for.
 */
export async function getSnapshotForFirstLook(cluster: ClusterHandle): Promise<ClusterSnapshot> {
  const last = lastConfigs.get(cluster.name);
  if (!last) return getSnapshot(cluster);
  const metadata = await getMetadata(cluster);
  return { ...metadata, minIsr: last.minIsr, cleanupPolicy: last.cleanupPolicy };
}

/**
 * Drops the cached metadata of a cluster, so the next read is fresh (before a check that must be current), and
 * with `configs` the cached list configs too (after a change).
 */
export function invalidateMetadata(cluster: ClusterHandle, { configs = false }: { configs?: boolean } = {}): void {
  invalidate(`metadata:${cluster.name}`);
  invalidate(`snapshot:${cluster.name}`);
  if (configs) {
    configCache.delete(cluster.name);
    lastConfigs.delete(cluster.name);
  }
}

/** `read()`, read again once, fresh, when it lacks one of the named topics. */
async function knowing<T extends { topics: readonly { name: string }[] }>(
  cluster: ClusterHandle,
  names: Iterable<string>,
  read: () => Promise<T>,
): Promise<T> {
  const first = await read();
  const known = new Set(first.topics.map((t) => t.name));
  for (const name of names) {
    if (!known.has(name)) {
      invalidateMetadata(cluster);
      return read();
    }
  }
  return first;
}

/**
 * Metadata that knows the named topics if the cluster does: when one is missing from the shared (up to a second
 * old) copy, it is read again once, so a topic created a moment ago is found. Topics that really do not exist
 * (deleted since a group committed on them) are simply absent.
 */
export function getMetadataWith(cluster: ClusterHandle, names: Iterable<string>): Promise<ClusterMetadata> {
  return knowing(cluster, names, () => getMetadata(cluster));
}

/** The snapshot that knows the named topics if the cluster does (see getMetadataWith). */
export function getSnapshotWith(cluster: ClusterHandle, names: Iterable<string>): Promise<ClusterSnapshot> {
  return knowing(cluster, names, () => getSnapshot(cluster));
}
