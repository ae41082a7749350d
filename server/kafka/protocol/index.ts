import "server-only";

/**
 * The one door to the console's own Kafka wire code: the requests kafkajs 2.2.4 lacks (or gets wrong), encoded and
 * decoded here and sent over kafkajs' connections (bridge.ts), the record-batch reader and the compression codecs.
 * Code outside server/kafka/protocol/ imports from here only, never from the files behind it.
 */
export * from "./access-apis";
export * from "./apis";
export * from "./bridge";
export * from "./config-apis";
export { ProtocolDecodeError, Reader, Writer } from "./codec";
export * from "./compression";
export * from "./errors";
export * from "./feature-apis";
export * from "./fetch";
export * from "./fetch-size";
export * from "./group-apis";
export * from "./logdirs-api";
export * from "./metadata-api";
export * from "./ops-apis";
export * from "./records";
export * from "./read";
