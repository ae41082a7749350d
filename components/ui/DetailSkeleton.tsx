import { Skeleton } from "@/components/ui/Skeleton";

/** The placeholder of a detail page while it loads: a row of summary cards and a table, announced as `label`. */
export function DetailSkeleton({ label, stats = 5 }: { label: string; stats?: number }) {
  return (
    <div>
      <p role="status" className="sr-only">
        {label}
      </p>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-5">
        {Array.from({ length: stats }, (_, index) => (
          <div key={index} className="rounded-lg border border-line bg-surface px-4 py-3">
            <Skeleton className="h-3 w-24" />
            <Skeleton className="mt-2 h-6 w-12" />
          </div>
        ))}
      </div>
      <div className="mt-8 rounded-lg border border-line bg-surface p-4">
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} className="mt-3 h-5 w-full first:mt-0" />
        ))}
      </div>
    </div>
  );
}
