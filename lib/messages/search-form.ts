/**
 * The Messages page's search form: its values as typed, read from the page URL and written back into it. The URL
 * carries `topic` plus the stream's own parameters (lib/messages/query.ts), so the form is validated with the one
 * schema, messageQuerySchema, whose issues name the parameter of each problem. Times are typed in the browser's time
 * zone (datetime-local inputs) and travel in the URL as ISO 8601 UTC.
 */
import {
  type MessageQuery,
  messageQuerySchema,
  parseTime,
  type QueryParam,
  type RawMessageQuery,
  rawQueryFrom,
  type StartPosition,
  START_POSITIONS,
  type TextMatch,
} from "@/lib/messages/query";
import { topicNameSchema } from "@/lib/topics/schemas";

export interface SearchFormValues {
  topic: string;
  from: StartPosition;
  limit: string;
  partitions: string;
  offset: string;
  /** datetime-local values ("2026-11-21T10:30" or with seconds), in the browser's time zone. */
  timestamp: string;
  key: string;
  keyMatch: TextMatch;
  value: string;
  valueMatch: TextMatch;
  header: string;
  headerValue: string;
  headerMatch: TextMatch;
  jsonPath: string;
  jsonValue: string;
  minOffset: string;
  maxOffset: string;
  since: string;
  until: string;
}

/** The parameters of a datetime-local field. */
const TIME_PARAMS = ["timestamp", "since", "until"] as const;
type TimeParam = (typeof TIME_PARAMS)[number];
const isTimeParam = (param: QueryParam): param is TimeParam => (TIME_PARAMS as readonly string[]).includes(param);

/** The filters behind "More filters": open when one of them is set. */
export const MORE_FILTER_PARAMS = [
  "header",
  "headerValue",
  "jsonPath",
  "jsonValue",
  "minOffset",
  "maxOffset",
  "since",
  "until",
] as const satisfies readonly QueryParam[];

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Epoch ms as a datetime-local value in the browser's time zone (seconds always, milliseconds when not zero). */
export function epochMsToLocalDateTime(ms: number): string {
  const d = new Date(ms);
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const base = `${date}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return d.getMilliseconds() === 0 ? base : `${base}.${pad(d.getMilliseconds(), 3)}`;
}

/**
 * A datetime-local value (browser time zone) as ISO 8601 UTC without needless milliseconds; "" when blank or not a
 * time.
 */
export function localDateTimeToIso(value: string): string {
  const v = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(v)) return "";
  // A date-time without an offset is local time in JavaScript.
  const ms = new Date(v).getTime();
  return Number.isFinite(ms) ? new Date(ms).toISOString().replace(".000Z", "Z") : "";
}

/** A time from the URL (ISO 8601 or epoch ms) for a datetime-local input; text that is not a time stays as it is. */
function urlTimeToLocal(text: string): string {
  const ms = parseTime(text);
  return ms === null ? text : epochMsToLocalDateTime(ms);
}

const match = (text: string | undefined): TextMatch => (text === "equals" ? "equals" : "contains");

/** The form's values from the page's query string. */
export function formValuesFromUrl(params: URLSearchParams): SearchFormValues {
  const raw = rawQueryFrom(params);
  const from = START_POSITIONS.find((p) => p === raw.from) ?? "newest";
  return {
    topic: params.get("topic") ?? "",
    from,
    limit: raw.limit ?? "",
    partitions: raw.partitions ?? "",
    offset: raw.offset ?? "",
    timestamp: raw.timestamp === undefined ? "" : urlTimeToLocal(raw.timestamp),
    key: raw.key ?? "",
    keyMatch: match(raw.keyMatch),
    value: raw.value ?? "",
    valueMatch: match(raw.valueMatch),
    header: raw.header ?? "",
    headerValue: raw.headerValue ?? "",
    headerMatch: match(raw.headerMatch),
    jsonPath: raw.jsonPath ?? "",
    jsonValue: raw.jsonValue ?? "",
    minOffset: raw.minOffset ?? "",
    maxOffset: raw.maxOffset ?? "",
    since: raw.since === undefined ? "" : urlTimeToLocal(raw.since),
    until: raw.until === undefined ? "" : urlTimeToLocal(raw.until),
  };
}

export function emptySearchForm(topic = ""): SearchFormValues {
  return formValuesFromUrl(new URLSearchParams(topic ? { topic } : {}));
}

/**
 * The raw search of the form: what goes into the URL and to the stream. Only the parameters the chosen start uses are
 * kept (an offset typed before switching to "Live" is not sent). A time that is typed but cannot be read stays as
 * typed, so the schema names it.
 */
export function rawQueryOfForm(values: SearchFormValues): RawMessageQuery {
  const raw: RawMessageQuery = {};
  const set = (param: QueryParam, text: string) => {
    const v = isTimeParam(param) ? localDateTimeToIso(text) || text.trim() : text;
    if (v.trim() !== "") raw[param] = v;
  };
  raw.from = values.from;
  set("limit", values.limit.trim());
  set("partitions", values.partitions.replace(/\s+/g, ""));
  if (values.from === "offset") set("offset", values.offset.replace(/\s+/g, ""));
  if (values.from === "timestamp") set("timestamp", values.timestamp);
  set("key", values.key);
  if (raw.key !== undefined) raw.keyMatch = values.keyMatch;
  set("value", values.value);
  if (raw.value !== undefined) raw.valueMatch = values.valueMatch;
  set("header", values.header);
  set("headerValue", values.headerValue);
  if (raw.headerValue !== undefined) raw.headerMatch = values.headerMatch;
  set("jsonPath", values.jsonPath.trim());
  set("jsonValue", values.jsonValue);
  set("minOffset", values.minOffset.trim());
  set("maxOffset", values.maxOffset.trim());
  set("since", values.since);
  set("until", values.until);
  return raw;
}

/** Problems by field ("topic" or a query parameter), in words. */
export type SearchErrors = Partial<Record<QueryParam | "topic", string[]>>;

export type CheckedSearch =
  { ok: true; topic: string; raw: RawMessageQuery; query: MessageQuery } | { ok: false; errors: SearchErrors };

/** The form checked with the stream's schema (and the topic with the topic name rules). */
export function checkSearch(values: SearchFormValues): CheckedSearch {
  const raw = rawQueryOfForm(values);
  return checkRawSearch(values.topic.trim(), raw);
}

/** A search as it stands in a URL, checked the same way. */
export function checkRawSearch(topic: string, raw: RawMessageQuery): CheckedSearch {
  const errors: SearchErrors = {};
  const add = (field: QueryParam | "topic", message: string) => {
    (errors[field] ??= []).push(message);
  };
  const name = topicNameSchema.safeParse(topic);
  if (!name.success)
    add("topic", topic === "" ? "Choose a topic." : (name.error.issues[0]?.message ?? "Not a topic name."));
  const parsed = messageQuerySchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const param = issue.path[0];
      add(typeof param === "string" ? (param as QueryParam) : "from", issue.message);
    }
  }
  if (!parsed.success || !name.success) return { ok: false, errors };
  return { ok: true, topic, raw, query: parsed.data };
}

/** True when one of the less common filters is set (the disclosure then starts open). */
export function usesMoreFilters(values: SearchFormValues): boolean {
  return MORE_FILTER_PARAMS.some((param) => values[param].trim() !== "");
}
