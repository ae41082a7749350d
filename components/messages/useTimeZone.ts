"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** The browser's time zone ("Europe/Berlin"); null in the server render, which cannot know it. */
export function useTimeZone(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
}
