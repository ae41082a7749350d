import "server-only";

/** What the console reads of a thrown value: kafkajs errors, Node's system and TLS errors, and their wrappers. */
export interface ErrorLike {
  name?: unknown;
  message?: unknown;
  type?: unknown;
  code?: unknown;
  retriable?: unknown;
  broker?: unknown;
  originalError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

export function asErrorLike(value: unknown): ErrorLike | undefined {
  return typeof value === "object" && value !== null ? (value as ErrorLike) : undefined;
}

/**
 * The error and those it wraps, outermost first: kafkajs' NumberOfRetriesExceeded -> its originalError, an error's
 * cause, an aggregate's first error. At most 6 deep.
 */
export function errorChain(error: unknown): ErrorLike[] {
  const all: ErrorLike[] = [];
  let current = asErrorLike(error);
  while (current && all.length < 6) {
    all.push(current);
    const aggregated = current.errors;
    current =
      asErrorLike(current.originalError) ??
      asErrorLike(current.cause) ??
      (Array.isArray(aggregated) ? asErrorLike(aggregated[0]) : undefined);
  }
  return all;
}
