import { describeError } from "@/lib/api/client";

/** A quiet note above data that is still shown but could not be refreshed. */
export function RefreshProblem({ error }: { error: unknown }) {
  return (
    <p
      role="status"
      className={
        "mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 " +
        "dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
      }
    >
      Could not refresh: {describeError(error)} Showing the last data received.
    </p>
  );
}
