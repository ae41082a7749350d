/**
 * What a change did, said once it is done ("Topic orders now has 12 partitions."), for the toast region
 * (Announcements). A store outside React, like actionWarnings, because the form that made the change often closes
 * its dialog or leaves the page at once. Each message goes after SHOW_MS; at most MAX are kept.
 */
export interface Announcement {
  id: number;
  text: string;
}

export const SHOW_MS = 8_000;
const MAX = 4;
const NONE: readonly Announcement[] = [];
let shown: readonly Announcement[] = NONE;
let nextId = 1;
const listeners = new Set<() => void>();

function publish(next: readonly Announcement[]) {
  shown = next;
  for (const listener of listeners) listener();
}

export function dismissAnnouncement(id: number): void {
  publish(shown.filter((a) => a.id !== id));
}

/** Says what a change did; it disappears by itself after a few seconds. */
export function announce(text: string): void {
  const id = nextId++;
  publish([...shown, { id, text }].slice(-MAX));
  if (typeof window !== "undefined") window.setTimeout(() => dismissAnnouncement(id), SHOW_MS);
}

export function subscribeAnnouncements(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const announcements = (): readonly Announcement[] => shown;
export const noAnnouncements = (): readonly Announcement[] => NONE;
