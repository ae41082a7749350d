import "server-only";
import type { ApiErrorCode } from "@/lib/api/types";
import type { ClusterConfig } from "@/server/config/parse";
import { findCluster } from "@/server/config/load";
import { asErrorLike, type ErrorLike, errorChain } from "@/server/kafka/error-chain";
import { securityFailureMessage } from "@/server/kafka/security-errors";

/**
 * A name quoted in a message, when it is very long (a hand-made request can send a 5,000-character "topic"), keeps
 * its start and end around an ellipsis, so the message stays a sentence a person can read.
 */
export function shortenQuoted(message: string): string {
  return message.replace(
    /"([^"]{121,})"/g,
    (_all, name: string) =>
      `"${name.slice(0, 80)}…${name.slice(-20)}" (${name.length.toLocaleString("en-US")} characters)`,
  );
}

/** A failure with a message fit for a person, and the HTTP status and code it maps to. */
export class ConsoleError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status: number,
    /**
     * Kafka's error type when Kafka refused the request ("UNKNOWN_TOPIC_OR_PARTITION", ...), for callers that react to
     * one.
     */
    readonly kafkaType?: string,
  ) {
    super(shortenQuoted(message));
    this.name = "ConsoleError";
  }
}

/** A refusal that belongs to one form field (the action runner turns it into fieldErrors). */
export class FieldError extends ConsoleError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super("bad_request", message, 400);
    this.name = "FieldError";
  }
}

/** The innermost error of kafkajs' wrappers (NumberOfRetriesExceeded -> original error). */
function innermost(error: unknown): ErrorLike | undefined {
  return errorChain(error).at(-1);
}

const CONNECTION_ERRORS = new Set([
  "KafkaJSConnectionError",
  "KafkaJSConnectionClosedError",
  "KafkaJSRequestTimeoutError",
  "KafkaJSBrokerNotFound",
  "KafkaJSTimeout",
  "KafkaJSMetadataNotLoaded",
]);

/** True when the error means "could not talk to the cluster", as opposed to Kafka refusing the request. */
export function isConnectionError(error: unknown): boolean {
  if (error instanceof ConsoleError) return error.code === "cluster_unreachable";
  const inner = innermost(error);
  const outer = asErrorLike(error);
  return CONNECTION_ERRORS.has(String(inner?.name)) || CONNECTION_ERRORS.has(String(outer?.name));
}

/** Kafka error codes (from Kafka's Errors table) of the responses the console decodes itself. */
const ERROR_TYPES: Record<number, string> = {
  1: "OFFSET_OUT_OF_RANGE",
  3: "UNKNOWN_TOPIC_OR_PARTITION",
  6: "NOT_LEADER_OR_FOLLOWER",
  7: "REQUEST_TIMED_OUT",
  12: "OFFSET_METADATA_TOO_LARGE",
  14: "COORDINATOR_LOAD_IN_PROGRESS",
  15: "COORDINATOR_NOT_AVAILABLE",
  16: "NOT_COORDINATOR",
  17: "INVALID_TOPIC_EXCEPTION",
  22: "ILLEGAL_GENERATION",
  25: "UNKNOWN_MEMBER_ID",
  27: "REBALANCE_IN_PROGRESS",
  29: "TOPIC_AUTHORIZATION_FAILED",
  30: "GROUP_AUTHORIZATION_FAILED",
  31: "CLUSTER_AUTHORIZATION_FAILED",
  35: "UNSUPPORTED_VERSION",
  36: "TOPIC_ALREADY_EXISTS",
  37: "INVALID_PARTITIONS",
  38: "INVALID_REPLICATION_FACTOR",
  40: "INVALID_CONFIG",
  41: "NOT_CONTROLLER",
  42: "INVALID_REQUEST",
  44: "POLICY_VIOLATION",
  57: "KAFKA_STORAGE_ERROR",
  68: "NON_EMPTY_GROUP",
  69: "GROUP_ID_NOT_FOUND",
  74: "FENCED_LEADER_EPOCH",
  86: "GROUP_SUBSCRIBED_TO_TOPIC",
  75: "UNKNOWN_LEADER_EPOCH",
};

/** An error code in a response the console decoded itself, shaped like kafkajs' protocol errors. */
export class KafkaProtocolError extends Error {
  readonly type: string;
  constructor(
    readonly code: number,
    serverMessage?: string | null,
  ) {
    const type = ERROR_TYPES[code] ?? `KAFKA_ERROR_${code}`;
    super(
      serverMessage
        ? `${PROTOCOL_MESSAGES[type] ?? type} ${serverMessage}`
        : (PROTOCOL_MESSAGES[type] ?? `Kafka answered with error code ${code}.`),
    );
    this.name = "KafkaProtocolError";
    this.type = type;
  }
}

/** kafkajs' protocol error types in words a person can act on. */
const PROTOCOL_MESSAGES: Record<string, string> = {
  TOPIC_ALREADY_EXISTS: "A topic with this name already exists.",
  UNKNOWN_TOPIC_OR_PARTITION: "No such topic or partition.",
  INVALID_REPLICATION_FACTOR: "The replication factor is larger than the number of live brokers, or not valid.",
  INVALID_PARTITIONS: "The number of partitions is not valid.",
  INVALID_CONFIG: "A config value is not valid.",
  POLICY_VIOLATION: "The cluster's create-topic policy refused the request.",
  TOPIC_AUTHORIZATION_FAILED: "Not authorized to access this topic.",
  GROUP_AUTHORIZATION_FAILED: "Not authorized to access this consumer group.",
  CLUSTER_AUTHORIZATION_FAILED: "Not authorized for this cluster operation.",
  SASL_AUTHENTICATION_FAILED: "Authentication failed: check the SASL username and password.",
  NON_EMPTY_GROUP: "The consumer group still has active members.",
  GROUP_ID_NOT_FOUND: "No such consumer group.",
  NOT_CONTROLLER: "The controller moved while the request was in flight; try again.",
  REQUEST_TIMED_OUT: "The cluster did not finish the request in time.",
  MESSAGE_TOO_LARGE: "The record is larger than the topic allows (max.message.bytes).",
  RECORD_LIST_TOO_LARGE: "The batch is larger than the topic allows.",
  NOT_ENOUGH_REPLICAS: "Not enough in-sync replicas to accept the write (min.insync.replicas).",
  INVALID_TOPIC_EXCEPTION: "The topic name is not valid.",
  NOT_LEADER_OR_FOLLOWER: "Leadership moved while the request was in flight; try again.",
  COORDINATOR_NOT_AVAILABLE: "The group coordinator is not available yet; try again.",
  COORDINATOR_LOAD_IN_PROGRESS: "The group coordinator is still loading; try again.",
  NOT_COORDINATOR: "The group coordinator moved while the request was in flight; try again.",
  INVALID_REQUEST: "Kafka refused the request as not valid.",
  KAFKA_STORAGE_ERROR: "A broker's log directory is offline.",
  OFFSET_OUT_OF_RANGE: "The offset is outside the partition's log.",
  ILLEGAL_GENERATION:
    "The group has active members: Kafka accepts offsets from outside a group only while it is empty.",
  UNKNOWN_MEMBER_ID: "The group has active members: Kafka accepts offsets from outside a group only while it is empty.",
  REBALANCE_IN_PROGRESS: "The group is rebalancing: its members are active, so Kafka refuses offsets from outside it.",
  GROUP_SUBSCRIBED_TO_TOPIC: "The group's members are subscribed to this topic, so its offsets cannot be removed.",
  OFFSET_METADATA_TOO_LARGE: "The commit metadata is larger than the cluster allows (offset.metadata.max.bytes).",
};

function connectionReason(error: unknown): string {
  const inner = innermost(error);
  const message = typeof inner?.message === "string" ? inner.message : "";
  const refused = /ECONNREFUSED\s+(\S+)/.exec(message);
  if (refused?.[1]) return `connection refused by ${refused[1]}`;
  const notFound = /ENOTFOUND\s+(\S+)/.exec(message);
  if (notFound?.[1]) return `host ${notFound[1]} not found`;
  if (/timed? ?out|timeout/i.test(message)) return "no answer in time";
  return message.split("\n")[0]?.slice(0, 200) || "no broker answered";
}

/** The settings of a configured cluster, to say which one to check; undefined when unknown or unreadable. */
function settingsOf(name: string | undefined): ClusterConfig | undefined {
  if (!name) return undefined;
  try {
    return findCluster(name);
  } catch {
    return undefined;
  }
}

/** Maps anything thrown by a Kafka call to a ConsoleError with a message in words (never a stack trace or a secret). */
export function toConsoleError(error: unknown, cluster?: string): ConsoleError {
  if (error instanceof ConsoleError) return error;
  const inner = innermost(error);
  const where = cluster ? `cluster "${cluster}"` : "the cluster";
  const security = securityFailureMessage(error, where, settingsOf(cluster));
  if (security) return new ConsoleError("cluster_unreachable", security, 503);
  if (isConnectionError(error)) {
    return new ConsoleError("cluster_unreachable", `Cannot reach ${where}: ${connectionReason(error)}.`, 503);
  }
  const type = typeof inner?.type === "string" ? inner.type : undefined;
  if (type === "SASL_AUTHENTICATION_FAILED") {
    return new ConsoleError(
      "cluster_unreachable",
      `Authentication failed for ${where}: the broker refused the SASL username or password.`,
      503,
    );
  }
  if (error instanceof Error && error.name === "UnsupportedApiError")
    return new ConsoleError("kafka_error", error.message, 502);
  if (error instanceof Error && error.name === "ProtocolDecodeError") {
    console.error("Could not decode a Kafka response:", error.message);
    return new ConsoleError(
      "kafka_error",
      "The broker's answer could not be read; the details are in the console's log.",
      502,
    );
  }
  if (type) {
    // The console's own decoded errors already carry the words and Kafka's server message.
    const text =
      error instanceof KafkaProtocolError
        ? error.message
        : (PROTOCOL_MESSAGES[type] ?? (typeof inner?.message === "string" ? inner.message : type));
    const status = type.includes("AUTHORIZATION")
      ? 403
      : type === "UNKNOWN_TOPIC_OR_PARTITION" || type === "GROUP_ID_NOT_FOUND"
        ? 404
        : 409;
    return new ConsoleError("kafka_error", text, status, type);
  }
  return new ConsoleError("internal", "Something went wrong in the console server; the details are in its log.", 500);
}
