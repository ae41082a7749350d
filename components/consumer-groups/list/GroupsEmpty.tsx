import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { GROUP_STATE_WORDS } from "@/lib/groups/display";
import type { GroupListState } from "@/lib/groups/list";

/**
 * Nothing to show: either the cluster has no groups (with how one appears), or nothing matches the search, the
 * state filter and the behind-only toggle (with the way to clear them).
 */
export function GroupsEmpty({
  view,
  total,
  onChange,
}: {
  view: GroupListState;
  total: number;
  onChange: (change: Partial<GroupListState>) => void;
}) {
  if (total === 0) {
    return (
      <EmptyState title="No consumer groups yet">
        <p>
          A group appears here when a consumer with a <code className="font-mono">group.id</code> joins it or commits
          offsets, for example <code className="font-mono">kafka-console-consumer --group my-group</code>.
        </p>
      </EmptyState>
    );
  }
  const searching = view.q.trim() !== "";
  const title = searching
    ? `No groups match “${view.q.trim()}”`
    : view.state
      ? `No groups are ${GROUP_STATE_WORDS[view.state]}${view.behind ? " and behind" : ""}`
      : "No group is falling behind or stalled";
  return (
    <EmptyState title={title}>
      {searching && view.state ? <p>Only groups in state {GROUP_STATE_WORDS[view.state]} are searched.</p> : null}
      {searching && view.behind ? <p>Only groups falling behind or stalled are searched.</p> : null}
      <div className="mt-3 flex flex-wrap justify-center gap-2">
        {searching ? <Button onClick={() => onChange({ q: "" })}>Clear search</Button> : null}
        {view.state ? <Button onClick={() => onChange({ state: null })}>Show every state</Button> : null}
        {view.behind ? <Button onClick={() => onChange({ behind: false })}>Show every group</Button> : null}
      </div>
    </EmptyState>
  );
}
