"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/** Typing settles for this long before the URL follows; clicks reach the URL after the same short pause. */
const URL_DELAY_MS = 300;

/**
 * A list page's view (search, filters, sort), kept in component state (so typing and clicks answer at once) and
 * mirrored into the query string with history.replaceState, which Next.js folds into its router without a server
 * round trip or a scroll. A URL change that did not come from here (a link to the same page) replaces the view.
 * `parse` reads a view from a query string and `toSearch` writes one (defaults left out): module-level functions.
 *
 * A write still waiting when the user clicks is made at once, before the click is handled: a replaceState that
 * landed after a link click would put Next's router back on this page and cancel the navigation.
 */
export function useUrlListState<S extends object>(
  parse: (params: Pick<URLSearchParams, "get">) => S,
  toSearch: (state: S) => string,
): [S, (change: Partial<S>) => void] {
  const pathname = usePathname();
  const urlSearch = toSearch(parse(useSearchParams()));

  const [state, setState] = useState<S>(() => parse(new URLSearchParams(urlSearch)));
  /** The URL's view as last seen, and the view last written here: a change to neither came from outside. */
  const [seen, setSeen] = useState(urlSearch);
  const [written, setWritten] = useState(urlSearch);

  if (urlSearch !== seen) {
    setSeen(urlSearch);
    if (urlSearch !== written) setState(parse(new URLSearchParams(urlSearch)));
  }

  const search = toSearch(state);
  const pending = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (search === urlSearch) return;
    const write = () => {
      window.clearTimeout(timer);
      pending.current = null;
      setWritten(search);
      window.history.replaceState(null, "", search ? `${pathname}?${search}` : pathname);
    };
    const timer = window.setTimeout(write, URL_DELAY_MS);
    pending.current = write;
    return () => {
      window.clearTimeout(timer);
      if (pending.current === write) pending.current = null;
    };
  }, [search, urlSearch, pathname]);

  useEffect(() => {
    const flush = () => pending.current?.();
    // Capture phase: runs before the clicked link's own handler starts a navigation.
    document.addEventListener("click", flush, true);
    return () => document.removeEventListener("click", flush, true);
  }, []);

  const update = (change: Partial<S>) => setState((current) => ({ ...current, ...change }));
  return [state, update];
}
