"use client";

import { ErrorScreen } from "@/components/ui/ErrorScreen";
import "./globals.css";

/**
 * Errors in the root layout itself. It replaces the whole document, so it has its own <html> and follows the
 * system colour scheme (the theme cookie is read by the root layout, which failed).
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="font-sans antialiased">
        <title>Something went wrong · Kafka Console</title>
        <main id="main">
          <ErrorScreen error={error} onRetry={retry} />
        </main>
      </body>
    </html>
  );
}
