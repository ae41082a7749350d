"use client";

import { type ComponentProps, type ReactNode, useId } from "react";
import { useHydrated } from "@/components/ui/useHydrated";
import { cx } from "@/lib/cx";

const CONTROL =
  "block w-full rounded-md border bg-surface px-3 py-1.5 text-sm text-fg placeholder:text-muted/70 " +
  "disabled:opacity-60 aria-[invalid=true]:border-red-600 dark:aria-[invalid=true]:border-red-400 border-line";

export interface FieldControlProps {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby"?: string;
}

/**
 * A labelled form field: label, the control (rendered by `children` with the ids it needs), a hint, and the
 * field's errors in words, announced to screen readers. Pass the messages of `fieldErrors[name]` as `errors`.
 */
export function Field({
  label,
  hint,
  errors,
  warning,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[] | undefined;
  warning?: ReactNode;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = (errors?.length ?? 0) > 0;
  const describedBy = [hint ? hintId : null, invalid ? errorId : null, warning ? `${id}-warning` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={cx("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({ id, "aria-invalid": invalid, ...(describedBy ? { "aria-describedby": describedBy } : {}) })}
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {warning ? (
        <p id={`${id}-warning`} className="text-xs text-amber-800 dark:text-amber-300">
          {warning}
        </p>
      ) : null}
      {invalid ? (
        <p id={errorId} className="text-xs font-medium text-red-700 dark:text-red-300">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** A text box; `ref` (react-hook-form's register) reaches the input. */
export function TextInput({ className, ...props }: ComponentProps<"input">) {
  return <input className={cx(CONTROL, className)} {...props} />;
}

export function SelectInput({ className, ...props }: ComponentProps<"select">) {
  return <select className={cx(CONTROL, "pr-8", className)} {...props} />;
}

export function TextArea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cx(CONTROL, className)} {...props} />;
}

/**
 * A form's controls, disabled until the page has hydrated. Before that a server-rendered form only looks ready: what
 * one types is lost when React takes the field over (its state, not the field, holds the value), and a submit is the
 * browser's own, a GET of the page with the fields' values in its URL (a password too).
 */
export function FormControls({ className, children }: { className?: string; children: ReactNode }) {
  const hydrated = useHydrated();
  return (
    <fieldset disabled={!hydrated} className={cx("min-w-0", className)}>
      {children}
    </fieldset>
  );
}

/** The message of a failed action (or of a refused form) above the submit button. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p
      role="alert"
      className={
        "rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 " +
        "dark:border-red-800 dark:bg-red-950/60 dark:text-red-200"
      }
    >
      {message}
    </p>
  );
}

/** A search box named by `label` (for screen readers; the placeholder says it to the eye), filtering as one types. */
export function SearchBox({
  label,
  placeholder,
  value,
  onChange,
  className,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <TextInput
        id={id}
        type="search"
        value={value}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
