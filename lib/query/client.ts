import { QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiRequestError } from "@/lib/api/client";
import { queryKeys } from "@/lib/query/keys";

/** Failed queries are retried at most twice, and never for answers that will not change by asking again. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!isApiRequestError(error)) return true;
  // 4xx: the request itself is wrong. cluster_unreachable: the cluster gate polls reachability instead.
  if (error.status >= 400 && error.status < 500) return false;
  return error.code !== "cluster_unreachable";
}

/**
 * The QueryClient settings of the console (one per browser, one per server request when prefetching).
 * When any query finds its cluster unreachable, the cluster list is refreshed at once so the cluster gate
 * notices without waiting for its next poll.
 */
export function makeQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isApiRequestError(error) && error.code === "cluster_unreachable") {
          void client.invalidateQueries({ queryKey: queryKeys.clusters(), exact: true }, { cancelRefetch: false });
        }
      },
    }),
    defaultOptions: {
      queries: {
        // Long enough that data a page's server render handed over (app/prefetched.tsx) is shown, not fetched again
        // while the page hydrates on a slow machine; pages refresh on their own refetchInterval after that.
        staleTime: 15_000,
        retry: shouldRetry,
        refetchOnWindowFocus: true,
      },
    },
  });
  return client;
}
