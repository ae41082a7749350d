"use client";

import { Button } from "@/components/ui/Button";
import { isApiRequestError } from "@/lib/api/client";

/**
 * The body of error.tsx / global-error.tsx: what happened, in words, and "Try again". It never shows a stack
 * trace or error digest; only messages written for people (ApiRequestError) are passed through.
 */
export function ErrorScreen({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
      <p className="mt-3 text-muted">
        {isApiRequestError(error)
          ? error.message
          : "This page could not be shown because of an unexpected error. Trying again usually helps; if it " +
            "keeps happening, the console's server log has the details."}
      </p>
      <Button variant="primary" className="mt-6" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}
