"use client";

import { partialMatchKey, type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import type { BaseSyntheticEvent } from "react";
import type { FieldValues, Path, UseFormReturn, UseFormSetError } from "react-hook-form";
import { reportActionWarning } from "@/components/ui/actionWarnings";
import { announce } from "@/components/ui/announcements";
import { ACTION_BODY_LIMIT_BYTES, encodedSize, tooLargeMessage } from "@/lib/actions/limits";
import type { ActionResult } from "@/lib/actions/result";
import { queryKeys } from "@/lib/query/keys";

const NO_ANSWER = "The console server did not answer. Check that it is running, then try again.";

/** A refused or failed action: its message, and the field errors a form puts beside its inputs. */
export class ActionFailure extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "ActionFailure";
  }
}

/**
 * One server action as a TanStack mutation: the form-size check before sending, the audit log refreshed after
 * every attempt (each one is an entry), a refusal thrown as ActionFailure (message + field errors), a done change's
 * audit warning reported, and the queries under `invalidates` refreshed before the mutation counts as done.
 */
export function useActionMutation<I, T>(
  cluster: string,
  action: (cluster: string, input: I) => Promise<ActionResult<T>>,
  invalidates: (input: I, data: T) => readonly QueryKey[] = () => [],
  /** What the change did, in a sentence: said in a toast once it is done (components/ui/Announcements.tsx). */
  done?: (data: T, input: I) => string,
) {
  const queryClient = useQueryClient();
  return useMutation<T, ActionFailure, I>({
    mutationFn: async (input) => {
      const size = encodedSize([cluster, input]);
      if (size > ACTION_BODY_LIMIT_BYTES) throw new ActionFailure(tooLargeMessage(size));
      let result: ActionResult<T>;
      try {
        result = await action(cluster, input);
      } catch {
        throw new ActionFailure(NO_ANSWER);
      }
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit() });
      if (!result.ok) throw new ActionFailure(result.message, result.fieldErrors);
      if (result.warning) reportActionWarning(result.warning);
      return result.data;
    },
    onSuccess: async (data, input) => {
      if (done) announce(done(data, input));
      const keys = invalidates(input, data);
      if (keys.length > 0)
        await queryClient.invalidateQueries({
          predicate: (query) => keys.some((key) => partialMatchKey(query.queryKey, key)),
        });
    },
  });
}

/**
 * Puts an action's field errors beside the form's inputs (react-hook-form), by their dotted paths; `prefix` is cut
 * from each path first, for a form that is one part of the action's input ("bindings.0.").
 */
export function showFieldErrors<F extends FieldValues>(
  failure: unknown,
  setError: UseFormSetError<F>,
  prefix = "",
): void {
  if (!(failure instanceof ActionFailure)) return;
  for (const [path, messages] of Object.entries(failure.fieldErrors))
    if (messages[0] && path.startsWith(prefix))
      setError(path.slice(prefix.length) as Path<F>, { type: "server", message: messages.join(" ") });
}

/**
 * A form's onSubmit: react-hook-form validates with the action's schema, then the action runs; its field errors go
 * beside the inputs, its message stays on the mutation (shown by the form), and `onDone` runs after a success.
 */
export function submitAction<F extends FieldValues, O, T>(
  form: Pick<UseFormReturn<F, unknown, O>, "handleSubmit" | "setError">,
  mutate: (input: O) => Promise<T>,
  onDone?: (data: T, input: O) => void,
): (event: BaseSyntheticEvent) => void {
  return (event) =>
    void form.handleSubmit(async (input) => {
      try {
        // Not `onDone?.(await mutate(input))`: with no onDone, `?.` would skip evaluating the mutation itself.
        const data = await mutate(input);
        onDone?.(data, input);
      } catch (failure) {
        showFieldErrors(failure, form.setError);
      }
    })(event);
}
