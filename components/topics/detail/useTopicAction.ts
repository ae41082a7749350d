"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import type { ZodType } from "zod";
import { type ActionResult, fieldErrorsFrom } from "@/lib/actions/result";
import { queryKeys } from "@/lib/query/keys";

export type FieldErrors = Record<string, string[]>;

const NO_ANSWER = "The console server did not answer. Check that it is running, then try again.";

/**
 * Runs one topic server action from a form: tracks pending, keeps the action's message and field errors for the
 * form to show (the dialog stays open), and on success refreshes what the change touches before resolving, so the
 * page already shows the new state when the dialog closes.
 */
export function useTopicAction<I, T>(
  cluster: string,
  topic: string,
  action: (cluster: string, input: I) => Promise<ActionResult<T>>,
  { refresh = true, groups = false }: { refresh?: boolean; groups?: boolean } = {},
) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const run = useCallback(
    async (input: I): Promise<{ ok: true; data: T } | { ok: false }> => {
      setPending(true);
      setMessage(null);
      setFieldErrors({});
      try {
        const result = await action(cluster, input);
        if (!result.ok) {
          setMessage(result.message);
          setFieldErrors(result.fieldErrors ?? {});
          return { ok: false };
        }
        if (refresh) {
          await Promise.all([
            queryClient.invalidateQueries({ queryKey: queryKeys.topic(cluster, topic) }),
            // The list key also covers the detail above (it is nested under it); refetches are deduplicated.
            queryClient.invalidateQueries({ queryKey: queryKeys.topics(cluster) }, { cancelRefetch: false }),
            queryClient.invalidateQueries({ queryKey: queryKeys.overview(cluster) }),
            groups ? queryClient.invalidateQueries({ queryKey: queryKeys.consumerGroups(cluster) }) : null,
          ]);
        }
        return { ok: true, data: result.data };
      } catch {
        setMessage(NO_ANSWER);
        return { ok: false };
      } finally {
        setPending(false);
      }
    },
    [action, cluster, topic, refresh, groups, queryClient],
  );

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
