"use client";

import { type FormEvent, useState } from "react";
import { type ActionResult, fieldErrorsFrom } from "@/lib/actions/result";
import { signInSchema } from "@/lib/auth/schemas";
import { Button, buttonClass } from "@/components/ui/Button";
import { Field, FormError, TextInput } from "@/components/ui/Form";

const NOTICE =
  "rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 " +
  "dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-200";

type SignIn = (input: unknown) => Promise<ActionResult<{ next: string; notice: string | null }>>;

/**
 * The sign-in page's form: a password form for configured users and/or a single sign-on button. The form is
 * checked with the same schema as the server action; on success the whole page loads again at `next`, so every
 * part of it is rendered for the signed-in user.
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
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);
  const [signedIn, setSignedIn] = useState<{ next: string; notice: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = { username: String(data.get("username") ?? ""), password: String(data.get("password") ?? ""), next };
    const checked = signInSchema.safeParse(input);
    setMessage(null);
    if (!checked.success) {
      setFieldErrors(fieldErrorsFrom(checked.error.issues));
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const result = await signIn(input);
      if (result.ok) {
        // Failed sign-ins to this account since the last one are said before going on, so the user learns of them.
        if (result.data.notice) setSignedIn({ next: result.data.next, notice: result.data.notice });
        else window.location.assign(result.data.next);
        return;
      }
      setMessage(result.message);
      setFieldErrors(result.fieldErrors ?? {});
    } catch {
      setMessage("The console server did not answer. Check that it is running, then try again.");
    } finally {
      setPending(false);
    }
  }

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
        <form noValidate onSubmit={submit} aria-label="Sign in" className="space-y-4">
          <Field label="User name" errors={fieldErrors.username}>
            {(control) => (
              <TextInput
                {...control}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
              />
            )}
          </Field>
          <Field label="Password" errors={fieldErrors.password}>
            {(control) => (
              <TextInput {...control} name="password" type="password" autoComplete="current-password" required />
            )}
          </Field>
          <Button type="submit" variant="primary" disabled={pending} className="w-full">
            {pending ? "Signing in…" : "Sign in"}
          </Button>
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
