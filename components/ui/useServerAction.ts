"use client";

import { partialMatchKey, type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ZodType } from "zod";
import { ACTION_BODY_LIMIT_BYTES, encodedSize, tooLargeMessage } from "@/lib/actions/limits";
import { reportActionWarning } from "@/components/ui/actionWarnings";
import { announce } from "@/components/ui/announcements";
import { type ActionResult, fieldErrorsFrom } from "@/lib/actions/result";
import { queryKeys } from "@/lib/query/keys";

export type FieldErrors = Record<string, string[]>;

const NO_ANSWER = "The console server did not answer. Check that it is running, then try again.";

/**
 * Runs one server action from a form: tracks pending, keeps the action's message and field errors for the form to
 * show (a dialog stays open), and on success refreshes every query under `refresh` (one invalidation, so a query
 * matched by two keys is fetched once) before resolving, so the page already shows the new state when it goes on.
 * A change done with a `warning` (the audit log could not record it) is reported to ActionWarning, which keeps it
 * said after the form closes or the page moves on.
 * A form larger than the server accepts (lib/actions/limits.ts) is not sent: its message says so instead.
 */
export function useServerAction<I, T>(
  cluster: string,
  action: (cluster: string, input: I) => Promise<ActionResult<T>>,
  refresh: readonly QueryKey[] = [],
  /** What the change did, in a sentence: said in a toast once it is done (components/ui/Announcements.tsx). */
  done?: (data: T, input: I) => string,
) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  async function run(input: I): Promise<{ ok: true; data: T } | { ok: false }> {
    setMessage(null);
    setFieldErrors({});
    // The server would refuse it with a bare error (and only after the upload): say why here, in words.
    const size = encodedSize([cluster, input]);
    if (size > ACTION_BODY_LIMIT_BYTES) {
      setMessage(tooLargeMessage(size));
      return { ok: false };
    }
    setPending(true);
    try {
      const result = await action(cluster, input);
      // Every attempt, done or refused, is a new entry of the audit log.
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit() });
      if (!result.ok) {
        setMessage(result.message);
        setFieldErrors(result.fieldErrors ?? {});
        return { ok: false };
      }
      if (result.warning) reportActionWarning(result.warning);
      if (refresh.length > 0) {
        await queryClient.invalidateQueries({
          predicate: (query) => refresh.some((key) => partialMatchKey(query.queryKey, key)),
        });
      }
      if (done) announce(done(result.data, input));
      return { ok: true, data: result.data };
    } catch {
      setMessage(NO_ANSWER);
      return { ok: false };
    } finally {
      setPending(false);
    }
  }

  return { run, pending, message, fieldErrors };
}

/** The messages of one field: the form's own validation first, else what the action answered. */
export function errorsFor(key: string, ...sources: FieldErrors[]): string[] | undefined {
  for (const source of sources) {
    const errors = source[key];
    if (errors && errors.length > 0) return errors;
  }
  return undefined;
}

/** The form's own check with the action's schema: field errors by path ("set.0.value"), none when valid. */
export function validate(schema: ZodType, input: unknown): FieldErrors {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : fieldErrorsFrom(parsed.error.issues);
}
