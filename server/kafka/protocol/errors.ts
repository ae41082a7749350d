import "server-only";

/**
 * Kafka's error codes (Kafka's `Errors` table), by name, for the responses the console decodes itself; their words
 * for a person; and the groups of codes the console reacts to the same way (a leader or a coordinator moved).
 * One table, so the stream, the audit topic and the group reads cannot drift apart.
 */
export const KafkaErrorCode = {
  NONE: 0,
  OFFSET_OUT_OF_RANGE: 1,
  CORRUPT_MESSAGE: 2,
  UNKNOWN_TOPIC_OR_PARTITION: 3,
  LEADER_NOT_AVAILABLE: 5,
  NOT_LEADER_OR_FOLLOWER: 6,
  REQUEST_TIMED_OUT: 7,
  BROKER_NOT_AVAILABLE: 8,
  REPLICA_NOT_AVAILABLE: 9,
  MESSAGE_TOO_LARGE: 10,
  OFFSET_METADATA_TOO_LARGE: 12,
  COORDINATOR_LOAD_IN_PROGRESS: 14,
  COORDINATOR_NOT_AVAILABLE: 15,
  NOT_COORDINATOR: 16,
  INVALID_TOPIC_EXCEPTION: 17,
  RECORD_LIST_TOO_LARGE: 18,
  NOT_ENOUGH_REPLICAS: 19,
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: 20,
  ILLEGAL_GENERATION: 22,
  UNKNOWN_MEMBER_ID: 25,
  REBALANCE_IN_PROGRESS: 27,
  TOPIC_AUTHORIZATION_FAILED: 29,
  GROUP_AUTHORIZATION_FAILED: 30,
  CLUSTER_AUTHORIZATION_FAILED: 31,
  UNSUPPORTED_VERSION: 35,
  TOPIC_ALREADY_EXISTS: 36,
  INVALID_PARTITIONS: 37,
  INVALID_REPLICATION_FACTOR: 38,
  INVALID_REPLICA_ASSIGNMENT: 39,
  INVALID_CONFIG: 40,
  NOT_CONTROLLER: 41,
  INVALID_REQUEST: 42,
  POLICY_VIOLATION: 44,
  SECURITY_DISABLED: 54,
  KAFKA_STORAGE_ERROR: 56,
  LOG_DIR_NOT_FOUND: 57,
  SASL_AUTHENTICATION_FAILED: 58,
  REASSIGNMENT_IN_PROGRESS: 60,
  NON_EMPTY_GROUP: 68,
  GROUP_ID_NOT_FOUND: 69,
  FENCED_LEADER_EPOCH: 74,
  UNKNOWN_LEADER_EPOCH: 75,
  PREFERRED_LEADER_NOT_AVAILABLE: 80,
  ELIGIBLE_LEADERS_NOT_AVAILABLE: 83,
  ELECTION_NOT_NEEDED: 84,
  NO_REASSIGNMENT_IN_PROGRESS: 85,
  GROUP_SUBSCRIBED_TO_TOPIC: 86,
  INVALID_RECORD: 87,
  RESOURCE_NOT_FOUND: 91,
  UNACCEPTABLE_CREDENTIAL: 93,
  INVALID_UPDATE_VERSION: 95,
} as const;

export type KafkaErrorType = keyof typeof KafkaErrorCode;

const TYPE_BY_CODE = new Map<number, string>(Object.entries(KafkaErrorCode).map(([name, code]) => [code, name]));

/** The name of an error code ("NOT_LEADER_OR_FOLLOWER"), or KAFKA_ERROR_<code> for one this table lacks. */
export function errorType(code: number): string {
  return TYPE_BY_CODE.get(code) ?? `KAFKA_ERROR_${code}`;
}

/** Error types in words a person can act on (also used for kafkajs' errors, which carry the same type names). */
export const ERROR_WORDS: Readonly<Record<string, string>> = {
  TOPIC_ALREADY_EXISTS: "A topic with this name already exists.",
  UNKNOWN_TOPIC_OR_PARTITION: "No such topic or partition.",
  INVALID_REPLICATION_FACTOR: "The replication factor is larger than the number of live brokers, or not valid.",
  INVALID_REPLICA_ASSIGNMENT: "The replica assignment is not valid.",
  INVALID_PARTITIONS: "The number of partitions is not valid.",
  INVALID_CONFIG: "A config value is not valid.",
  POLICY_VIOLATION: "The cluster's create-topic policy refused the request.",
  TOPIC_AUTHORIZATION_FAILED: "Not authorized to access this topic.",
  GROUP_AUTHORIZATION_FAILED: "Not authorized to access this consumer group.",
  CLUSTER_AUTHORIZATION_FAILED: "Not authorized for this cluster operation.",
  SASL_AUTHENTICATION_FAILED: "Authentication failed: check the SASL username and password.",
  SECURITY_DISABLED: "The cluster has no authorizer configured, so it keeps no ACLs.",
  NON_EMPTY_GROUP: "The consumer group still has active members.",
  GROUP_ID_NOT_FOUND: "No such consumer group.",
  NOT_CONTROLLER: "The controller moved while the request was in flight; try again.",
  REQUEST_TIMED_OUT: "The cluster did not finish the request in time.",
  MESSAGE_TOO_LARGE: "The record is larger than the topic allows (max.message.bytes).",
  RECORD_LIST_TOO_LARGE: "The batch is larger than the topic allows.",
  NOT_ENOUGH_REPLICAS: "Not enough in-sync replicas to accept the write (min.insync.replicas).",
  INVALID_TOPIC_EXCEPTION: "The topic name is not valid.",
  NOT_LEADER_OR_FOLLOWER: "Leadership moved while the request was in flight; try again.",
  LEADER_NOT_AVAILABLE: "The partition has no leader right now; try again.",
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
  REASSIGNMENT_IN_PROGRESS: "A reassignment of this partition is already in progress.",
  NO_REASSIGNMENT_IN_PROGRESS: "No reassignment of this partition is in progress.",
  ELECTION_NOT_NEEDED: "The preferred replica already leads this partition.",
  PREFERRED_LEADER_NOT_AVAILABLE: "The preferred replica is not in sync or not online, so it cannot lead.",
  ELIGIBLE_LEADERS_NOT_AVAILABLE: "No eligible replica can lead this partition.",
  RESOURCE_NOT_FOUND: "No such resource.",
  UNACCEPTABLE_CREDENTIAL: "The credential is not acceptable (check the mechanism, iterations and password).",
};

/** The words for an error code, with Kafka's own message after them when it sent one. */
export function errorWords(code: number, serverMessage?: string | null): string {
  const type = errorType(code);
  const words = ERROR_WORDS[type];
  if (serverMessage) return `${words ?? type} ${serverMessage}`;
  return words ?? `Kafka answered with error code ${code}.`;
}

/** Codes that mean the partition's leader is elsewhere now (or for a moment nowhere): read metadata again. */
const LEADER_MOVED = new Set<number>([
  KafkaErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
  KafkaErrorCode.LEADER_NOT_AVAILABLE,
  KafkaErrorCode.NOT_LEADER_OR_FOLLOWER,
  KafkaErrorCode.REPLICA_NOT_AVAILABLE,
  KafkaErrorCode.KAFKA_STORAGE_ERROR,
  KafkaErrorCode.FENCED_LEADER_EPOCH,
  KafkaErrorCode.UNKNOWN_LEADER_EPOCH,
]);

export function leaderMoved(code: number): boolean {
  return LEADER_MOVED.has(code);
}

/** Codes that mean a group's coordinator is elsewhere or not ready: find the coordinator again. */
const COORDINATOR_MOVED = new Set<number>([
  KafkaErrorCode.COORDINATOR_LOAD_IN_PROGRESS,
  KafkaErrorCode.COORDINATOR_NOT_AVAILABLE,
  KafkaErrorCode.NOT_COORDINATOR,
]);

export function coordinatorMoved(code: number): boolean {
  return COORDINATOR_MOVED.has(code);
}

/** An error code in a response the console decoded itself, shaped like kafkajs' protocol errors (`type`). */
export class KafkaProtocolError extends Error {
  readonly type: string;
  constructor(
    readonly code: number,
    serverMessage?: string | null,
  ) {
    super(errorWords(code, serverMessage));
    this.name = "KafkaProtocolError";
    this.type = errorType(code);
  }
}
