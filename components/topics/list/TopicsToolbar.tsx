"use client";

import { SearchBox } from "@/components/ui/Form";

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
  return (
    <div className="mb-4 flex flex-wrap items-center gap-x-6 gap-y-3">
      <SearchBox
        label="Search topics"
        placeholder="Search topics by name"
        value={q}
        onChange={(value) => onChange({ q: value })}
        className="w-full sm:w-80"
      />
      <label className="inline-flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={internal}
          onChange={(event) => onChange({ internal: event.target.checked })}
          className="size-4 accent-indigo-700 dark:accent-indigo-300"
        />
        Show internal topics
        {internalCount > 0 ? <span className="text-muted">({internalCount})</span> : null}
      </label>
      <p aria-live="polite" data-testid="topics-count" className="text-sm text-muted sm:ml-auto">
        {summary}
      </p>
    </div>
  );
}
