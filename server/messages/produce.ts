import "server-only";
import { CompressionTypes, type IHeaders, type Message, Partitioners, type PartitionMetadata } from "kafkajs";
import type { z } from "zod";
import type { Compression, ProduceResult, produceSchema } from "@/lib/messages/produce";
import { type ClusterHandle } from "@/server/kafka/clients";
import { PRODUCER_COMPRESSIONS, registerCompressionCodecs } from "@/server/kafka/codecs";
import { encodeWithSchema } from "@/server/schemas/encode";
import { FieldError, ConsoleError } from "@/server/errors";
import { getMetadataWith } from "@/server/cluster/metadata";
import { readTopicConfigs } from "@/server/topics/reads";

/**
 * The produce form's write: `copies` records with the same key, value and headers, sent with acks from all in-sync
 * replicas. The console picks each record's partition itself (Kafka's default partitioner: the key's murmur2 hash,
 * or spread when there is no key), so that it can tell where every record landed: the records of one partition go
 * in one batch, which Kafka writes at consecutive offsets from the batch's base offset.
 */

type ValidProduce = z.output<typeof produceSchema>;

const CODECS: Record<Compression, CompressionTypes> = {
  none: CompressionTypes.None,
  gzip: CompressionTypes.GZIP,
  snappy: CompressionTypes.Snappy,
  lz4: CompressionTypes.LZ4,
  zstd: CompressionTypes.ZSTD,
};

/** What a record costs in a batch beyond its key, value and headers (varints, attributes, deltas), generously. */
const RECORD_OVERHEAD = 64;
/** What a batch costs beyond its records (its 61-byte header, rounded up). */
const BATCH_OVERHEAD = 128;
const DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;

function recordBytes(input: ValidProduce): number {
  const bytes = (text: string | null) => (text === null ? 0 : Buffer.byteLength(text, "utf8"));
  return (
    RECORD_OVERHEAD +
    bytes(input.key) +
    bytes(input.value) +
    input.headers.reduce((n, h) => n + bytes(h.key) + bytes(h.value) + 8, 0)
  );
}

/** The largest batch the topic takes (max.message.bytes, which the topic inherits from the broker unless set). */
async function maxBatchBytes(cluster: ClusterHandle, topic: string): Promise<number> {
  const entry = (await readTopicConfigs(cluster, topic)).find((e) => e.name === "max.message.bytes");
  const value = Number(entry?.value);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_MAX_MESSAGE_BYTES;
}

export async function produceRecords(cluster: ClusterHandle, input: ValidProduce): Promise<ProduceResult> {
  if (!PRODUCER_COMPRESSIONS.includes(input.compression)) {
    throw new FieldError(
      "compression",
      `The console cannot write ${input.compression} batches; choose ${PRODUCER_COMPRESSIONS.join(", ")}.`,
    );
  }
  registerCompressionCodecs();
  const metadata = await getMetadataWith(cluster, [input.topic]);
  const topic = metadata.topics.find((t) => t.name === input.topic);
  if (!topic) throw new FieldError("topic", `Topic "${input.topic}" does not exist in cluster "${cluster.name}".`);
  const count = topic.partitions.length;
  if (input.partition !== null && !topic.partitions.some((p) => p.partitionId === input.partition)) {
    throw new FieldError(
      "partition",
      `Topic "${input.topic}" has ` +
        (`${count === 1 ? "1 partition (0)" : `${count} partitions (0–${count - 1})`}: there is no partition ` +
          `${input.partition}.`),
    );
  }

  const limit = await maxBatchBytes(cluster, input.topic);
  const size = recordBytes(input);
  if (size + BATCH_OVERHEAD > limit) {
    throw new FieldError(
      "value",
      `The record is about ${size.toLocaleString("en-US")} bytes; topic "${input.topic}" takes at most ` +
        `${limit.toLocaleString("en-US")} bytes per batch (max.message.bytes).`,
    );
  }

  // kafkajs takes headers as an object; a name given twice is written as repeated headers (a list value).
  const headers: IHeaders = Object.create(null) as IHeaders;
  for (const h of input.headers) {
    const previous = headers[h.key];
    headers[h.key] =
      previous === undefined ? h.value : Array.isArray(previous) ? [...previous, h.value] : [String(previous), h.value];
  }
  // With a schema, the JSON typed is checked and encoded in the wire format (the first problem at its field).
  const [key, value] = await Promise.all([
    input.keySchema && input.key !== null
      ? encodeWithSchema(cluster, input.keySchema, input.key, "key").then((e) => e.bytes)
      : input.key,
    input.valueSchema && input.value !== null
      ? encodeWithSchema(cluster, input.valueSchema, input.value, "value").then((e) => e.bytes)
      : input.value,
  ]);
  const message = (partition: number): Message => ({ partition, key, value, headers });

  // Where each copy goes: the chosen partition, or Kafka's default partitioner over the partitions that have a leader.
  const partitionMetadata: PartitionMetadata[] = topic.partitions.map((p) => ({
    partitionErrorCode: 0,
    partitionId: p.partitionId,
    leader: p.leader,
    replicas: p.replicas,
    isr: p.isr,
    offlineReplicas: p.offlineReplicas ?? [],
  }));
  const partitioner = Partitioners.DefaultPartitioner();
  const targets: number[] = [];
  for (let i = 0; i < input.copies; i++) {
    targets.push(input.partition ?? partitioner({ topic: input.topic, partitionMetadata, message: { key, value } }));
  }

  // One send per slice that fits the topic's batch limit; each send writes one batch per partition.
  const perSend = Math.max(1, Math.floor((limit - BATCH_OVERHEAD) / size));
  const records: ProduceResult["records"] = [];
  for (let start = 0; start < targets.length; start += perSend) {
    const slice = targets.slice(start, start + perSend);
    const sent = await cluster.produce(input.topic, (producer) =>
      producer.send({
        topic: input.topic,
        acks: -1,
        compression: CODECS[input.compression],
        messages: slice.map((p) => message(p)),
      }),
    );
    const next = new Map<number, bigint>();
    for (const meta of sent) {
      if (meta.baseOffset !== undefined) next.set(meta.partition, BigInt(meta.baseOffset));
    }
    for (const partition of slice) {
      const offset = next.get(partition);
      if (offset === undefined)
        throw new ConsoleError(
          "kafka_error",
          `Kafka did not say where the records of partition ${partition} were written.`,
          502,
        );
      records.push({ partition, offset: offset.toString() });
      next.set(partition, offset + 1n);
    }
  }
  return { topic: input.topic, records };
}
