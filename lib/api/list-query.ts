/**
 * The query parameters every list endpoint shares (order and paging), validated with messages that name the
 * parameter. Each list's schema adds its own search, filters and sort columns.
 */
import { z } from "@/lib/zod";

export const listQueryFields = {
  order: z.enum(["asc", "desc"], { error: "order must be asc or desc." }).optional(),
  offset: z.coerce
    .number({ error: "offset must be a number." })
    .int("offset must be a whole number.")
    .min(0, "offset cannot be negative.")
    .max(1_000_000_000, "offset is too large.")
    .default(0),
  // The union's own error: without it, a limit that is neither (limit=lots, limit=1.5) reads as zod's bare "Invalid
  // input".
  limit: z
    .union(
      [
        z.literal("all"),
        z.coerce
          .number({ error: "limit must be a number or all." })
          .int("limit must be a whole number.")
          .min(1, "limit must be at least 1.")
          .max(10_000, "limit is at most 10000 (or all)."),
      ],
      { error: "limit must be a whole number or all." },
    )
    .default(100),
};

/** One page of a filtered, sorted list, as every list endpoint answers it: the page and where it sits in the whole. */
export function pageOf<T>(
  matching: readonly T[],
  query: { offset: number; limit: number | "all" },
): { total: number; offset: number; limit: number; items: T[] } {
  const limit = query.limit === "all" ? matching.length : query.limit;
  return {
    total: matching.length,
    offset: query.offset,
    limit,
    items: matching.slice(query.offset, query.offset + limit),
  };
}
