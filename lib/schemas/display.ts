/**
 * What the Schemas pages show of a registry's subjects: the formats in words, a schema pretty-printed, the topic a
 * subject belongs to under the TopicNameStrategy, the list page's search (in the URL), and a side-by-side diff.
 */
import { diffLines } from "diff";
import type { SchemaFormat, SubjectSummary } from "@/lib/api/schemas";

export const FORMAT_WORDS: Record<SchemaFormat, string> = {
  AVRO: "Avro",
  PROTOBUF: "Protobuf",
  JSON: "JSON Schema",
};

/** Avro and JSON Schema indented by two spaces; .proto text (or a serialized descriptor) as the registry keeps it. */
export function prettySchema(schema: string, format: SchemaFormat): string {
  if (format === "PROTOBUF") return schema.endsWith("\n") ? schema.slice(0, -1) : schema;
  try {
    return JSON.stringify(JSON.parse(schema), null, 2);
  } catch {
    return schema;
  }
}

/** The topic and part a subject names under the TopicNameStrategy (`orders-value` → orders, value), or null. */
export function topicOfSubject(subject: string): { topic: string; part: "key" | "value" } | null {
  const match = /^(.+)-(key|value)$/.exec(subject);
  if (!match?.[1]) return null;
  return { topic: match[1], part: match[2] === "key" ? "key" : "value" };
}

/** The Schemas page's view: the search, kept in the URL (`?q=`). */
export interface SubjectListState {
  q: string;
}

export function parseSubjectListState(params: Pick<URLSearchParams, "get">): SubjectListState {
  return { q: params.get("q")?.trim() ?? "" };
}

export function subjectListStateToSearch(state: SubjectListState): string {
  const q = state.q.trim();
  return q ? new URLSearchParams({ q }).toString() : "";
}

/** Subjects whose name, format or a referencing subject contains the search, in any case. */
export function filterSubjects(subjects: readonly SubjectSummary[], q: string): SubjectSummary[] {
  const needle = q.trim().toLowerCase();
  if (!needle) return [...subjects];
  return subjects.filter(
    (s) =>
      s.subject.toLowerCase().includes(needle) ||
      FORMAT_WORDS[s.format].toLowerCase() === needle ||
      s.referencedBy.some((r) => r.toLowerCase().includes(needle)),
  );
}

/** One side of a diff row: its line number and text, and whether it was removed (left) or added (right). */
export interface DiffSide {
  line: number;
  text: string;
  changed: boolean;
}

/** A row of a side-by-side diff: the old line on the left, the new on the right; a side is null where it has none. */
export interface DiffRow {
  left: DiffSide | null;
  right: DiffSide | null;
}

function linesOf(value: string): string[] {
  const lines = value.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/**
 * A side-by-side line diff of two texts (the `diff` library's line diff): unchanged lines face each other, a removed
 * run faces the added run that replaced it, line by line, and the longer run's rest faces an empty side.
 */
export function sideBySide(before: string, after: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let left = 1;
  let right = 1;
  let removed: string[] = [];
  const flush = (added: string[]) => {
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      const old = removed[i];
      const neu = added[i];
      rows.push({
        left: old === undefined ? null : { line: left++, text: old, changed: true },
        right: neu === undefined ? null : { line: right++, text: neu, changed: true },
      });
    }
    removed = [];
  };
  for (const change of diffLines(
    before.endsWith("\n") ? before : `${before}\n`,
    after.endsWith("\n") ? after : `${after}\n`,
  )) {
    const lines = linesOf(change.value);
    if (change.removed) {
      removed.push(...lines);
    } else if (change.added) {
      flush(lines);
    } else {
      flush([]);
      for (const text of lines)
        rows.push({ left: { line: left++, text, changed: false }, right: { line: right++, text, changed: false } });
    }
  }
  flush([]);
  return rows;
}
