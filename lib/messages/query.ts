/**
 * The one schema of a message search: the query string of the message stream (the API) and of the Messages page
 * (whose URL carries the same parameters plus `topic`, so a link reproduces a search). Every parameter arrives as
 * text; the schema turns them into a typed query and names the parameter of each problem.
 */
import { z } from "@/lib/zod";

export const START_POSITIONS = ["oldest", "newest", "live", "offset", "timestamp"] as const;
export type StartPosition = (typeof START_POSITIONS)[number];
export const TEXT_MATCHES = ["contains", "equals"] as const;
export type TextMatch = (typeof TEXT_MATCHES)[number];

/** How many messages one stream may send at most, and what a search sends when no limit is given. */
export const MAX_LIMIT = 1_000_000;
export const DEFAULT_LIMIT = 100;
/** The longest filter text accepted (a filter is a search term, not a document). */
export const MAX_FILTER_LENGTH = 1_000;
const INT64_MAX = 9_223_372_036_854_775_807n;
const INT32_MAX = 2_147_483_647;

/** Every parameter the stream and the page understand, in the order the page writes them into a URL. */
export const QUERY_PARAMS = [
  "from",
  "limit",
  "partitions",
  "offset",
  "timestamp",
  "follow",
  "key",
  "keyMatch",
  "value",
  "valueMatch",
  "header",
  "headerValue",
  "headerMatch",
  "jsonPath",
  "jsonValue",
  "minOffset",
  "maxOffset",
  "since",
  "until",
] as const;
export type QueryParam = (typeof QUERY_PARAMS)[number];
/** The raw search as text, exactly as in a URL; absent and empty parameters are the same. */
export type RawMessageQuery = Partial<Record<QueryParam, string>>;

export interface TextFilter {
  match: TextMatch;
  text: string;
}

export interface MessageFilters {
  /** Key, value: contains is a case-sensitive search for the text's UTF-8 bytes; equals compares whole bytes. */
  key?: TextFilter;
  value?: TextFilter;
  /** A header with this exact name, and optionally a value that matches. */
  header?: { name: string; value?: TextFilter };
  /** A JSON value whose field at `path` (["user", "id"] for `user.id`, ["items", "0"] for `items[0]`) is `value`. */
  json?: { path: string[]; value: string };
  minOffset?: bigint;
  maxOffset?: bigint;
  /** Epoch ms, inclusive. */
  since?: number;
  until?: number;
}

export type OffsetStart = { kind: "all"; offset: bigint } | { kind: "each"; offsets: Map<number, bigint> };

export interface MessageQuery {
  from: StartPosition;
  /** Messages to send at most; null for a live tail without a limit (it runs until the client leaves). */
  limit: number | null;
  /** Chosen partitions, or null for all. */
  partitions: number[] | null;
  /** Where to start when `from` is "offset". */
  offset: OffsetStart | null;
  /** Epoch ms to start at when `from` is "timestamp". */
  timestamp: number | null;
  /**
   * Keep reading new records after the end instead of stopping there: always for "live", and on request
   * (`follow=true`) for the others, such as resuming a paused live tail from the offsets where it stopped.
   */
  follow: boolean;
  filters: MessageFilters;
}

// ------------------------------------------------------------------------------------------------ parsing helpers
function withinInt64(digits: string): boolean {
  const significant = digits.replace(/^0+/, "");
  return significant.length <= 19 && BigInt(significant || "0") <= INT64_MAX;
}

type Issue = { param: QueryParam; message: string };

function parseOffset(text: string, param: QueryParam, issues: Issue[]): bigint | undefined {
  const v = text.trim();
  if (/^-\d+$/.test(v)) issues.push({ param, message: "An offset cannot be negative." });
  else if (!/^\d+$/.test(v))
    issues.push({ param, message: `"${clip(v)}" is not an offset: use a whole number, like 1200.` });
  else if (!withinInt64(v)) issues.push({ param, message: "That offset is beyond Kafka's 64-bit limit." });
  else return BigInt(v);
  return undefined;
}

function parsePartition(text: string, param: QueryParam, issues: Issue[]): number | undefined {
  const v = text.trim();
  if (/^-\d+$/.test(v)) issues.push({ param, message: "Partition numbers start at 0." });
  else if (!/^\d{1,10}$/.test(v) || Number(v) > INT32_MAX)
    issues.push({ param, message: `"${clip(v)}" is not a partition number.` });
  else return Number(v);
  return undefined;
}

/** A point in time: epoch milliseconds, or an ISO 8601 date or date-time (without a zone it is read as UTC). */
export function parseTime(text: string): number | null {
  const v = text.trim();
  if (/^\d{1,15}$/.test(v)) return Number(v);
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(v)) return null;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(v) || !v.includes(":") ? v : `${v}Z`;
  const ms = Date.parse(zoned.replace(" ", "T"));
  return Number.isFinite(ms) ? ms : null;
}

function parseTimeParam(text: string, param: QueryParam, issues: Issue[]): number | undefined {
  const ms = parseTime(text);
  if (ms === null)
    issues.push({
      param,
      message: `"${clip(text)}" is not a time: use ISO 8601 (2026-11-21T09:30:00Z) or epoch milliseconds.`,
    });
  return ms ?? undefined;
}

/** `user.id`, `$.items[0].sku` or `items.0.sku` → ["user", "id"], ["items", "0", "sku"]. */
export function parseJsonPath(text: string): string[] | null {
  const v = text.trim().replace(/^\$\.?/, "");
  if (v.length === 0) return null;
  const parts = v.replace(/\[(\d+)\]/g, ".$1").split(".");
  return parts.every((p) => p.length > 0) ? parts : null;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function textFilter(
  raw: RawMessageQuery,
  text: "key" | "value" | "headerValue",
  match: "keyMatch" | "valueMatch" | "headerMatch",
): TextFilter | undefined {
  const value = raw[text];
  if (value === undefined || value === "") return undefined;
  return { text: value, match: raw[match] === "equals" ? "equals" : "contains" };
}

// ------------------------------------------------------------------------------------------------------ the schema
const optionalText = z
  .string()
  .max(MAX_FILTER_LENGTH, { error: `At most ${MAX_FILTER_LENGTH.toLocaleString("en-US")} characters.` })
  .optional();

/** The raw parameters: each a string (the last one wins when a parameter repeats), bounded in length. */
const rawSchema = z.object({
  from: z.enum(START_POSITIONS, { error: `Start at one of: ${START_POSITIONS.join(", ")}.` }).optional(),
  limit: optionalText,
  partitions: optionalText,
  offset: z.string().max(100_000, { error: "The offsets list is too long." }).optional(),
  timestamp: optionalText,
  follow: z.enum(["true", "false"], { error: "follow is true or false." }).optional(),
  key: optionalText,
  keyMatch: z.enum(TEXT_MATCHES, { error: "Match is contains or equals." }).optional(),
  value: optionalText,
  valueMatch: z.enum(TEXT_MATCHES, { error: "Match is contains or equals." }).optional(),
  header: optionalText,
  headerValue: optionalText,
  headerMatch: z.enum(TEXT_MATCHES, { error: "Match is contains or equals." }).optional(),
  jsonPath: optionalText,
  jsonValue: optionalText,
  minOffset: optionalText,
  maxOffset: optionalText,
  since: optionalText,
  until: optionalText,
});

/** Parses a raw search into a MessageQuery; problems come back as zod issues whose path is the parameter name. */
export const messageQuerySchema = rawSchema.transform((input, ctx): MessageQuery => {
  // Empty parameters are absent ones (a form submits empty fields).
  const raw: RawMessageQuery = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== ""));
  const issues: Issue[] = [];
  const from: StartPosition = (raw.from as StartPosition | undefined) ?? "newest";

  const follow = from === "live" || raw.follow === "true";
  let limit: number | null = follow ? null : DEFAULT_LIMIT;
  if (raw.limit !== undefined) {
    const v = raw.limit.trim();
    if (!/^\d+$/.test(v) || Number(v) < 1)
      issues.push({ param: "limit", message: "The limit is a whole number of messages, at least 1." });
    else if (Number(v) > MAX_LIMIT)
      issues.push({ param: "limit", message: `At most ${MAX_LIMIT.toLocaleString("en-US")} messages per search.` });
    else limit = Number(v);
  }

  let partitions: number[] | null = null;
  if (raw.partitions !== undefined) {
    const list = raw.partitions
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
    const parsed = list.map((p) => parsePartition(p, "partitions", issues));
    if (parsed.every((p): p is number => p !== undefined)) partitions = [...new Set(parsed)].sort((a, b) => a - b);
    if (list.length === 0) partitions = null;
  }

  let offset: OffsetStart | null = null;
  if (raw.offset !== undefined && from === "offset") {
    if (raw.offset.includes(":")) {
      const offsets = new Map<number, bigint>();
      for (const pair of raw.offset.split(",").filter((p) => p.trim().length > 0)) {
        const [p, o, extra] = pair.split(":");
        if (p === undefined || o === undefined || extra !== undefined) {
          issues.push({ param: "offset", message: `"${clip(pair)}" is not partition:offset, like 0:1200.` });
          continue;
        }
        const partition = parsePartition(p, "offset", issues);
        const at = parseOffset(o, "offset", issues);
        if (partition !== undefined && at !== undefined) offsets.set(partition, at);
      }
      offset = { kind: "each", offsets };
    } else {
      const at = parseOffset(raw.offset, "offset", issues);
      if (at !== undefined) offset = { kind: "all", offset: at };
    }
  }
  if (from === "offset" && raw.offset === undefined)
    issues.push({
      param: "offset",
      message: "Enter the offset to start at (or partition:offset pairs, like 0:1200,1:900).",
    });

  let timestamp: number | null = null;
  if (from === "timestamp") {
    if (raw.timestamp === undefined) issues.push({ param: "timestamp", message: "Enter the time to start at." });
    else timestamp = parseTimeParam(raw.timestamp, "timestamp", issues) ?? null;
  }

  const filters: MessageFilters = {};
  const key = textFilter(raw, "key", "keyMatch");
  if (key) filters.key = key;
  const value = textFilter(raw, "value", "valueMatch");
  if (value) filters.value = value;
  if (raw.header !== undefined) {
    const headerValue = textFilter(raw, "headerValue", "headerMatch");
    filters.header = headerValue ? { name: raw.header, value: headerValue } : { name: raw.header };
  } else if (raw.headerValue !== undefined)
    issues.push({ param: "header", message: "Name the header whose value to match." });
  if (raw.jsonPath !== undefined) {
    const path = parseJsonPath(raw.jsonPath);
    if (path === null)
      issues.push({ param: "jsonPath", message: "A JSON field is a path like user.id or items[0].sku." });
    else if (raw.jsonValue === undefined)
      issues.push({ param: "jsonValue", message: "Enter the value the JSON field must have." });
    else filters.json = { path, value: raw.jsonValue };
  } else if (raw.jsonValue !== undefined)
    issues.push({ param: "jsonPath", message: "Name the JSON field to match, like user.id." });
  if (raw.minOffset !== undefined) {
    const v = parseOffset(raw.minOffset, "minOffset", issues);
    if (v !== undefined) filters.minOffset = v;
  }
  if (raw.maxOffset !== undefined) {
    const v = parseOffset(raw.maxOffset, "maxOffset", issues);
    if (v !== undefined) filters.maxOffset = v;
  }
  if (filters.minOffset !== undefined && filters.maxOffset !== undefined && filters.minOffset > filters.maxOffset) {
    issues.push({ param: "maxOffset", message: "The highest offset is below the lowest one." });
  }
  if (raw.since !== undefined) {
    const v = parseTimeParam(raw.since, "since", issues);
    if (v !== undefined) filters.since = v;
  }
  if (raw.until !== undefined) {
    const v = parseTimeParam(raw.until, "until", issues);
    if (v !== undefined) filters.until = v;
  }
  if (filters.since !== undefined && filters.until !== undefined && filters.since > filters.until) {
    issues.push({ param: "until", message: "The end of the time range is before its start." });
  }

  for (const issue of issues) ctx.addIssue({ code: "custom", message: issue.message, path: [issue.param] });
  return { from, limit, partitions, offset, timestamp, follow, filters };
});

/** The raw search from URL parameters (unknown parameters are ignored; the last of a repeated one wins). */
export function rawQueryFrom(params: URLSearchParams): RawMessageQuery {
  const raw: RawMessageQuery = {};
  for (const name of QUERY_PARAMS) {
    const value = params.get(name);
    if (value !== null && value !== "") raw[name] = value;
  }
  return raw;
}

/** URL parameters of a raw search, in a stable order, leaving out empty ones and defaults that add nothing. */
export function searchParamsOf(raw: RawMessageQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of QUERY_PARAMS) {
    const value = raw[name];
    if (value === undefined || value === "") continue;
    if ((name === "keyMatch" || name === "valueMatch" || name === "headerMatch") && value === "contains") continue;
    if (name === "follow" && value === "false") continue;
    params.set(name, value);
  }
  return params;
}

/** True when any filter is set: the page says "matched" rather than "read". */
export function hasFilters(filters: MessageFilters): boolean {
  return Object.keys(filters).length > 0;
}
