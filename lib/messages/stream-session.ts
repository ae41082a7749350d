/**
 * One message search in the browser: reads the stream (lib/messages/read-stream.ts), keeps at most `maxRows` messages
 * (dropping the oldest), and publishes what to show as an immutable snapshot at most every `flushMs` (a stream of
 * 10,000 messages a second must not re-render the page 10,000 times). React reads it with useSyncExternalStore.
 *
 * Pause aborts the request and remembers each partition's next offset; resume starts a new stream there (see
 * lib/messages/resume.ts), so the server holds nothing while a search is paused.
 */
import { type MessageQuery, type RawMessageQuery, searchParamsOf } from "@/lib/messages/query";
import { ApiRequestError } from "@/lib/api/client";
import { readEventStream } from "@/lib/messages/read-stream";
import { remainingLimit, resumeQuery, type SearchPosition } from "@/lib/messages/resume";
import type { DoneReason, StreamEvent, StreamMessage, StreamProgress } from "@/lib/messages/types";
import type { FirstRecords } from "@/lib/messages/first-records";
import { IDLE, type StreamSnapshot, type StreamStatus, troubleOf } from "@/lib/messages/stream-snapshot";
import { appendCapped } from "@/lib/messages/view";
import { ScanRate } from "@/lib/messages/scan-rate";
import { messagesApiPath } from "@/lib/routes";

export type { LeaderTrouble, StreamSnapshot, StreamStatus } from "@/lib/messages/stream-snapshot";

export interface StreamSearch {
  cluster: string;
  topic: string;
  raw: RawMessageQuery;
  query: MessageQuery;
}

export interface SessionOptions {
  fetch?: typeof fetch;
  /** Snapshots are published at most this often while messages flow. */
  flushMs?: number;
  maxRows?: number;
}

export const MAX_ROWS = 5_000;
const FLUSH_MS = 100;

interface Counts {
  scanned: number;
  matched: number;
  bytes: number;
  elapsedMs: number;
}
const ZERO: Counts = { scanned: 0, matched: 0, bytes: 0, elapsedMs: 0 };

export class MessageStreamSession {
  private readonly fetchImpl: typeof fetch;
  private readonly flushMs: number;
  private readonly maxRows: number;
  private readonly listeners = new Set<() => void>();
  private snapshot: StreamSnapshot = IDLE;
  private timer: ReturnType<typeof setTimeout> | null = null;

  private search: StreamSearch | null = null;
  private run = 0;
  private status: StreamStatus = "idle";
  private doneReason: DoneReason | null = null;
  private error: string | null = null;
  private controller: AbortController | null = null;
  /** Counts of the streams that ended, and of the one running (its latest progress). */
  private done: Counts = ZERO;
  private current: Counts = ZERO;
  /** Messages received from the running stream (they can arrive before the progress that counts them). */
  private currentMessages = 0;
  private next = new Map<number, bigint>();
  private stopAt = new Map<number, bigint | null>();
  private hasProgress = false;
  private registryNote: string | null = null;
  /** Per partition: the leader it was first read from in this search, and what the latest progress said. */
  private leaders = new Map<number, { first: number; now: number; unavailableForMs: number | null }>();
  private readonly scanRate = new ScanRate();
  private pending: StreamMessage[] = [];
  private rows: StreamMessage[] = [];
  private dropped = 0;
  /** The search whose first events the server read (adopt), until the page takes it over (takeOver). */
  private adopted: { key: string; complete: boolean } | null = null;

  constructor(options: SessionOptions = {}) {
    // fetch is looked up when called, so a session made during the server render needs none.
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.flushMs = options.flushMs ?? FLUSH_MS;
    this.maxRows = options.maxRows ?? MAX_ROWS;
  }

  // ------------------------------------------------------------------------------------------ the store interface
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): StreamSnapshot => this.snapshot;

  // ---------------------------------------------------------------------------------------------------- actions
  /** Starts a search, ending the one before (its messages are cleared). */
  start(search: StreamSearch): void {
    this.abort();
    this.clear();
    this.run += 1;
    this.search = search;
    this.status = "connecting";
    this.open(search.raw);
    this.flush();
  }

  /**
   * Shows the first events of a search that the server read while rendering the page, as if this session's own
   * stream had sent them, so the server's HTML and the page show the same rows and figures. `takeOver` then reads on.
   */
  adopt(search: StreamSearch, first: FirstRecords): void {
    this.abort();
    this.clear();
    this.run += 1;
    this.search = search;
    this.status = "reading";
    for (const event of first.events) this.handle(event);
    // What the server read counts as an ended segment: the browser's stream reads on from its positions.
    if (!first.complete) this.endSegment();
    this.adopted = { key: first.key, complete: first.complete };
    this.flush();
  }

  /**
   * Takes over the adopted search `key` (once): reads on from where the server stopped, if it did not finish. False
   * when this session holds no such search (the page then starts it).
   */
  takeOver(key: string): boolean {
    const adopted = this.adopted;
    if (adopted?.key !== key || !this.search) return false;
    this.adopted = null;
    if (!adopted.complete) this.continueFrom(this.search);
    this.flush();
    return true;
  }

  /** Ends the search and forgets it (the page has no search to show). */
  reset(): void {
    this.abort();
    this.clear();
    this.search = null;
    this.status = "idle";
    this.flush();
  }

  pause(): void {
    if (!this.canPause()) return;
    this.endSegment();
    this.status = "paused";
    this.flush();
  }

  resume(): void {
    const search = this.search;
    if (!search || !this.canResume()) return;
    this.continueFrom(search);
    this.flush();
  }

  /** Starts a stream where the search stopped (each partition's next offset, the rest of the limit), or ends it. */
  private continueFrom(search: StreamSearch): void {
    const raw = resumeQuery(search.raw, search.query, this.position());
    this.error = null;
    this.doneReason = null;
    if (raw === null) {
      this.status = "done";
      this.doneReason = remainingLimit(search.query, this.matched()) === 0 ? "limit" : "end";
    } else {
      this.status = "connecting";
      this.open(raw);
    }
  }

  stop(): void {
    if (!this.canStop()) return;
    this.endSegment();
    this.status = "stopped";
    this.flush();
  }

  /** Publishes what arrived so far now, rather than at the next tick. */
  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.pending.length > 0) {
      const capped = appendCapped(this.rows, this.pending, this.maxRows);
      this.rows = capped.rows;
      this.dropped += capped.dropped;
      this.pending = [];
    }
    this.snapshot = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }

  // ---------------------------------------------------------------------------------------------------- streams
  private open(raw: RawMessageQuery): void {
    const search = this.search;
    if (!search) return;
    const controller = new AbortController();
    this.controller = controller;
    this.current = ZERO;
    this.currentMessages = 0;
    // The rows format: the same records in a third fewer bytes and less parsing (lib/messages/rows.ts).
    const params = searchParamsOf(raw);
    params.set("format", "rows");
    const url = messagesApiPath(search.cluster, search.topic, params);
    const mine = () => this.controller === controller;
    readEventStream(
      url,
      controller.signal,
      {
        onOpen: () => {
          if (!mine()) return;
          this.status = search.query.follow ? "live" : "reading";
          this.flush();
        },
        onEvent: (event) => {
          if (mine()) this.handle(event);
        },
      },
      this.fetchImpl,
    ).then(
      (end) => {
        // A stream that closed without its done or error event.
        if (end === "ended" && mine())
          this.fail("The stream ended before the server said why. What arrived is still shown.");
      },
      (error: unknown) => {
        if (mine()) this.fail(error instanceof ApiRequestError ? error.message : "The stream could not be read.");
      },
    );
  }

  private handle(event: StreamEvent): void {
    if (event.type === "message") this.onMessage(event.data);
    else if (event.type === "progress") this.onProgress(event.data);
    else if (event.type === "done") {
      this.onProgress(event.data);
      this.onDone(event.data.reason);
    } else this.fail(event.data.message);
  }

  private onMessage(message: StreamMessage): void {
    this.pending.push(message);
    // The buffer never holds more than twice what the view keeps: trimmed to the view's size once it has doubled, so
    // a backlog costs one copy per maxRows messages, not a copy of the whole buffer per message.
    if (this.pending.length > 2 * this.maxRows) {
      const extra = this.pending.length - this.maxRows;
      this.pending = this.pending.slice(extra);
      this.dropped += extra;
    }
    this.currentMessages += 1;
    const after = BigInt(message.offset) + 1n;
    if ((this.next.get(message.partition) ?? -1n) < after) this.next.set(message.partition, after);
    this.flushSoon();
  }

  private onProgress(progress: StreamProgress): void {
    this.current = {
      scanned: progress.scanned,
      matched: progress.matched,
      bytes: progress.bytes,
      elapsedMs: progress.elapsedMs,
    };
    for (const p of progress.partitions) {
      const offset = BigInt(p.offset);
      if ((this.next.get(p.partition) ?? -1n) < offset) this.next.set(p.partition, offset);
      this.stopAt.set(p.partition, p.stopAt === null ? null : BigInt(p.stopAt));
      const known = this.leaders.get(p.partition);
      this.leaders.set(p.partition, {
        first: known?.first ?? p.leader,
        now: p.leader,
        unavailableForMs: p.unavailableForMs,
      });
    }
    this.hasProgress = true;
    if (progress.registryNote) this.registryNote ??= progress.registryNote;
    const totals = this.totals();
    this.scanRate.note(totals.elapsedMs, totals.scanned);
    this.flushSoon();
  }

  private onDone(reason: DoneReason): void {
    this.endSegment();
    this.status = "done";
    this.doneReason = reason;
    this.flush();
  }

  private fail(message: string): void {
    this.endSegment();
    this.status = "error";
    this.error = message;
    this.flush();
  }

  /** Ends the running stream and adds its counts to the search's. */
  private endSegment(): void {
    this.done = this.totals();
    this.current = ZERO;
    this.currentMessages = 0;
    this.abort();
  }

  private abort(): void {
    const controller = this.controller;
    this.controller = null;
    controller?.abort();
  }

  private clear(): void {
    this.done = ZERO;
    this.current = ZERO;
    this.currentMessages = 0;
    this.next = new Map();
    this.stopAt = new Map();
    this.leaders = new Map();
    this.hasProgress = false;
    this.registryNote = null;
    this.scanRate.clear();
    this.pending = [];
    this.rows = [];
    this.dropped = 0;
    this.doneReason = null;
    this.error = null;
    this.adopted = null;
  }

  private flushSoon(): void {
    if (this.timer === null) this.timer = setTimeout(() => this.flush(), this.flushMs);
  }

  // ---------------------------------------------------------------------------------------------------- derived
  private matched(): number {
    return this.totals().matched;
  }

  private totals(): Counts {
    return {
      scanned: this.done.scanned + this.current.scanned,
      matched: this.done.matched + Math.max(this.current.matched, this.currentMessages),
      bytes: this.done.bytes + this.current.bytes,
      elapsedMs: this.done.elapsedMs + this.current.elapsedMs,
    };
  }

  private position(): SearchPosition {
    return { next: this.next, stopAt: this.stopAt, matched: this.matched() };
  }

  private active(): boolean {
    return this.status === "connecting" || this.status === "reading" || this.status === "live";
  }

  private canPause(): boolean {
    return this.active() && this.status !== "connecting" && this.hasProgress;
  }

  private canResume(): boolean {
    if (!this.hasProgress) return false;
    return (
      this.status === "paused" ||
      this.status === "error" ||
      (this.status === "done" && (this.doneReason === "duration" || this.doneReason === "bytes"))
    );
  }

  private canStop(): boolean {
    return this.active() || this.status === "paused";
  }

  private makeSnapshot(): StreamSnapshot {
    const search = this.search;
    const totals = this.totals();
    return {
      run: this.run,
      status: this.status,
      live: search?.query.follow ?? false,
      filtered: search ? Object.keys(search.query.filters).length > 0 : false,
      limit: search?.query.limit ?? null,
      doneReason: this.doneReason,
      error: this.error,
      rows: this.rows,
      dropped: this.dropped,
      ...totals,
      rate: this.scanRate.perSecond(this.active(), totals.elapsedMs, totals.scanned),
      hasProgress: this.hasProgress,
      leaderTrouble: troubleOf(this.leaders),
      registryNote: this.registryNote,
      canPause: this.canPause(),
      canResume: this.canResume(),
      canStop: this.canStop(),
    };
  }
}
