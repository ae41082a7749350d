import { describe, expect, it } from "vitest";
import type { SubjectSummary } from "@/lib/api/schemas";
import {
  filterSubjects,
  parseSubjectListState,
  prettySchema,
  sideBySide,
  subjectListStateToSearch,
  topicOfSubject,
} from "./display";

const summary = (subject: string, over: Partial<SubjectSummary> = {}): SubjectSummary => ({
  subject,
  format: "AVRO",
  latestVersion: 1,
  id: 1,
  compatibility: "BACKWARD",
  referencedBy: [],
  ...over,
});

describe("schema display", () => {
  it("pretty-prints Avro and JSON Schema, and leaves .proto text as written", () => {
    expect(prettySchema('{"type":"string"}', "AVRO")).toBe('{\n  "type": "string"\n}');
    expect(prettySchema('{"type":"object"}', "JSON")).toBe('{\n  "type": "object"\n}');
    expect(prettySchema("not json", "AVRO")).toBe("not json");
    expect(prettySchema('syntax = "proto3";\n', "PROTOBUF")).toBe('syntax = "proto3";');
  });

  it("names the topic of a subject under the TopicNameStrategy", () => {
    expect(topicOfSubject("orders-value")).toEqual({ topic: "orders", part: "value" });
    expect(topicOfSubject("my-orders-key")).toEqual({ topic: "my-orders", part: "key" });
    expect(topicOfSubject("com.acme.Order")).toBeNull();
    expect(topicOfSubject("-value")).toBeNull();
  });

  it("keeps the search in the URL and filters by name, format word and referencing subject", () => {
    expect(subjectListStateToSearch(parseSubjectListState(new URLSearchParams("q=%20ord%20")))).toBe("q=ord");
    expect(subjectListStateToSearch({ q: "" })).toBe("");
    const list = [
      summary("orders-value"),
      summary("users-value", { format: "PROTOBUF", referencedBy: ["audit-value"] }),
    ];
    expect(filterSubjects(list, "ORD").map((s) => s.subject)).toEqual(["orders-value"]);
    expect(filterSubjects(list, "protobuf").map((s) => s.subject)).toEqual(["users-value"]);
    expect(filterSubjects(list, "audit").map((s) => s.subject)).toEqual(["users-value"]);
    expect(filterSubjects(list, " ")).toHaveLength(2);
  });

  it("lines a diff up side by side: changed lines face each other, extra ones face nothing", () => {
    const rows = sideBySide("a\nb\nc\n", "a\nB\nc\nd");
    expect(rows).toEqual([
      { left: { line: 1, text: "a", changed: false }, right: { line: 1, text: "a", changed: false } },
      { left: { line: 2, text: "b", changed: true }, right: { line: 2, text: "B", changed: true } },
      { left: { line: 3, text: "c", changed: false }, right: { line: 3, text: "c", changed: false } },
      { left: null, right: { line: 4, text: "d", changed: true } },
    ]);
    expect(sideBySide("x\ny", "y")).toEqual([
      { left: { line: 1, text: "x", changed: true }, right: null },
      { left: { line: 2, text: "y", changed: false }, right: { line: 1, text: "y", changed: false } },
    ]);
  });
});
