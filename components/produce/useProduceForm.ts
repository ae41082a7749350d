"use client";

import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { Path, UseFormReturn, UseFormSetError } from "react-hook-form";
import { useActionForm } from "@/components/ui/useActionForm";
import { submitAction, useActionMutation } from "@/components/ui/useActionMutation";
import { formatQuantity } from "@/lib/format";
import { DRAFT_STORAGE_KEY, formValuesOfDraft, parseDraft } from "@/lib/messages/draft";
import type { ProduceInput } from "@/lib/messages/produce";
import {
  initialProduceValues,
  type ProduceFormValues,
  produceFormPathOf,
  produceResolver,
} from "@/lib/messages/produce-form";
import { queryKeys } from "@/lib/query/keys";
import { produceMessages } from "@/server/messages/actions";

/** The produce form on react-hook-form, as the fields use it. */
export type ProduceFormApi = UseFormReturn<ProduceFormValues, unknown, ProduceInput>;

const noSubscription = () => () => {};

function storedDraft(): string | null {
  try {
    return window.sessionStorage.getItem(DRAFT_STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * The draft "Produce again" left in sessionStorage, when the URL asks for it (?draft=1): read once after hydration
 * (the server render cannot see sessionStorage), given to `apply`, then removed with the draft=1 of the URL. Returns
 * what the draft could not carry over, in words.
 */
function useDraft(requested: boolean, apply: (values: ProduceFormValues) => void): readonly string[] {
  const text = useSyncExternalStore(
    noSubscription,
    () => (requested ? storedDraft() : null),
    () => null,
  );
  const [applied, setApplied] = useState<string | null>(null);
  // Taken once (React's update-during-render pattern): the stored text is removed below.
  if (text !== null && applied === null) setApplied(text);
  const draft = useMemo(() => parseDraft(applied), [applied]);

  useEffect(() => {
    if (applied === null) return;
    if (draft) apply(formValuesOfDraft(draft));
    try {
      window.sessionStorage.removeItem(DRAFT_STORAGE_KEY);
    } catch {
      // Nothing to remove.
    }
    // Reloading the page must not look for the draft again.
    const url = new URL(window.location.href);
    url.searchParams.delete("draft");
    window.history.replaceState(null, "", `${url.pathname}${url.search}`);
  }, [applied, draft, apply]);

  return draft?.notes ?? [];
}

/**
 * The produce form: its values checked with produceSchema through produceResolver (a field's problem shows once it
 * has been left or the form submitted, and clears as soon as it is fixed), the action as a mutation (its refusal
 * clears on the next edit; the result of the last send is its data), and the notes of a "Produce again" draft.
 */
export function useProduceForm({
  cluster,
  initialTopic,
  draftRequested,
}: {
  cluster: string;
  initialTopic: string;
  draftRequested: boolean;
}) {
  const mutation = useActionMutation(
    cluster,
    produceMessages,
    () => [queryKeys.topics(cluster)],
    (data) => `${formatQuantity(data.records.length, "record")} written to topic ${data.topic}.`,
  );
  const form: ProduceFormApi = useActionForm(produceResolver, initialProduceValues(initialTopic), mutation);
  const notes = useDraft(draftRequested, form.reset);
  // The action reports problems at the input's paths; the form shows them at its own fields.
  const setError: UseFormSetError<ProduceFormValues> = (path, error) =>
    form.setError(produceFormPathOf(path.split(".")) as Path<ProduceFormValues>, error);
  const submit = submitAction({ handleSubmit: form.handleSubmit, setError }, mutation.mutateAsync);
  return { form, mutation, submit, notes };
}
