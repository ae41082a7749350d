"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { type SignInInput, signInSchema } from "@/lib/auth/schemas";
import { Button, buttonClass } from "@/components/ui/Button";
import { Field, FormControls, FormError, TextInput } from "@/components/ui/Form";
import { errorsOf, useActionForm } from "@/components/ui/useActionForm";
import { showFieldErrors, ActionFailure } from "@/components/ui/useActionMutation";

const NOTICE =
  "rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 " +
  "dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-200";
const NO_ANSWER = "The console server did not answer. Check that it is running, then try again.";

type SignIn = (input: unknown) => Promise<ActionResult<{ next: string; notice: string | null }>>;

/**
 * The sign-in page's form: a password form for configured users and/or a single sign-on button. The form is
 * react-hook-form checked with the server action's own schema; on success the whole page loads again at `next`,
 * so every part of it is rendered for the signed-in user. Signing in is not a change to a cluster, so it is not a
 * useActionMutation (no cluster, nothing to invalidate): the page is left at once.
 */
export function LoginForm({
  next,
  passwordEnabled,
  oidcName,
  initialError,
  signIn,
}: {
  next: string;
  passwordEnabled: boolean;
  oidcName: string | null;
  initialError: string | null;
  signIn: SignIn;
}) {
  const [message, setMessage] = useState<string | null>(initialError);
  const [signedIn, setSignedIn] = useState<{ next: string; notice: string } | null>(null);
  const form = useActionForm<SignInInput, SignInInput>(signInSchema, { username: "", password: "", next });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (input) => {
    setMessage(null);
    let result: Awaited<ReturnType<SignIn>>;
    try {
      result = await signIn(input);
    } catch {
      setMessage(NO_ANSWER);
      return;
    }
    if (!result.ok) {
      setMessage(result.message);
      showFieldErrors(new ActionFailure(result.message, result.fieldErrors), form.setError);
      return;
    }
    // Failed sign-ins to this account since the last one are said before going on, so the user learns of them.
    if (result.data.notice) setSignedIn({ next: result.data.next, notice: result.data.notice });
    else window.location.assign(result.data.next);
  });

  if (signedIn)
    return (
      <div className="space-y-4">
        <p role="alert" className={NOTICE}>
          {signedIn.notice}
        </p>
        <a href={signedIn.next} className={buttonClass("primary", "w-full")}>
          Continue
        </a>
      </div>
    );

  return (
    <div className="space-y-6">
      <FormError message={message} />
      {passwordEnabled ? (
        <form noValidate onSubmit={(event) => void submit(event)} aria-label="Sign in">
          <FormControls className="space-y-4">
            <Field label="User name" errors={errorsOf(errors.username)}>
              {(control) => (
                <TextInput
                  {...control}
                  {...form.register("username")}
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                />
              )}
            </Field>
            <Field label="Password" errors={errorsOf(errors.password)}>
              {(control) => (
                <TextInput
                  {...control}
                  {...form.register("password")}
                  type="password"
                  autoComplete="current-password"
                  required
                />
              )}
            </Field>
            <Button type="submit" variant="primary" disabled={isSubmitting} className="w-full">
              {isSubmitting ? "Signing in…" : "Sign in"}
            </Button>
          </FormControls>
        </form>
      ) : null}
      {oidcName ? (
        <a
          href={`/api/auth/oidc/login?next=${encodeURIComponent(next)}`}
          className={buttonClass(passwordEnabled ? "secondary" : "primary", "w-full")}
        >
          Sign in with {oidcName}
        </a>
      ) : null}
    </div>
  );
}
