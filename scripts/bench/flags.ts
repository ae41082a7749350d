/** The command line of the benchmark scripts: --fresh, --keep and --only=<parts>. */

export interface BenchFlags {
  /** Wipe the bench cluster's data first, so the data set is created again. */
  fresh: boolean;
  /** Leave the bench cluster running at the end (the next run then skips starting it). */
  keep: boolean;
  /**
   * `--only=a,b`: run only these parts (each script names its own), print their numbers and leave docs/BENCHMARKS.md
   * alone (a partial run must not replace the full table). Null: the whole benchmark.
   */
  only: readonly string[] | null;
}

/** The command line's options; `parts` are the names `--only=` accepts for this benchmark (none: no `--only`). */
export function parseFlags(parts: readonly string[] = [], argv: readonly string[] = process.argv.slice(2)): BenchFlags {
  const known = new Set(["--fresh", "--keep"]);
  const unknown = argv.filter((a) => !known.has(a) && !a.startsWith("--only="));
  if (unknown.length > 0)
    throw new Error(
      `Unknown option(s): ${unknown.join(" ")}. Options: --fresh (recreate the data set), --keep (leave the ` +
        `bench cluster running), --only=<parts> (a partial run, printed, not written to docs/BENCHMARKS.md).`,
    );
  const only = argv.find((a) => a.startsWith("--only="));
  const chosen = only === undefined ? null : only.slice("--only=".length).split(",").filter(Boolean);
  const wrong = chosen?.filter((p) => !parts.includes(p)) ?? [];
  if (chosen !== null && (chosen.length === 0 || wrong.length > 0))
    throw new Error(
      parts.length === 0
        ? "This benchmark runs whole: it has no --only parts."
        : `--only takes ${parts.join(", ")} (comma-separated)${wrong.length > 0 ? `, not ${wrong.join(", ")}` : ""}.`,
    );
  return {
    fresh: argv.includes("--fresh"),
    keep: argv.includes("--keep"),
    only: chosen,
  };
}
