import "server-only";

/**
 * Single-flight with a short time-to-live: concurrent callers for the same key share one in-flight promise, and
 * its result is reused for ttlMs. Failures are shared by the callers in flight but never cached.
 */
interface Slot<T> {
  promise: Promise<T>;
  expires: number;
}

const g = globalThis as typeof globalThis & { __kafkaConsoleFlights?: Map<string, Slot<unknown>> };
const slots = (g.__kafkaConsoleFlights ??= new Map<string, Slot<unknown>>());

export function singleFlight<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const slot = slots.get(key) as Slot<T> | undefined;
  if (slot && slot.expires > now) return slot.promise;
  const promise = load();
  const entry: Slot<T> = { promise, expires: Number.POSITIVE_INFINITY };
  slots.set(key, entry);
  promise.then(
    () => {
      entry.expires = Date.now() + ttlMs;
    },
    () => {
      if (slots.get(key) === entry) slots.delete(key);
    },
  );
  return promise;
}

/** Drops cached results whose key starts with prefix (after a mutation). */
export function invalidate(prefix: string): void {
  for (const key of slots.keys()) if (key.startsWith(prefix)) slots.delete(key);
}
