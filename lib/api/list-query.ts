/**
 * The query parameters every list endpoint shares (order and paging), validated with messages that name the
 * parameter. Each list's schema adds its own search, filters and sort columns.
 */
import { z } from "zod";

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
