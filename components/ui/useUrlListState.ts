"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { listStateToSearch, parseListState, type TopicListState } from "@/lib/topics/list";

/** Typing settles for this long before the URL follows; clicks reach the URL after the same short pause. */
const URL_DELAY_MS = 300;

/**
 * The Topics page's view, kept in component state (so typing and clicks answer at once) and mirrored into the
 * query string with history.replaceState, which Next.js folds into its router without a server round trip or a
 * scroll. A URL change that did not come from here (a link to the same page) replaces the view.
 *
 * A write still waiting when the user clicks is made at once, before the click is handled: a replaceState that
 * landed after a link click would put Next's router back on this page and cancel the navigation.
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

  const update = (change: Partial<TopicListState>) => setState((current) => ({ ...current, ...change }));
  return [state, update];
}
