"use client";

import { useId } from "react";
import { SearchBox, SelectInput, TextInput } from "@/components/ui/Form";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS } from "@/lib/audit/entry";
import { AUDIT_RESULTS, type AuditListState } from "@/lib/audit/query";

const RESULT_WORDS = { ok: "Done", failed: "Failed" } as const;

/** The Audit page's filters: cluster, who, action, result and free text. Each change goes to the URL. */
export function AuditToolbar({ state, clusters, onChange }: { state: AuditListState; clusters: readonly string[]; onChange: (change: Partial<AuditListState>) => void }) {
  const id = useId();
  // A cluster named in the URL that is not configured (entries may name one) stays choosable.
  const clusterOptions = state.cluster && !clusters.includes(state.cluster) ? [...clusters, state.cluster] : clusters;
  return (
    <div role="search" aria-label="Filter the audit log" className="mb-4 flex flex-wrap items-end gap-x-4 gap-y-3">
      <SearchBox label="Search the audit log" placeholder="Search topics, groups, values, messages…" value={state.q} onChange={(q) => onChange({ q })} className="w-full sm:w-72" />
      <div>
        <label htmlFor={`${id}-cluster`} className="mb-1 block text-xs font-medium text-muted">
          Cluster
        </label>
        <SelectInput id={`${id}-cluster`} className="w-auto" value={state.cluster ?? ""} onChange={(event) => onChange({ cluster: event.target.value || null })}>
          <option value="">Any cluster</option>
          {clusterOptions.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </SelectInput>
      </div>
      <div>
        <label htmlFor={`${id}-action`} className="mb-1 block text-xs font-medium text-muted">
          Action
        </label>
        <SelectInput
          id={`${id}-action`}
          className="w-auto"
          value={state.action ?? ""}
          onChange={(event) => onChange({ action: AUDIT_ACTIONS.find((a) => a === event.target.value) ?? null })}
        >
          <option value="">Any action</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {AUDIT_ACTION_LABELS[action]}
            </option>
          ))}
        </SelectInput>
      </div>
      <div>
        <label htmlFor={`${id}-result`} className="mb-1 block text-xs font-medium text-muted">
          Result
        </label>
        <SelectInput
          id={`${id}-result`}
          className="w-auto"
          value={state.result ?? ""}
          onChange={(event) => onChange({ result: AUDIT_RESULTS.find((r) => r === event.target.value) ?? null })}
        >
          <option value="">Any result</option>
          {AUDIT_RESULTS.map((result) => (
            <option key={result} value={result}>
              {RESULT_WORDS[result]}
            </option>
          ))}
        </SelectInput>
      </div>
      <div>
        <label htmlFor={`${id}-actor`} className="mb-1 block text-xs font-medium text-muted">
          Who
        </label>
        <TextInput id={`${id}-actor`} className="w-40" value={state.actor} placeholder="Any user" autoComplete="off" spellCheck={false} onChange={(event) => onChange({ actor: event.target.value })} />
      </div>
    </div>
  );
}
