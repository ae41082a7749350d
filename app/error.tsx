"use client";

import { ErrorScreen } from "@/components/ui/ErrorScreen";

/** Errors below the root layout. retry() refreshes the server data and re-renders the segment. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="main">
      <ErrorScreen error={error} onRetry={retry} />
    </main>
  );
}
