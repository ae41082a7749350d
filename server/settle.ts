import "server-only";

/**
 * The promise's value if it settles within `ms`, else null; the promise keeps running (a later rejection is left to
 * whoever else awaits it, and is not reported as unhandled here).
 */
export async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  promise.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), Math.max(0, ms));
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
