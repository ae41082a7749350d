"use client";

import { useId } from "react";
import { SearchBox, SelectInput, TextInput } from "@/components/ui/Form";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS } from "@/lib/audit/entry";
import { AUDIT_RESULTS, type AuditListState } from "@/lib/audit/query";

const RESULT_WORDS = { ok: "Done", failed: "Failed" } as const;

/** A labelled select of one filter: "Any …" (null) or one of `choices`. */
function ChoiceFilter<T extends string>({
  id,
  label,
  any,
  choices,
  words,
  value,
  onChange,
}: {
  id: string;
  label: string;
  any: string;
  choices: readonly T[];
  words: (choice: T) => string;
  value: T | null;
  onChange: (value: T | null) => void;
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-muted">
        {label}
      </label>
      <SelectInput
        id={id}
        className="w-auto"
        value={value ?? ""}
        onChange={(event) => onChange(choices.find((choice) => choice === event.target.value) ?? null)}
      >
        <option value="">{any}</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {words(choice)}
          </option>
        ))}
      </SelectInput>
    </div>
  );
}

/** The Audit page's filters: cluster, who, action, result and free text. Each change goes to the URL. */
export function AuditToolbar({
  state,
  clusters,
  onChange,
}: {
  state: AuditListState;
  clusters: readonly string[];
  onChange: (change: Partial<AuditListState>) => void;
}) {
  const id = useId();
  // A cluster named in the URL that is not configured (entries may name one) stays choosable.
  const clusterOptions = state.cluster && !clusters.includes(state.cluster) ? [...clusters, state.cluster] : clusters;
  return (
    <div role="search" aria-label="Filter the audit log" className="mb-4 flex flex-wrap items-end gap-x-4 gap-y-3">
      <SearchBox
        label="Search the audit log"
        placeholder="Search topics, groups, values, messages…"
        value={state.q}
        onChange={(q) => onChange({ q })}
        className="w-full sm:w-72"
      />
      <ChoiceFilter
        id={`${id}-cluster`}
        label="Cluster"
        any="Any cluster"
        choices={clusterOptions}
        words={(name) => name}
        value={state.cluster}
        onChange={(cluster) => onChange({ cluster })}
      />
      <ChoiceFilter
        id={`${id}-action`}
        label="Action"
        any="Any action"
        choices={AUDIT_ACTIONS}
        words={(action) => AUDIT_ACTION_LABELS[action]}
        value={state.action}
        onChange={(action) => onChange({ action })}
      />
      <ChoiceFilter
        id={`${id}-result`}
        label="Result"
        any="Any result"
        choices={AUDIT_RESULTS}
        words={(result) => RESULT_WORDS[result]}
        value={state.result}
        onChange={(result) => onChange({ result })}
      />
      <div>
        <label htmlFor={`${id}-actor`} className="mb-1 block text-xs font-medium text-muted">
          Who
        </label>
        <TextInput
          id={`${id}-actor`}
          className="w-40"
          value={state.actor}
          placeholder="Any user"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onChange({ actor: event.target.value })}
        />
      </div>
    </div>
  );
}
