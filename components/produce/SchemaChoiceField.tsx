"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { SelectInput } from "@/components/ui/Form";
import { subjectQuery, subjectsQuery } from "@/lib/query/options";
import { FORMAT_WORDS } from "@/lib/schemas/display";
import type { SchemaChoice } from "@/lib/schemas/produce";

/**
 * Writes the key or the value with a registry schema: a subject (the topic's own `<topic>-key` / `<topic>-value`
 * first) and a version, or the latest. The record is then written as JSON, checked against the schema and encoded in
 * the Confluent wire format by the server. Shows nothing when the cluster has no schema registry.
 */
export function SchemaChoiceField({
  cluster,
  topic,
  part,
  choice,
  onChange,
  errors,
  disabled,
}: {
  cluster: string;
  topic: string;
  part: "key" | "value";
  choice: SchemaChoice | null;
  onChange: (choice: SchemaChoice | null) => void;
  errors: readonly string[] | undefined;
  disabled: boolean;
}) {
  const id = useId();
  const subjects = useQuery({ ...subjectsQuery(cluster), retry: false });
  const versions = useQuery({ ...subjectQuery(cluster, choice?.subject ?? ""), enabled: Boolean(choice?.subject) });
  if (!subjects.data) return null;
  const own = `${topic.trim()}-${part}`;
  const listed = [...subjects.data.subjects].sort((a, b) => Number(b.subject === own) - Number(a.subject === own));
  const format = listed.find((s) => s.subject === choice?.subject)?.format;
  const label = part === "key" ? "Key schema" : "Value schema";
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <label htmlFor={`${id}-subject`} className="font-medium">
          {label}
        </label>
        <SelectInput
          id={`${id}-subject`}
          className="w-auto max-w-full"
          disabled={disabled}
          aria-invalid={Boolean(errors?.length)}
          aria-describedby={errors?.length ? errorId : undefined}
          value={choice?.subject ?? ""}
          onChange={(event) => onChange(event.target.value ? { subject: event.target.value, version: "latest" } : null)}
        >
          <option value="">None: the {part} as typed</option>
          {listed.map((s) => (
            <option key={s.subject} value={s.subject}>
              {s.subject} ({FORMAT_WORDS[s.format]})
            </option>
          ))}
        </SelectInput>
        {choice ? (
          <>
            <label htmlFor={`${id}-version`} className="sr-only">
              {label} version
            </label>
            <SelectInput
              id={`${id}-version`}
              className="w-auto"
              disabled={disabled}
              value={String(choice.version)}
              onChange={(event) =>
                onChange({
                  subject: choice.subject,
                  version: event.target.value === "latest" ? "latest" : Number(event.target.value),
                })
              }
            >
              <option value="latest">Latest version</option>
              {(versions.data?.versions ?? []).map((v) => (
                <option key={v.version} value={v.version}>
                  Version {v.version}
                </option>
              ))}
            </SelectInput>
          </>
        ) : null}
      </div>
      {choice ? (
        <p className="text-xs text-muted">
          Write the {part} as JSON: it is checked against the {format ? FORMAT_WORDS[format] : ""} schema and encoded in
          the registry&apos;s wire format before it is sent.
        </p>
      ) : null}
      {errors?.length ? (
        <p id={errorId} className="text-xs font-medium text-red-700 dark:text-red-300">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
