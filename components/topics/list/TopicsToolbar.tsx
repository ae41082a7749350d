"use client";

import { useId } from "react";
import { TextInput } from "@/components/ui/Form";

/** The search box, the internal-topics toggle and the count of topics shown. */
export function TopicsToolbar({
  q,
  internal,
  internalCount,
  summary,
  onChange,
}: {
  q: string;
  internal: boolean;
  internalCount: number;
  summary: string;
  onChange: (change: { q?: string; internal?: boolean }) => void;
}) {
  const searchId = useId();
  return (
    <div className="mb-4 flex flex-wrap items-center gap-x-6 gap-y-3">
      <div className="w-full sm:w-80">
        <label htmlFor={searchId} className="sr-only">
          Search topics
        </label>
        <TextInput
          id={searchId}
          type="search"
          value={q}
          placeholder="Search topics by name"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onChange({ q: event.target.value })}
        />
      </div>
      <label className="inline-flex items-center gap-2 text-sm">
        <input type="checkbox" checked={internal} onChange={(event) => onChange({ internal: event.target.checked })} className="size-4 accent-indigo-700 dark:accent-indigo-300" />
        Show internal topics
        {internalCount > 0 ? <span className="text-muted">({internalCount})</span> : null}
      </label>
      <p aria-live="polite" data-testid="topics-count" className="text-sm text-muted sm:ml-auto">
        {summary}
      </p>
    </div>
  );
}
