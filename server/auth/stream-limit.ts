import "server-only";

/**
 * How many message streams each user has open in this console instance. A stream holds broker connections and a
 * queue of up to 8 MB, so one user (or a script with their session) cannot open hundreds. With login off there are
 * no users: the client's address stands in for one.
 */
const open = new Map<string, number>();

/** A release function for one more stream of `who`, or null when they already have `limit` open. */
export function acquireStream(who: string, limit: number): (() => void) | null {
  const count = open.get(who) ?? 0;
  if (count >= limit) return null;
  open.set(who, count + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (open.get(who) ?? 1) - 1;
    if (left <= 0) open.delete(who);
    else open.set(who, left);
  };
}

export function openStreams(who: string): number {
  return open.get(who) ?? 0;
}
