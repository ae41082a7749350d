import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import type { TopicListState } from "@/lib/topics/list";

/**
 * Nothing to show: either the cluster has no topics (pointing at the page's one "Create topic" link, so that the
 * page never holds two), or nothing matches the search and filters (with the way to clear them).
 */
export function TopicsEmpty({
  canCreate,
  view,
  total,
  internalCount,
  onChange,
}: {
  /** The page offers "Create topic". */
  canCreate: boolean;
  view: TopicListState;
  total: number;
  internalCount: number;
  onChange: (change: Partial<TopicListState>) => void;
}) {
  if (total === 0) {
    return (
      <EmptyState title="No topics yet">
        <p>
          {internalCount > 0 && !view.internal
            ? "Only internal topics exist in this cluster."
            : "This cluster has no topics."}
        </p>
        {canCreate ? <p className="mt-1">Create the first one with “Create topic” above.</p> : null}
      </EmptyState>
    );
  }

  const searching = view.q.trim() !== "";
  return (
    <EmptyState title={searching ? `No topics match “${view.q.trim()}”` : "No topics match this filter"}>
      <p>{!view.internal && internalCount > 0 ? "Internal topics are hidden." : null}</p>
      <div className="mt-3 flex flex-wrap justify-center gap-2">
        {searching ? <Button onClick={() => onChange({ q: "" })}>Clear search</Button> : null}
        {view.problem ? <Button onClick={() => onChange({ problem: null })}>Clear filter</Button> : null}
        {!view.internal && internalCount > 0 ? (
          <Button onClick={() => onChange({ internal: true })}>Show internal topics</Button>
        ) : null}
      </div>
    </EmptyState>
  );
}
