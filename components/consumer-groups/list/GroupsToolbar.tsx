"use client";

import { useId } from "react";
import { SearchBox, SelectInput } from "@/components/ui/Form";
import type { GroupState } from "@/lib/api/types";
import { GROUP_STATE_WORDS } from "@/lib/groups/display";
import { GROUP_STATES } from "@/lib/groups/list";

/** The search box (group id or topic), the state filter, the behind-only toggle and the count of groups shown. */
export function GroupsToolbar({
  q,
  state,
  behind,
  summary,
  onChange,
}: {
  q: string;
  state: GroupState | null;
  behind: boolean;
  summary: string;
  onChange: (change: { q?: string; state?: GroupState | null; behind?: boolean }) => void;
}) {
  const stateId = useId();
  return (
    <div className="mb-4 flex flex-wrap items-center gap-x-6 gap-y-3">
      <SearchBox
        label="Search groups"
        placeholder="Search by group id or topic"
        value={q}
        onChange={(value) => onChange({ q: value })}
        className="w-full sm:w-80"
      />
      <div className="flex items-center gap-2">
        <label htmlFor={stateId} className="text-sm">
          State
        </label>
        <SelectInput
          id={stateId}
          className="w-auto"
          value={state ?? ""}
          onChange={(event) =>
            onChange({ state: GROUP_STATES.find((candidate) => candidate === event.target.value) ?? null })
          }
        >
          <option value="">Any state</option>
          {GROUP_STATES.map((candidate) => (
            <option key={candidate} value={candidate}>
              {GROUP_STATE_WORDS[candidate]}
            </option>
          ))}
        </SelectInput>
      </div>
      <label className="inline-flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={behind}
          onChange={(event) => onChange({ behind: event.target.checked })}
          className="size-4 accent-indigo-700 dark:accent-indigo-300"
        />
        Only groups falling behind or stalled
      </label>
      <p aria-live="polite" data-testid="groups-count" className="text-sm text-muted sm:ml-auto">
        {summary}
      </p>
    </div>
  );
}
