import "server-only";
import type { MessageFilters, TextFilter } from "@/lib/messages/query";
import { type DecodedRecord } from "@/server/kafka/protocol";

/**
 * The search's filters as one predicate over decoded records, compiled once per stream. Text filters compare
 * bytes (the filter's UTF-8 against the record's raw bytes), so a binary key is searched without decoding it and
 * "contains" is case-sensitive, like grep.
 */
export type RecordMatcher = (record: DecodedRecord) => boolean;

function textMatcher(filter: TextFilter): (bytes: Buffer | null) => boolean {
  const needle = Buffer.from(filter.text, "utf8");
  return filter.match === "equals"
    ? (bytes) => bytes !== null && bytes.equals(needle)
    : (bytes) => bytes !== null && bytes.indexOf(needle) !== -1;
}

/** The value at `path` in parsed JSON, or undefined when there is none. */
function at(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const step of path) {
    if (typeof current !== "object" || current === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, step)) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/** A JSON leaf as the text a person would type to match it: strings as they are, the rest as JSON. */
function leafText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function jsonMatcher(path: readonly string[], wanted: string): (bytes: Buffer | null) => boolean {
  return (bytes) => {
    if (bytes === null || bytes.length === 0) return false;
    // Only values that look like JSON objects or arrays are parsed.
    const first = bytes.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
    if (first !== 0x7b && first !== 0x5b) return false;
    try {
      const found = at(JSON.parse(bytes.toString("utf8")) as unknown, path);
      return found !== undefined && leafText(found) === wanted;
    } catch {
      return false;
    }
  };
}

export function compileFilters(filters: MessageFilters): RecordMatcher {
  const checks: RecordMatcher[] = [];
  if (filters.minOffset !== undefined) {
    const min = filters.minOffset;
    checks.push((r) => r.offset >= min);
  }
  if (filters.maxOffset !== undefined) {
    const max = filters.maxOffset;
    checks.push((r) => r.offset <= max);
  }
  if (filters.since !== undefined) {
    const since = filters.since;
    checks.push((r) => r.timestamp >= since);
  }
  if (filters.until !== undefined) {
    const until = filters.until;
    checks.push((r) => r.timestamp <= until);
  }
  if (filters.key) {
    const match = textMatcher(filters.key);
    checks.push((r) => match(r.key));
  }
  if (filters.header) {
    const { name } = filters.header;
    const value = filters.header.value ? textMatcher(filters.header.value) : null;
    checks.push((r) => r.headers.some((h) => h.key === name && (value === null || value(h.value))));
  }
  if (filters.value) {
    const match = textMatcher(filters.value);
    checks.push((r) => match(r.value));
  }
  if (filters.json) {
    const match = jsonMatcher(filters.json.path, filters.json.value);
    checks.push((r) => match(r.value));
  }
  if (checks.length === 0) return () => true;
  return (record) => checks.every((check) => check(record));
}
