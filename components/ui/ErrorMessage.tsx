import { describeError } from "@/lib/api/client";
import { Button } from "@/components/ui/Button";

/** A failed load, in words, with an optional "Try again". Announced to screen readers (role="alert"). */
export function ErrorMessage({
  title = "Could not load this data",
  error,
  onRetry,
}: {
  title?: string;
  error: unknown;
  onRetry?: () => void;
}) {
  return (
    <div
      role="alert"
      className={
        "rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 " +
        "dark:bg-red-950/40 dark:text-red-100"
      }
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1 text-sm">{describeError(error)}</p>
      {onRetry ? (
        <Button className="mt-3" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}
