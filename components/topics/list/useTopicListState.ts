"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { listStateToSearch, parseListState, type TopicListState } from "@/lib/topics/list";

/** Typing settles for this long before the URL follows; clicks reach the URL after the same short pause. */
const URL_DELAY_MS = 300;

/**
 * The Topics page's view, kept in component state (so typing and clicks answer at once) and mirrored into the
 * query string with history.replaceState, which Next.js folds into its router without a server round trip or a
 * scroll. A URL change that did not come from here (a link to the same page) replaces the view.
 */
export function useTopicListState(): [TopicListState, (change: Partial<TopicListState>) => void] {
  const pathname = usePathname();
  const urlSearch = listStateToSearch(parseListState(useSearchParams()));

  const [state, setState] = useState<TopicListState>(() => parseListState(new URLSearchParams(urlSearch)));
  /** The URL's view as last seen, and the view last written here: a change to neither came from outside. */
  const [seen, setSeen] = useState(urlSearch);
  const [written, setWritten] = useState(urlSearch);

  if (urlSearch !== seen) {
    setSeen(urlSearch);
    if (urlSearch !== written) setState(parseListState(new URLSearchParams(urlSearch)));
  }

  const search = listStateToSearch(state);
  useEffect(() => {
    if (search === urlSearch) return;
    const timer = window.setTimeout(() => {
      setWritten(search);
      window.history.replaceState(null, "", search ? `${pathname}?${search}` : pathname);
    }, URL_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [search, urlSearch, pathname]);

  const update = (change: Partial<TopicListState>) => setState((current) => ({ ...current, ...change }));
  return [state, update];
}
