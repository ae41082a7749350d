"use client";

import { formatQuantity } from "@/lib/format";
import { type FormEvent, type RefObject, useEffect, useState, useSyncExternalStore } from "react";
import type { ProduceAction } from "@/components/messages/actions";
import { type FieldErrors, useServerAction } from "@/components/ui/useServerAction";
import { fieldErrorsFrom } from "@/lib/actions/result";
import { DRAFT_STORAGE_KEY, formValuesOfDraft, parseDraft } from "@/lib/messages/draft";
import {
  initialProduceValues,
  type ProduceFormValues,
  produceInputOf,
  type ProduceResult,
  produceSchema,
} from "@/lib/messages/produce";
import { queryKeys } from "@/lib/query/keys";

/** What the fields need: the values, a setter that names the error keys it touches, and a field's errors. */
export interface ProduceBinding {
  values: ProduceFormValues;
  set: (change: Partial<ProduceFormValues>, touches?: readonly string[]) => void;
  touch: (key: string) => void;
  errorsFor: (key: string) => string[] | undefined;
  disabled: boolean;
}

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
 * (the server render cannot see sessionStorage), then removed with the draft=1 of the URL.
 */
function useDraft(requested: boolean) {
  const text = useSyncExternalStore(
    noSubscription,
    () => (requested ? storedDraft() : null),
    () => null,
  );
  const [applied, setApplied] = useState<string | null>(null);
  const draft = text !== null && applied === null ? parseDraft(text) : null;

  useEffect(() => {
    if (applied === null) return;
    try {
      window.sessionStorage.removeItem(DRAFT_STORAGE_KEY);
    } catch {
      // Nothing to remove.
    }
    // Reloading the page must not look for the draft again.
    const url = new URL(window.location.href);
    url.searchParams.delete("draft");
    window.history.replaceState(null, "", `${url.pathname}${url.search}`);
  }, [applied]);

  return { text, applied, draft, markApplied: setApplied };
}

/** A key is touched by itself and by a key it starts: "headers" touches "headers.0.key". */
function isTouched(touched: ReadonlySet<string>, key: string): boolean {
  for (const prefix of touched) if (key === prefix || key.startsWith(`${prefix}.`)) return true;
  return false;
}

/**
 * The produce form's state: values checked with produceSchema as typed (a field's errors show once it has been left
 * or the form submitted), the action's answer, and the result of the last send.
 */
export function useProduceForm({
  cluster,
  initialTopic,
  draftRequested,
  blocked,
  produceMessages,
  formRef,
}: {
  cluster: string;
  initialTopic: string;
  draftRequested: boolean;
  blocked: boolean;
  produceMessages: ProduceAction;
  formRef: RefObject<HTMLFormElement | null>;
}) {
  const [values, setValues] = useState<ProduceFormValues>(() => initialProduceValues(initialTopic));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [result, setResult] = useState<ProduceResult | null>(null);
  const [notes, setNotes] = useState<readonly string[]>([]);
  const action = useServerAction(
    cluster,
    produceMessages,
    [queryKeys.topics(cluster)],
    (data) => `${formatQuantity(data.records.length, "record")} written to topic ${data.topic}.`,
  );
  const draft = useDraft(draftRequested);

  // A draft from "Produce again" replaces the blank form once (React's update-during-render pattern).
  if (draft.text !== null && draft.applied === null) {
    draft.markApplied(draft.text);
    if (draft.draft) {
      setValues(formValuesOfDraft(draft.draft));
      setNotes(draft.draft.notes);
    }
  }

  const parsed = produceSchema.safeParse(produceInputOf(values));
  const clientErrors: FieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error.issues);
  const errorsFor = (key: string) =>
    ((submitted || isTouched(touched, key)) && clientErrors[key]) || action.fieldErrors[key] || undefined;

  const bind: ProduceBinding = {
    values,
    set: (change, touches = []) => {
      setValues((current) => ({ ...current, ...change }));
      if (touches.length > 0) setTouched((current) => new Set([...current, ...touches]));
    },
    touch: (key) => setTouched((current) => (current.has(key) ? current : new Set(current).add(key))),
    errorsFor,
    disabled: blocked || action.pending,
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (blocked || action.pending) return;
    setSubmitted(true);
    if (!parsed.success) {
      // After React has rendered the errors: move to the first field that has one.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setResult(null);
    const answer = await action.run(parsed.data);
    if (answer.ok) setResult(answer.data);
  }

  const formMessage = action.message ?? (submitted && !parsed.success ? "Check the fields marked above." : null);
  return { bind, submit, result, notes, pending: action.pending, formMessage };
}
