import { Kafka, logLevel } from "kafkajs";
import { parseSchema } from "../server/schemas/formats";
import { frame } from "../server/schemas/wire";

/**
 * The demo data set's schemas, loaded by `npm start` into the local schema registry: an Avro subject and a
 * Protobuf subject with a few versions each (each one BACKWARD compatible with the last, as the registry checks).
 */

const AVRO_VERSIONS = [
  {
    type: "record",
    name: "Shipment",
    namespace: "demo.shop",
    fields: [
      { name: "shipmentId", type: "string" },
      { name: "orderId", type: "string" },
      { name: "carrier", type: { type: "enum", name: "Carrier", symbols: ["DHL", "UPS", "POST"] } },
    ],
  },
  {
    type: "record",
    name: "Shipment",
    namespace: "demo.shop",
    fields: [
      { name: "shipmentId", type: "string" },
      { name: "orderId", type: "string" },
      { name: "carrier", type: { type: "enum", name: "Carrier", symbols: ["DHL", "UPS", "POST"] } },
      { name: "shippedAt", type: { type: "long", logicalType: "timestamp-millis" }, default: 0 },
      { name: "weightKg", type: ["null", "double"], default: null },
    ],
  },
];

const PROTO_VERSIONS = [
  `syntax = "proto3";
package demo.shop;

message Review {
  string review_id = 1;
  string product = 2;
  int32 stars = 3;
}
`,
  `syntax = "proto3";
package demo.shop;

import "google/protobuf/timestamp.proto";

message Review {
  string review_id = 1;
  string product = 2;
  int32 stars = 3;
  string text = 4;
  google.protobuf.Timestamp written_at = 5;
  map<string, string> tags = 6;
}
`,
];

export const DEMO_SCHEMA_TOPICS = { avro: "shipments", protobuf: "reviews" } as const;

async function register(url: string, subject: string, body: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${url}/subjects/${encodeURIComponent(subject)}/versions`, {
    method: "POST",
    headers: { "content-type": "application/vnd.schemaregistry.v1+json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`the registry refused ${subject}: ${response.status} ${text}`);
  return (JSON.parse(text) as { id: number }).id;
}

/** Registers the demo schemas (every version, in order). Returns the latest schema id of each subject. */
export async function registerDemoSchemas(url: string): Promise<{ avro: number; protobuf: number }> {
  let avro = 0;
  for (const schema of AVRO_VERSIONS) {
    avro = await register(url, `${DEMO_SCHEMA_TOPICS.avro}-value`, { schema: JSON.stringify(schema) });
  }
  let protobuf = 0;
  for (const schema of PROTO_VERSIONS) {
    protobuf = await register(url, `${DEMO_SCHEMA_TOPICS.protobuf}-value`, { schema, schemaType: "PROTOBUF" });
  }
  return { avro, protobuf };
}

/** Registers the demo schemas, and writes a few records of each latest version (in the wire format) to new topics. */
export async function seedSchemaDemo(
  brokers: string[],
  registryUrl: string,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  log("Registering the demo schemas (shipments-value: Avro, reviews-value: Protobuf)...");
  const ids = await registerDemoSchemas(registryUrl);
  const avro = parseSchema({ schema: JSON.stringify(AVRO_VERSIONS.at(-1)), references: [] });
  const proto = parseSchema({ schema: PROTO_VERSIONS.at(-1) ?? "", schemaType: "PROTOBUF", references: [] });
  const start = Date.now() - 3600_000;
  const shipments = Array.from({ length: 30 }, (_, i) => {
    const { payload } = avro.encode({
      shipmentId: `shp-${i + 1}`,
      orderId: `ord-${String(i + 1).padStart(5, "0")}`,
      carrier: ["DHL", "UPS", "POST"][i % 3],
      shippedAt: new Date(start + i * 60_000).toISOString(),
      weightKg: i % 4 === 0 ? null : 0.5 + i / 10,
    });
    return { key: `ord-${String(i + 1).padStart(5, "0")}`, value: frame(ids.avro, payload) };
  });
  const reviews = Array.from({ length: 20 }, (_, i) => {
    const { payload, indexes } = proto.encode({
      review_id: `rev-${i + 1}`,
      product: ["keyboard", "monitor", "lamp"][i % 3],
      stars: 1 + (i % 5),
      text: i % 2 === 0 ? "Works as described." : "Arrived late.",
      written_at: { seconds: Math.floor((start + i * 90_000) / 1000), nanos: 0 },
      tags: { channel: i % 2 === 0 ? "web" : "app" },
    });
    return { key: `rev-${i + 1}`, value: frame(ids.protobuf, payload, indexes) };
  });
  const kafka = new Kafka({ clientId: "demo-seed-schemas", brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await Promise.all([admin.connect(), producer.connect()]);
  try {
    const existing = new Set(await admin.listTopics());
    const topics = [DEMO_SCHEMA_TOPICS.avro, DEMO_SCHEMA_TOPICS.protobuf].filter((t) => !existing.has(t));
    if (topics.length === 0) return;
    await admin.createTopics({ waitForLeaders: true, topics: topics.map((topic) => ({ topic, numPartitions: 3 })) });
    if (topics.includes(DEMO_SCHEMA_TOPICS.avro))
      await producer.send({ topic: DEMO_SCHEMA_TOPICS.avro, acks: -1, messages: shipments });
    if (topics.includes(DEMO_SCHEMA_TOPICS.protobuf))
      await producer.send({ topic: DEMO_SCHEMA_TOPICS.protobuf, acks: -1, messages: reviews });
  } finally {
    await Promise.all([producer.disconnect(), admin.disconnect()]);
  }
}
