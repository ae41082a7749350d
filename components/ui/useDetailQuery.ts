"use client";

import { type QueryKey, useQuery, useQueryClient, type UseQueryOptions } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { isApiRequestError } from "@/lib/api/client";

function isNotFound(error: unknown): boolean {
  return isApiRequestError(error) && error.code === "not_found";
}

/**
 * While the API answers not_found the page asks again this often: a topic or group made a moment ago (by another
 * tool, or known to one broker and not yet to the one asked) shows up by itself instead of staying "does not exist".
 */
const NOT_FOUND_RECHECK_MS = 2_000;

/**
 * The query of a detail page (a topic, a group): refreshed every `refreshMs`, and every NOT_FOUND_RECHECK_MS while
 * the API answers not_found. `markDeleted()` (after the page's delete action succeeded) disables the query first, so
 * removing
 * it cannot ask for something that is gone, then refreshes `afterDelete.invalidate` and leaves for
 * `afterDelete.leaveTo`.
 */
export function useDetailQuery<T, K extends QueryKey>(
  options: UseQueryOptions<T, Error, T, K>,
  refreshMs: number,
  afterDelete?: { invalidate: readonly QueryKey[]; leaveTo: string },
) {
  const router = useRouter();
  const queryClient = useQueryClient();
  /** Set by markDeleted, with what to do next as it stood then (so the effect below runs once). */
  const [deleted, setDeleted] = useState<{
    queryKey: K;
    invalidate: readonly QueryKey[];
    leaveTo: string | null;
  } | null>(null);
  const query = useQuery({
    ...options,
    enabled: deleted === null,
    refetchInterval: (q) => (isNotFound(q.state.error) ? Math.min(NOT_FOUND_RECHECK_MS, refreshMs) : refreshMs),
  });

  useEffect(() => {
    if (!deleted) return;
    queryClient.removeQueries({ queryKey: deleted.queryKey, exact: true });
    for (const key of deleted.invalidate) void queryClient.invalidateQueries({ queryKey: key });
    if (deleted.leaveTo !== null) router.push(deleted.leaveTo);
  }, [deleted, queryClient, router]);

  const markDeleted = () =>
    setDeleted({
      queryKey: options.queryKey,
      invalidate: afterDelete?.invalidate ?? [],
      leaveTo: afterDelete?.leaveTo ?? null,
    });
  return { ...query, notFound: isNotFound(query.error), deleted: deleted !== null, markDeleted };
}
