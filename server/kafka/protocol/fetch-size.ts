import "server-only";

/**
 * How many bytes to ask a partition for in the next Fetch. Every reader of records (the message stream, the audit
 * topic, the lag-in-time probe) uses this one policy:
 * - start at `first` so the first records come back soon, and double after each full read up to `steady`;
 * - when the broker's answer ends inside a batch (the batch is larger than was asked for), ask again for twice as
 *   much, up to `cap`; a batch larger than `cap` cannot be read, and says so.
 */
export class FetchSize {
  private current: number;

  constructor(
    private readonly limits: { first: number; steady: number; cap: number },
    /** What is being read, for the message when a batch exceeds the cap ("the audit topic \"x\""). */
    private readonly what: string,
  ) {
    this.current = Math.min(limits.first, limits.cap);
  }

  /** The bytes to ask for now. */
  get bytes(): number {
    return this.current;
  }

  /** The answer held only part of a batch: ask for more, or fail when the cap is reached. */
  truncated(): void {
    if (this.current >= this.limits.cap) {
      throw new BatchTooLargeError(
        `A record batch of ${this.what} is larger than ${this.limits.cap / 1_048_576} MiB, the most the console reads.`,
      );
    }
    this.current = Math.min(this.limits.cap, this.current * 2);
  }

  /** The answer held whole batches: ramp up towards the steady size. */
  read(): void {
    if (this.current < this.limits.steady) this.current = Math.min(this.limits.steady, this.current * 2);
  }
}

/** A record batch larger than the most the console reads at once (FetchSize's cap). */
export class BatchTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BatchTooLargeError";
  }
}
