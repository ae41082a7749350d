import "server-only";
import type { MessageQuery } from "@/lib/messages/query";
import { encodeEvent } from "@/lib/messages/sse";
import type { DoneReason, StreamFormat, StreamProgress } from "@/lib/messages/types";
import { type ClusterHandle } from "@/server/kafka/clients";
import { isConnectionError, toConsoleError, reportError } from "@/server/errors";
import { FrameWriter } from "@/server/messages/frames";
import { RecordDecoder } from "@/server/schemas/decoder";
import { compileFilters, type RecordMatcher } from "@/server/messages/match";
import type { ReadPlan } from "@/server/messages/plan";
import { type PartitionState, partitionState, stillPatient } from "@/server/messages/partition-state";
import { ChunkQueue, StreamAborted } from "@/server/messages/chunk-queue";
import type { StreamConnections } from "@/server/messages/connections";
import { listOffsets } from "@/server/cluster/offsets";
import {
  EARLIEST,
  LATEST,
  KafkaProtocolError,
  fetchRecords,
  type FetchedPartition,
  takeRecords,
  leaderMoved,
  KafkaErrorCode,
} from "@/server/kafka/protocol";

/**
 * One message stream's reading: a fetcher per partition leader (the console's own Fetch requests, no consumer group)
 * decodes and filters what its leader returns and queues it (chunk-queue.ts); `run` turns the queue into the SSE
 * events the route sends, ending with `done` or `error`. Read committed: records of aborted transactions and
 * transaction markers are never shown.
 */

export interface StreamLimits {
  maxDurationMs: number;
  maxScanBytes: number;
}

const PROGRESS_INTERVAL_MS = 500;
const LONG_POLL_MS = 500;
const REQUEST_MAX_BYTES = 16 * 1_048_576;
const QUEUE_BYTES = 8 * 1_048_576;
/**
 * Fetches from a leader before the stream opens connections of its own: the first answers usually finish a short
 * search, and a fetcher may send one more before the route has taken the answer that ended it.
 */
const OWN_CONNECTIONS_AFTER = 2;

const RETRY_DELAY_MS = 500;

const text = (s: string): Uint8Array => Buffer.from(s, "utf8");

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });

export class Reader {
  private readonly states = new Map<number, PartitionState>();
  private readonly matcher: RecordMatcher;
  /** Decodes schema-registry records (null without a registry: records are shown as they are, at no cost). */
  private readonly decoder: RecordDecoder | null;
  private readonly queue: ChunkQueue;
  private failure: unknown = null;
  private readonly workers = new Map<number, Promise<void>>();
  private scanned = 0;
  private bytes = 0;
  private matched = 0;
  private readonly started = Date.now();

  constructor(
    private readonly cluster: ClusterHandle,
    private readonly plan: ReadPlan,
    private readonly query: MessageQuery,
    private readonly limits: StreamLimits,
    private readonly connections: StreamConnections,
    private readonly signal: AbortSignal,
    private readonly format: StreamFormat = "events",
  ) {
    this.matcher = compileFilters(query.filters);
    this.decoder = RecordDecoder.forCluster(cluster.config, plan.topic);
    this.queue = new ChunkQueue(QUEUE_BYTES, signal);
    for (const p of plan.partitions) {
      this.states.set(p.partition, partitionState(p));
    }
  }

  // ------------------------------------------------------------------------------------------------ consumer side
  async *run(): AsyncGenerator<Uint8Array[], void, undefined> {
    this.assign([...this.states.values()].filter((s) => !s.done).map((s) => s.plan.partition));
    const limit = this.query.limit;
    let lastProgress = 0;
    // The first progress goes out at once, so the browser sees the plan (positions and ends) straight away.
    yield [text(encodeEvent({ type: "progress", data: this.progress() }))];
    lastProgress = Date.now();
    while (!this.signal.aborted) {
      const out: Uint8Array[] = [];
      const chunk = await this.queue.take(
        Math.max(1, lastProgress + PROGRESS_INTERVAL_MS - Date.now()),
        () => this.failure !== null || this.allDone(),
      );
      if (this.signal.aborted) return;
      let reason: DoneReason | null = null;
      if (chunk) {
        const state = this.states.get(chunk.partition);
        this.scanned += chunk.scanned;
        this.bytes += chunk.bytes;
        const written = chunk.frames.ends.length;
        let count = written;
        if (limit !== null && this.matched + written >= limit) {
          count = limit - this.matched;
          reason = "limit";
        }
        this.matched += count;
        for (const piece of chunk.frames.pieces(count)) out.push(piece);
        const last = chunk.frames.offsets[count - 1];
        if (state) state.position = count < written && last !== undefined ? last + 1n : chunk.next;
      }
      if (this.failure !== null) {
        const error = reportError(this.failure, "a message stream", this.cluster.name);
        out.push(text(encodeEvent({ type: "error", data: { code: error.code, message: error.message } })));
        yield out;
        return;
      }
      if (reason === null && this.queue.length === 0 && this.allDone()) reason = "end";
      if (reason === null && this.bytes >= this.limits.maxScanBytes) reason = "bytes";
      if (reason === null && Date.now() - this.started >= this.limits.maxDurationMs) reason = "duration";
      if (reason !== null) {
        out.push(text(encodeEvent({ type: "done", data: { ...this.progress(), reason } })));
        yield out;
        return;
      }
      if (Date.now() - lastProgress >= PROGRESS_INTERVAL_MS) {
        out.push(text(encodeEvent({ type: "progress", data: this.progress() })));
        lastProgress = Date.now();
      }
      if (out.length > 0) yield out;
    }
  }

  private progress(): StreamProgress {
    const now = Date.now();
    return {
      scanned: this.scanned,
      matched: this.matched,
      bytes: this.bytes,
      elapsedMs: now - this.started,
      registryNote: this.decoder?.unreachableNote ?? null,
      partitions: [...this.states.values()].map((s) => ({
        partition: s.plan.partition,
        offset: s.position.toString(),
        stopAt: s.plan.stop === null ? null : s.plan.stop.toString(),
        highWatermark: s.highWatermark.toString(),
        leader: s.plan.leader,
        unavailableForMs: s.failingSince === null ? null : now - s.failingSince,
      })),
    };
  }

  private allDone(): boolean {
    for (const s of this.states.values()) if (!s.done) return false;
    return true;
  }

  // ------------------------------------------------------------------------------------------------ producer side
  /** Hands partitions to the fetcher of their current leader, starting fetchers as needed. */
  private assign(partitions: number[]): void {
    for (const partition of partitions) {
      const state = this.states.get(partition);
      if (!state || state.done) continue;
      const leader = state.plan.leader;
      if (!this.workers.has(leader)) {
        const worker = this.fetchFrom(leader).catch((error: unknown) => {
          if (error instanceof StreamAborted || this.signal.aborted) return;
          this.failure ??= error;
          this.queue.wakeAll();
        });
        this.workers.set(leader, worker);
        void worker.finally(() => {
          if (this.workers.get(leader) === worker) this.workers.delete(leader);
        });
      }
    }
  }

  /** Resolves once every fetcher has ended, or after `timeoutMs`. */
  async settled(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.workers.values()]),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }

  private owned(leader: number): PartitionState[] {
    return [...this.states.values()].filter((s) => !s.done && s.plan.leader === leader);
  }

  /** One leader's fetch loop: runs while the leader leads undone partitions of this stream. */
  private async fetchFrom(leader: number): Promise<void> {
    let turn = 0;
    for (;;) {
      if (this.signal.aborted) throw new StreamAborted();
      const owned = this.owned(leader);
      if (owned.length === 0) return;
      if (leader < 0) {
        await this.relocate(owned, new Error("The partition has no leader."));
        continue;
      }
      // Rotate which partition comes first: a broker sends an oversized batch only for the first partition.
      const order = owned.map((_, i) => owned[(i + turn) % owned.length] as PartitionState);
      // A stream that reads on moves to connections of its own (connections.ts); one that is done after its first
      // answers (a search for 100 messages) never opens any.
      if (turn >= OWN_CONNECTIONS_AFTER) this.connections.prepare();
      turn++;
      const caughtUp = order.every((s) => s.next >= s.stable);
      let response;
      try {
        const broker = await this.connections.broker(leader, caughtUp);
        response = await fetchRecords(broker, {
          maxWaitMs: caughtUp ? LONG_POLL_MS : 0,
          minBytes: 1,
          maxBytes: REQUEST_MAX_BYTES,
          isolationLevel: 1,
          topics: [
            {
              name: this.plan.topic,
              partitions: order.map((s) => ({
                partition: s.plan.partition,
                fetchOffset: s.next,
                partitionMaxBytes: s.size.bytes,
              })),
            },
          ],
        });
      } catch (error) {
        if (this.signal.aborted) throw new StreamAborted();
        // The broker answered, with an error for the whole request: not a leader to look for.
        if (error instanceof KafkaProtocolError) throw error;
        if (!isConnectionError(error) && !(error instanceof Error && /broker|leader|metadata/i.test(error.message)))
          throw error;
        await this.relocate(order, error);
        continue;
      }
      const answered = response.topics.find((t) => t.name === this.plan.topic)?.partitions ?? [];
      const moved: PartitionState[] = [];
      let movedCode = 0;
      for (const fetched of answered) {
        const state = this.states.get(fetched.partition);
        if (!state || state.done) continue;
        if (fetched.errorCode === KafkaErrorCode.NONE) {
          state.failingSince = null;
          await this.take(state, fetched);
        } else if (leaderMoved(fetched.errorCode)) {
          moved.push(state);
          movedCode = fetched.errorCode;
        } else if (fetched.errorCode === KafkaErrorCode.OFFSET_OUT_OF_RANGE) await this.recover(state);
        else throw new KafkaProtocolError(fetched.errorCode);
      }
      if (moved.length > 0) await this.relocate(moved, new KafkaProtocolError(movedCode));
    }
  }

  /** Decodes, filters and queues what one partition returned. */
  private async take(state: PartitionState, fetched: FetchedPartition): Promise<void> {
    state.highWatermark = fetched.highWatermark;
    state.stable = fetched.lastStableOffset;
    const records = fetched.records;
    if (records === null || records.length === 0) {
      // Only reaching the planned end finishes a partition. An empty answer below it is not the end: a leader elected
      // a moment ago can report a stable offset behind the one planned until it catches up, and a broker sends nothing
      // for a later partition whose next batch exceeds its byte limit (the order rotates, so it comes first next time).
      if (state.plan.stop !== null && state.next >= state.plan.stop) this.finish(state);
      return;
    }
    const set = takeRecords(fetched, state.next, state.size);
    if (!set || set.truncated) return;
    const stop = state.plan.stop;
    // Frames take about twice the records' bytes (JSON field names, escapes); the writer grows if they take more.
    const frames = new FrameWriter(set.bytes * 2 + set.records.length * 160, this.format);
    let scanned = 0;
    const decoder = this.decoder;
    // Every schema the chunk names is fetched (once per cluster) before the filters run on the decoded JSON.
    if (decoder) await decoder.prepare(set.records);
    for (const record of set.records) {
      if (stop !== null && record.offset >= stop) break;
      scanned++;
      if (decoder) {
        const view = decoder.decode(record);
        if (this.matcher(view.record)) frames.write(state.plan.partition, view.record, view);
      } else if (this.matcher(record)) frames.write(state.plan.partition, record);
    }
    const next = stop !== null && set.nextOffset > stop ? stop : set.nextOffset;
    state.next = next > state.next ? next : state.next;
    if (stop !== null && state.next >= stop) state.done = true;
    await this.queue.push({
      partition: state.plan.partition,
      frames: frames.end(),
      next: state.next,
      scanned,
      bytes: set.bytes,
      weight: frames.length + 64,
    });
  }

  private finish(state: PartitionState): void {
    state.done = true;
    if (!this.queue.holds(state.plan.partition)) state.position = state.next;
    this.queue.wake();
  }

  /** The log moved under the reader (retention deleted the records, or the log was truncated): go to its bounds. */
  private async recover(state: PartitionState): Promise<void> {
    const topic = {
      name: this.plan.topic,
      partitions: [{ partitionId: state.plan.partition, leader: state.plan.leader, replicas: [], isr: [] }],
    };
    const [low, high] = await Promise.all([
      listOffsets(this.cluster, [topic], EARLIEST),
      listOffsets(this.cluster, [topic], LATEST, 1),
    ]);
    const l = low.get(this.plan.topic)?.get(state.plan.partition);
    const h = high.get(this.plan.topic)?.get(state.plan.partition);
    if (l === undefined || h === undefined) return;
    state.next = state.next < l ? l : state.next > h ? h : state.next;
    if (state.plan.stop !== null && state.next >= state.plan.stop) this.finish(state);
  }

  /**
   * Looks up the leaders of partitions whose leader moved or did not answer, and hands them to the right fetcher;
   * a partition that finds no answering leader within LEADER_PATIENCE_MS fails the stream with the reason.
   */
  private async relocate(states: PartitionState[], reason: unknown): Promise<void> {
    stillPatient(this.cluster, states, reason, Date.now());
    // After a failure the stream reads over its own connections, where it looks its leaders up.
    this.connections.useOwnOnly();
    await sleep(RETRY_DELAY_MS, this.signal);
    if (this.signal.aborted) throw new StreamAborted();
    let partitions: { partitionId: number; leader: number }[];
    try {
      partitions = await this.connections.leaders();
    } catch (error) {
      if (this.signal.aborted) throw new StreamAborted();
      const refused = toConsoleError(error, this.cluster.name);
      if (refused.kafkaType === "UNKNOWN_TOPIC_OR_PARTITION") throw refused;
      // No broker answered the metadata request either: the same partitions fail again, until the patience runs out.
      return;
    }
    if (this.signal.aborted) throw new StreamAborted();
    if (partitions.length === 0)
      throw toConsoleError(new KafkaProtocolError(KafkaErrorCode.UNKNOWN_TOPIC_OR_PARTITION), this.cluster.name);
    const moved: number[] = [];
    for (const s of states) {
      const leader = partitions.find((p) => p.partitionId === s.plan.partition)?.leader ?? -1;
      if (leader !== s.plan.leader) {
        s.plan = { ...s.plan, leader };
        moved.push(s.plan.partition);
      }
    }
    this.assign(moved);
  }
}
