import { dehydrate, type DehydratedState, HydrationBoundary, type QueryKey } from "@tanstack/react-query";
import { type ReactNode, Suspense } from "react";
import { makeQueryClient } from "@/lib/query/client";
import { reportError } from "@/server/errors";
import { settledWithin } from "@/server/settle";

/**
 * How long a page's first HTML waits for its data. A read done by then is in the HTML as it is (visible even without
 * JavaScript); a slower one streams in after the shell behind the fallback.
 */
const INLINE_BUDGET_MS = 2_000;
/**
 * With a `before` read, how long the HTML waits for the whole read before it shows `before`'s rows instead: about
 * what a page with no such read needs to show its first rows anyway.
 */
const BEFORE_BUDGET_MS = 300;

interface Props {
  /** The key the page's client query uses (lib/query/keys.ts, through lib/query/options.ts). */
  queryKey: QueryKey;
  /** The same body the API route answers, read with the route's own authorization (server/http.ts clusterParam). */
  read: () => Promise<unknown>;
  /**
   * A cheaper read of the same shape (the topics before their numbers) shown while a `read` slower than
   * BEFORE_BUDGET_MS streams in behind it; its data says what is still missing.
   */
  before?: () => Promise<unknown>;
  /** Shown while a read slower than the budget streams in. */
  fallback: ReactNode;
  children: ReactNode;
}

/** The read in a per-request QueryClient, dehydrated; a failed read is left out (the client asks again). */
async function prefetchState(queryKey: QueryKey, read: () => Promise<unknown>): Promise<DehydratedState> {
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
  return dehydrate(client);
}

async function Streamed({ state, children }: { state: Promise<DehydratedState>; children?: ReactNode }) {
  return <HydrationBoundary state={await state}>{children}</HydrationBoundary>;
}

/**
 * The page with `before`'s data now and the whole read's streamed in after it (hydrated into the same query, being
 * newer), or null when `before` failed or the whole read finished first.
 */
async function shownBefore(state: Promise<DehydratedState>, before: Promise<DehydratedState>, children: ReactNode) {
  const first = await before;
  if (first.queries.length === 0 || (await settledWithin(state, 0))) return null;
  return (
    <HydrationBoundary state={first}>
      {children}
      <Suspense fallback={null}>
        <Streamed state={state} />
      </Suspense>
    </HydrationBoundary>
  );
}

/**
 * A page's first data in its first HTML: reads what the client query would fetch, on the server, and hands it to
 * the browser's QueryClient through a HydrationBoundary, so the page renders with rows and the client only
 * refreshes. A read slower than INLINE_BUDGET_MS streams in after the shell (Suspense). A failed read leaves the
 * query un-prefetched: the client asks again and shows its usual error in words.
 *
 * Pages put no Suspense boundary of their own inside it: React outlines a boundary whose content is bigger than its
 * progressive chunk (~12 KB; a table of rows is) even when nothing suspended, sends it as a hidden part and shows it
 * at the earliest 300 ms after the first paint, so the rows in the HTML would wait behind a skeleton.
 */
export async function Prefetched({ queryKey, read, before, fallback, children }: Props) {
  const state = prefetchState(queryKey, read);
  if (before) {
    const early = await settledWithin(state, BEFORE_BUDGET_MS);
    if (early) return <HydrationBoundary state={early}>{children}</HydrationBoundary>;
    // Started only now: on a fast read it is never needed, and on a slow one its metadata is the read's own.
    const shown = await shownBefore(state, prefetchState(queryKey, before), children);
    if (shown) return shown;
  }
  const early = await settledWithin(state, INLINE_BUDGET_MS);
  if (early) return <HydrationBoundary state={early}>{children}</HydrationBoundary>;
  return (
    <Suspense fallback={fallback}>
      <Streamed state={state}>{children}</Streamed>
    </Suspense>
  );
}
