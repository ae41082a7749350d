"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef } from "react";
import { type DefaultValues, type FieldValues, useForm } from "react-hook-form";
import type { ZodType } from "zod";

/**
 * A form on react-hook-form, checked with the zod schema its server action parses: a field's problem shows once the
 * field is left or the form submitted, and clears as soon as the value is fixed. With `mutation`, the action's own
 * refusal (shown above the buttons) clears too once anything is changed, so an old error never sits beside a
 * corrected value.
 */
export function useActionForm<I extends FieldValues, O>(
  schema: ZodType<O, I>,
  defaultValues: DefaultValues<I>,
  mutation?: { error: unknown; reset: () => void },
) {
  const form = useForm<I, unknown, O>({
    mode: "onTouched",
    reValidateMode: "onChange",
    resolver: zodResolver(schema),
    defaultValues,
  });
  const latest = useRef(mutation);
  useEffect(() => {
    latest.current = mutation;
  });
  useEffect(() => {
    const subscription = form.watch(() => {
      if (latest.current?.error) latest.current.reset();
    });
    return () => subscription.unsubscribe();
  }, [form]);
  return form;
}
