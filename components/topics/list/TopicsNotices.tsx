import { Button } from "@/components/ui/Button";
import type { PartitionProblem } from "@/lib/api/types";
import { PROBLEM_FILTERS } from "@/lib/topics/list";

/** What the problem filter from the URL shows, and the way back to every topic. */
export function ProblemNotice({ problem, onClear }: { problem: PartitionProblem; onClear: () => void }) {
  return (
    <div
      role="status"
      className={
        "mb-4 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-md border border-indigo-200 " +
        ("bg-indigo-50 px-3 py-2 text-sm text-indigo-900 dark:border-indigo-800 dark:bg-indigo-950/40 " +
          "dark:text-indigo-100")
      }
    >
      <p className="min-w-0 flex-1 font-medium">{PROBLEM_FILTERS[problem].summary}</p>
      <Button onClick={onClear}>Clear filter</Button>
    </div>
  );
}

/** Said when some brokers did not report their log dirs, so sizes undercount. */
export function PartialSizesNotice() {
  return (
    <p role="status" className="mb-4 text-sm text-amber-800 dark:text-amber-300">
      Sizes are partial: some brokers did not report their log directories.
    </p>
  );
}

/** Said while the rows are shown before their message counts and sizes, which are still being read. */
export function NumbersPendingNotice() {
  return (
    <p role="status" className="mb-4 text-sm text-muted">
      Counting messages and sizes…
    </p>
  );
}
