"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/Button";

type CopyState = "idle" | "copied" | "failed";

/** Copies `text()` to the clipboard and says so for two seconds ("Copied"), also to screen readers. */
export function CopyButton({ label, text }: { label: string; text: () => string }) {
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = window.setTimeout(() => setState("idle"), 2_000);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text());
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <>
      <Button onClick={() => void copy()} className="px-2 py-1 text-xs">
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : label}
      </Button>
      <span role="status" className="sr-only">
        {state === "copied"
          ? `${label}: copied to the clipboard.`
          : state === "failed"
            ? "The browser did not allow copying."
            : ""}
      </span>
    </>
  );
}
