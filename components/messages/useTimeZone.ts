"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};
let cached: string | undefined;
/** Read once: asking Intl on every render of the search form cost a live tail a third of a second a minute. */
const browserTimeZone = () => (cached ??= Intl.DateTimeFormat().resolvedOptions().timeZone);

/** The browser's time zone ("Europe/Berlin"); null in the server render, which cannot know it. */
export function useTimeZone(): string | null {
  return useSyncExternalStore(noSubscription, browserTimeZone, () => null);
}
