"use client";

import { ErrorScreen } from "@/components/ui/ErrorScreen";

/** Errors in a cluster page; the shell (sidebar) stays so the user can go elsewhere. */
export default function ClusterError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorScreen error={error} onRetry={retry} />;
}
