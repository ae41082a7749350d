"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef } from "react";
import { type DefaultValues, type FieldValues, type Resolver, useForm } from "react-hook-form";
import type { ZodType } from "zod";

/**
 * A form on react-hook-form, checked with the zod schema its server action parses: a field's problem shows once the
 * field is left or the form submitted, and clears as soon as the value is fixed. With `mutation`, the action's own
 * refusal (shown above the buttons) clears too once anything is changed, so an old error never sits beside a
 * corrected value. A form whose values differ from the action's input passes a resolver instead of the schema, one
 * that maps the values to the input and checks it with that schema (lib/topics/create-form.ts).
 */
export function useActionForm<I extends FieldValues, O>(
  validation: ZodType<O, I> | Resolver<I, unknown, O>,
  defaultValues: DefaultValues<I>,
  mutation?: { error: unknown; reset: () => void },
) {
  const form = useForm<I, unknown, O>({
    mode: "onTouched",
    reValidateMode: "onChange",
    resolver: typeof validation === "function" ? validation : zodResolver(validation),
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
