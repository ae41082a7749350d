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

export async function seedSchemaDemo(
  _brokers: string[],
  registryUrl: string,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  log("Registering the demo schemas (shipments-value: Avro, reviews-value: Protobuf)...");
  await registerDemoSchemas(registryUrl);
}
