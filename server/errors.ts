import "server-only";
import type { ApiErrorCode } from "@/lib/api/types";
import type { ClusterConfig } from "@/server/config/cluster";
import { findCluster } from "@/server/config/load";
import { asErrorLike, type ErrorLike, errorChain } from "@/server/kafka/error-chain";
import { securityFailureMessage } from "@/server/kafka/security-errors";
import { BatchTooLargeError, ERROR_WORDS, KafkaProtocolError } from "@/server/kafka/protocol";

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

/** A refusal with errors for several form fields (the worker's verdict on a connector config). */
export class FieldErrors extends ConsoleError {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    const fields = Object.keys(fieldErrors);
    const first = fields[0] === undefined ? undefined : fieldErrors[fields[0]]?.[0];
    super(
      "bad_request",
      fields.length <= 1
        ? `${fields[0]?.replace(/^config\./, "") ?? "The input"}: ${first ?? "not valid"}`
        : `${fields.length} fields are not valid; see the messages beside them.`,
      400,
    );
    this.name = "FieldErrors";
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
  if (error instanceof BatchTooLargeError) return new ConsoleError("kafka_error", error.message, 502);
  if (error instanceof Error && error.name === "UnsupportedApiError")
    return new ConsoleError("kafka_error", error.message, 502);
  if (error instanceof Error && error.name === "ProtocolDecodeError") {
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
        : (ERROR_WORDS[type] ?? (typeof inner?.message === "string" ? inner.message : type));
    const status = type.includes("AUTHORIZATION")
      ? 403
      : type === "UNKNOWN_TOPIC_OR_PARTITION" || type === "GROUP_ID_NOT_FOUND"
        ? 404
        : 409;
    return new ConsoleError("kafka_error", text, status, type);
  }
  return new ConsoleError("internal", "Something went wrong in the console server; the details are in its log.", 500);
}

/**
 * The one place where failures are logged: maps `error` like toConsoleError and, when it is not a failure the
 * console expected (code "internal", or a Kafka answer it could not read), writes it to the server log with where it
 * happened. The person sees only the mapped message. Every route, action and stream ends its failures here.
 */
export function reportError(error: unknown, where: string, cluster?: string): ConsoleError {
  const mapped = toConsoleError(error, cluster);
  if (mapped.code === "internal") console.error(`Unexpected error in ${where}:`, error);
  else if (error instanceof Error && error.name === "ProtocolDecodeError") {
    console.error(`Could not decode a Kafka response in ${where}:`, error.message);
  }
  return mapped;
}
