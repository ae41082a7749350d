import { dehydrate, HydrationBoundary, type QueryKey } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { makeQueryClient } from "@/lib/query/client";
import { reportError } from "@/server/errors";

interface Props {
  /** The key the page's client query uses (lib/query/keys.ts, through lib/query/options.ts). */
  queryKey: QueryKey;
  /** The same body the API route answers, read with the route's own authorization (server/http.ts clusterParam). */
  read: () => Promise<unknown>;
  children: ReactNode;
}

/**
 * A page's first data in its first HTML: reads what the client query would fetch, on the server, and hands it to
 * the browser's QueryClient through a HydrationBoundary, so the page renders with rows and the client only
 * refreshes. Render it inside <Suspense> so a slow read streams in after the shell. A failed read leaves the query
 * un-prefetched: the client asks again and shows its usual error in words.
 */
export async function Prefetched({ queryKey, read, children }: Props) {
  const client = makeQueryClient();
  await client.prefetchQuery({
    queryKey,
    retry: false,
    // A JSON round trip, so the browser holds exactly what the API route would have sent (no Dates or bigints).
    queryFn: async (): Promise<unknown> => {
      try {
        return JSON.parse(JSON.stringify(await read())) as unknown;
      } catch (error) {
        throw reportError(error, "a page's server prefetch");
      }
    },
  });
  return <HydrationBoundary state={dehydrate(client)}>{children}</HydrationBoundary>;
}
