import { CreateTopicLink } from "@/components/topics/list/CreateTopicLink";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import type { TopicListState } from "@/lib/topics/list";

/**
 * Nothing to show: either the cluster has no topics (with the way to create one), or nothing matches the search
 * and filters (with the way to clear them).
 */
export function TopicsEmpty({
  cluster,
  readOnly,
  view,
  total,
  internalCount,
  onChange,
}: {
  cluster: string;
  readOnly: boolean;
  view: TopicListState;
  total: number;
  internalCount: number;
  onChange: (change: Partial<TopicListState>) => void;
}) {
  if (total === 0) {
    return (
      <EmptyState title="No topics yet">
        <p>{internalCount > 0 && !view.internal ? "Only internal topics exist in this cluster." : "This cluster has no topics."}</p>
        <div className="mt-3 flex justify-center">
          <CreateTopicLink cluster={cluster} readOnly={readOnly} />
        </div>
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
        {!view.internal && internalCount > 0 ? <Button onClick={() => onChange({ internal: true })}>Show internal topics</Button> : null}
      </div>
    </EmptyState>
  );
}
