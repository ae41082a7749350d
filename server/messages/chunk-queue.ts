import "server-only";
import type { FrameWriter } from "@/server/messages/frames";

/** What one partition's fetch yielded: its matched records framed as `message` events, and how far it got. */
export interface Chunk {
  partition: number;
  /** The matched records as framed `message` events, with where each ends and its offset. */
  frames: FrameWriter;
  /** The partition's next offset after this chunk. */
  next: bigint;
  scanned: number;
  bytes: number;
  weight: number;
}

/** Thrown to a fetcher that waits on a full queue once the stream is aborted. */
export class StreamAborted extends Error {}

/**
 * The bounded queue between a stream's fetchers (one per partition leader) and the route that sends its events: a
 * fetcher's `push` waits while more than `maxBytes` are queued, and the route takes chunks only as fast as the browser
 * reads (ReadableStream pull). A slow browser slows the reading; it never makes the server buffer more.
 */
export class ChunkQueue {
  private readonly chunks: Chunk[] = [];
  private queuedBytes = 0;
  private wakeConsumer: (() => void) | null = null;
  private wakeProducers: (() => void)[] = [];

  constructor(
    private readonly maxBytes: number,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener("abort", () => this.wakeAll(), { once: true });
  }

  get length(): number {
    return this.chunks.length;
  }

  holds(partition: number): boolean {
    return this.chunks.some((c) => c.partition === partition);
  }

  /** Waits for room, then queues the chunk; throws StreamAborted once the stream is aborted. */
  async push(chunk: Chunk): Promise<void> {
    while (this.queuedBytes > this.maxBytes && !this.signal.aborted) {
      await new Promise<void>((resolve) => this.wakeProducers.push(resolve));
    }
    if (this.signal.aborted) throw new StreamAborted();
    this.chunks.push(chunk);
    this.queuedBytes += chunk.weight;
    this.wakeConsumer?.();
  }

  /** The next chunk; when none is queued, waits up to `waitMs` (or until `wake`) unless `idle` says not to. */
  async take(waitMs: number, idle: () => boolean): Promise<Chunk | null> {
    if (this.chunks.length === 0 && !idle()) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          if (this.wakeConsumer === wake) this.wakeConsumer = null;
          resolve();
        };
        const timer = setTimeout(wake, waitMs);
        this.wakeConsumer = wake;
      });
    }
    const chunk = this.chunks.shift() ?? null;
    if (chunk) {
      this.queuedBytes -= chunk.weight;
      const waiting = this.wakeProducers;
      this.wakeProducers = [];
      for (const wake of waiting) wake();
    }
    return chunk;
  }

  /** Wakes the route's wait (a partition finished, a fetcher failed). */
  wake(): void {
    this.wakeConsumer?.();
  }

  wakeAll(): void {
    this.wakeConsumer?.();
    const waiting = this.wakeProducers;
    this.wakeProducers = [];
    for (const wake of waiting) wake();
  }
}
