/**
 * The consumer-groups benchmark (groups.ts): its settings, and the list request with the check of every answer (every
 * bench group, its partitions, exact lag and lag in time).
 */
import { performance } from "node:perf_hooks";
import type { ConsumerGroupsResponse, GroupSummary } from "../../lib/api/types";
import {
  BENCH_GROUPS,
  type GroupsDataSet,
  PARTITIONS_PER_TOPIC,
  RECORD_SPACING_MS,
  committedOffset,
  topicOfGroup,
} from "./groups-data";

export const CLUSTER = "bench";
export const COLD_STARTS = 3;
/** Requests to a throwaway server before the cold starts, so the brokers have served these requests before. */
export const BROKER_WARM_UP_REQUESTS = 3;
export const STEADY_SAMPLES = 10;
/** One baseline pass after every STEADY_PER_PASS steady requests. */
export const STEADY_PER_PASS = 2;
export const BASELINE_CONCURRENCY = 20;
export const CONCURRENT_REQUESTS = 10;
export const PAGE_SAMPLES = 3;
export const API_TARGET_MS = 1_000;
/** A screenful of rows plus the virtualizer's overscan, far below 500. */
export const DOM_ROWS_TARGET = 100;
/** The server shares a groups read (the list, committed offsets, the summaries) for 2 s after it ends. */
export const SHARED_MS = 2_000;
/** Each steady request starts at least this long after the previous answer, so none is served from a shared read. */
export const REFRESH_GAP_MS = 2_500;
/**
 * The server's background lag sampler (server/groups/lag-history.ts) reads every group every 10 s from its first groups
 * request.
 */
export const SAMPLER_MS = 10_000;
/** Lag in time as the console reads it may differ from the records' stamps by the request's own duration. */
export const LAG_SECONDS_TOLERANCE = 30;

export interface ApiCall {
  ms: number;
  sentAt: number;
  endAt: number;
  bytes: number;
  body: ConsumerGroupsResponse;
  lagTime: LagTimeCheck;
}

/**
 * Bench groups whose lag in time the answer does not know (null), or gives more than 30 s off the records' age
 * (or, for a lower bound, more than 30 s above it); and how many answers were lower bounds (lagSecondsComplete
 * false: not every lagging partition read yet), which is allowed.
 */
export interface LagTimeCheck {
  unknown: number;
  off: number;
  partial: number;
  example: string | undefined;
}

/**
 * Fails at once unless the answer lists every bench group with its partitions, topic and exact lag: without that the
 * times mean nothing. The lag in time is counted rather than fatal, so a run that gets it wrong still measures,
 * reports the problem in a failed row and exits 1 at the end.
 */
export function checkAnswer(body: ConsumerGroupsResponse, data: GroupsDataSet, receivedAt: number): LagTimeCheck {
  const byId = new Map(body.groups.map((g) => [g.groupId, g]));
  const problems: string[] = [];
  const lagTime: LagTimeCheck = { unknown: 0, off: 0, partial: 0, example: undefined };
  if (body.groups.length !== body.total)
    problems.push(`${body.groups.length} groups listed of ${body.total} (limit=all)`);
  for (const [index, groupId] of BENCH_GROUPS.entries()) {
    const g: GroupSummary | undefined = byId.get(groupId);
    if (!g) {
      problems.push(`${groupId} missing`);
      continue;
    }
    const expectedLag = data.expectedLag.get(groupId);
    if (g.partitions !== PARTITIONS_PER_TOPIC)
      problems.push(`${groupId}: ${g.partitions} partitions, expected ${PARTITIONS_PER_TOPIC}`);
    if (!(g.lag > 0) || g.lag !== expectedLag) problems.push(`${groupId}: lag ${g.lag}, expected ${expectedLag}`);
    if (g.topics.length !== 1 || g.topics[0] !== topicOfGroup(index))
      problems.push(`${groupId}: topics ${g.topics.join(",")}, expected ${topicOfGroup(index)}`);
    // The oldest unconsumed record is record `index % 30` (see committedOffset), stamped at a known time.
    const oldest = Math.min(...Array.from({ length: PARTITIONS_PER_TOPIC }, (_, p) => committedOffset(index, p)));
    const expectedSeconds = (receivedAt - (data.firstRecordAt + oldest * RECORD_SPACING_MS)) / 1000;
    if (g.lagSeconds === null) {
      lagTime.unknown += 1;
      lagTime.example ??= `${groupId}: lag in time null, expected about ${Math.round(expectedSeconds)} s`;
    } else if (!g.lagSecondsComplete) {
      lagTime.partial += 1;
      if (g.lagSeconds > expectedSeconds + LAG_SECONDS_TOLERANCE) {
        lagTime.off += 1;
        lagTime.example ??=
          `${groupId}: lag in time at least ${Math.round(g.lagSeconds)} s, but the oldest ` +
          `record is about ${Math.round(expectedSeconds)} s old`;
      }
    } else if (Math.abs(g.lagSeconds - expectedSeconds) > LAG_SECONDS_TOLERANCE) {
      lagTime.off += 1;
      lagTime.example ??=
        `${groupId}: lag in time ${Math.round(g.lagSeconds)} s, expected about ` + `${Math.round(expectedSeconds)} s`;
    }
  }
  if (problems.length > 0)
    throw new Error(
      `GET consumer-groups answered wrong (${problems.length} problem(s)): ${problems.slice(0, 5).join("; ")}.`,
    );
  return lagTime;
}

/** For the log: "", or how many groups the answer gave a wrong lag in time. */
export function lagTimeNote(call: ApiCall): string {
  const { unknown, off } = call.lagTime;
  return unknown + off === 0 ? "" : `; lag in time unknown for ${unknown} groups, off for ${off}`;
}

/** The request alone, timed to the last byte of the body; parsing and checking come after (see getGroupsAtOnce). */
export async function rawGet(
  url: string,
): Promise<{ sentAt: number; endAt: number; receivedAt: number; text: string }> {
  const sentAt = performance.now();
  const response = await fetch(`${url}/api/clusters/${CLUSTER}/consumer-groups?limit=all`, {
    signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  const endAt = performance.now();
  if (!response.ok) throw new Error(`GET consumer-groups answered ${response.status}: ${text.slice(0, 300)}`);
  return { sentAt, endAt, receivedAt: Date.now(), text };
}

export function checked(raw: Awaited<ReturnType<typeof rawGet>>, data: GroupsDataSet): ApiCall {
  const body = JSON.parse(raw.text) as ConsumerGroupsResponse;
  const lagTime = checkAnswer(body, data, raw.receivedAt);
  return {
    ms: raw.endAt - raw.sentAt,
    sentAt: raw.sentAt,
    endAt: raw.endAt,
    bytes: Buffer.byteLength(raw.text),
    body,
    lagTime,
  };
}

export async function getGroups(url: string, data: GroupsDataSet): Promise<ApiCall> {
  return checked(await rawGet(url), data);
}

/** Requests at once, checked only once they have all answered, so checking one does not delay the others' timing. */
export async function getGroupsAtOnce(url: string, data: GroupsDataSet, count: number): Promise<ApiCall[]> {
  const raws = await Promise.all(Array.from({ length: count }, () => rawGet(url)));
  return raws.map((raw) => checked(raw, data));
}
