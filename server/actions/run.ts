import "server-only";
import type { z } from "zod";
import { type ActionResult, actionFailed, fieldErrorsFrom } from "@/lib/actions/result";
import { clusterOrThrow } from "@/server/kafka/clients";
import { ConsoleError, FieldError, toConsoleError } from "@/server/kafka/errors";

/**
 * The one wrapper every mutating server action goes through: the cluster must exist and not be read-only, the
 * input must pass the same zod schema as its form, and any failure comes back as `{ ok: false, message }` in
 * words (with fieldErrors for the form), never as a thrown error or a stack trace.
 */
export async function runMutation<S extends z.ZodType, T>(clusterName: unknown, schema: S, input: unknown, work: (cluster: string, input: z.output<S>) => Promise<T>): Promise<ActionResult<T>> {
  try {
    if (typeof clusterName !== "string" || clusterName.length === 0) return actionFailed("No cluster was named.");
    const cluster = clusterOrThrow(clusterName);
    if (cluster.readOnly) return actionFailed(`Cluster "${cluster.name}" is read-only: the console makes no changes to it.`);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsFrom(parsed.error.issues);
      const first = parsed.error.issues[0]?.message ?? "The input is not valid.";
      return actionFailed(parsed.error.issues.length === 1 ? first : `${first} (and ${parsed.error.issues.length - 1} more)`, fieldErrors);
    }
    return { ok: true, data: await work(cluster.name, parsed.data) };
  } catch (error) {
    if (error instanceof FieldError) return actionFailed(error.message, { [error.field]: [error.message] });
    const mapped = error instanceof ConsoleError ? error : toConsoleError(error, typeof clusterName === "string" ? clusterName : undefined);
    if (mapped.code === "internal") console.error("Unexpected error in a server action:", error);
    return actionFailed(mapped.message);
  }
}
