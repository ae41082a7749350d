/** Number formatting for the benchmarks' results tables and log lines. */
import { type Stats } from "./stats";

/** "850 ms", "1.24 s", "2 min 05 s". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(2)} s`;
  const s = Math.round(ms / 1_000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

/** "median 412 ms, max 530 ms (5 samples)". */
export function formatStats(s: Stats): string {
  return `median ${formatMs(s.median)}, max ${formatMs(s.max)} (${s.n} samples)`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1_000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1_000).toFixed(1)} KB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(2)} GB`;
}

export function formatInt(n: number): string {
  return n.toLocaleString("en-US");
}

/** Bytes in megabytes (1,000,000 bytes), the MB of the results tables. */
export function mb(bytes: number): number {
  return bytes / 1_000_000;
}
