import { Skeleton } from "@/components/ui/Skeleton";

/** The placeholder of a table while its data loads, announced to screen readers as `label` ("Loading topics…"). */
export function TableSkeleton({ label, rows }: { label: string; rows: number }) {
  return (
    <div className="rounded-lg border border-line bg-surface p-4">
      <p role="status" className="sr-only">
        {label}
      </p>
      <Skeleton className="h-5 w-full" />
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} className="mt-3 h-5 w-full" />
      ))}
    </div>
  );
}
