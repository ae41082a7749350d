import "server-only";

/** Callers waiting for their turn, first come first resumed (one queue per process, whichever bundle loads this). */
const g = globalThis as typeof globalThis & { __kafkaConsoleTurns?: { waiting: (() => void)[]; scheduled: boolean } };
const turns = (g.__kafkaConsoleTurns ??= { waiting: [], scheduled: false });

function resumeNext(): void {
  const next = turns.waiting.shift();
  // Queued from inside an immediate, this one runs in the next turn of the loop, after its timers and I/O.
  if (turns.waiting.length > 0) setImmediate(resumeNext);
  else turns.scheduled = false;
  next?.();
}

/**
 * Lets timers, I/O and other requests run before the caller goes on (one turn of the event loop), resuming one
 * waiting caller per turn. Node runs every immediate queued before its check phase in one go, so if each of ten
 * concurrent reads yielded with its own setImmediate after an 8 ms slice, a timer or a socket would wait for all ten
 * slices (80 ms); queued here, each slice gets a turn of its own.
 */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => {
    turns.waiting.push(resolve);
    if (turns.scheduled) return;
    turns.scheduled = true;
    setImmediate(resumeNext);
  });
}

/** Items handled between two yields: summarizing 1,000 topics takes a few milliseconds. */
export const DEFAULT_CHUNK = 1_000;

/**
 * `items.map(fn)` for large lists (10,000 topics, 50,000 partitions) that yields to the event loop after every
 * `chunk` items, so one request's CPU work does not block the server for the whole list. A list of at most
 * `chunk` items is mapped without yielding.
 */
export async function mapInChunks<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => R,
  chunk = DEFAULT_CHUNK,
): Promise<R[]> {
  if (!Number.isInteger(chunk) || chunk < 1) throw new RangeError(`chunk must be a positive integer, not ${chunk}`);
  const out: R[] = new Array<R>(items.length);
  for (let start = 0; start < items.length; start += chunk) {
    if (start > 0) await yieldToLoop();
    const end = Math.min(start + chunk, items.length);
    for (let i = start; i < end; i += 1) out[i] = fn(items[i] as T, i);
  }
  return out;
}

/**
 * Calls `fn` on every item, in slices of about `sliceMs` of work with a turn of the event loop between them (the time
 * is looked at every `step` items): for per-item work whose cost varies with the item (a topic of one partition or
 * of a thousand, a trend of one sample or of 360), where a fixed chunk size would not bound the block. A list done
 * within one slice never yields.
 */
export async function forEachInSlices<T>(
  items: Iterable<T>,
  fn: (item: T, index: number) => void,
  sliceMs = 8,
  step = 64,
): Promise<void> {
  let sliceStart = performance.now();
  let index = 0;
  for (const item of items) {
    fn(item, index);
    index += 1;
    if (index % step === 0 && performance.now() - sliceStart > sliceMs) {
      await yieldToLoop();
      sliceStart = performance.now();
    }
  }
}

/** `items.map(fn)` in slices of about `sliceMs` of work (forEachInSlices). */
export async function mapInSlices<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => R,
  sliceMs = 8,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  await forEachInSlices(items, (item, i) => (out[i] = fn(item, i)), sliceMs);
  return out;
}

/** `items` cut into consecutive slices of at most `size` (the last may be shorter); none for an empty list. */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be a positive integer, not ${size}`);
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/**
 * Everything a pull source gives (`next(step)` returns up to `step` items, [] when done), pulled in slices of about
 * `sliceMs` of work with a turn of the event loop between them: for decoders whose cost per item varies (a topic of
 * one partition or of a thousand), where a fixed chunk size would not bound the block.
 */
export async function drainInSlices<T>(next: (step: number) => T[], step = 64, sliceMs = 8): Promise<T[]> {
  const out: T[] = [];
  let sliceStart = performance.now();
  for (let items = next(step); items.length > 0; items = next(step)) {
    for (const item of items) out.push(item);
    if (performance.now() - sliceStart > sliceMs) {
      await yieldToLoop();
      sliceStart = performance.now();
    }
  }
  return out;
}
