import { Skeleton } from "@/components/ui/Skeleton";

export function TopicsSkeleton() {
  return (
    <div className="rounded-lg border border-line bg-surface p-4">
      <p role="status" className="sr-only">
        Loading topics…
      </p>
      <Skeleton className="h-5 w-full" />
      {Array.from({ length: 8 }, (_, index) => (
        <Skeleton key={index} className="mt-3 h-5 w-full" />
      ))}
    </div>
  );
}
