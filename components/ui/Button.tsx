import type { ButtonHTMLAttributes } from "react";
import { cx } from "@/lib/cx";

type Variant = "primary" | "secondary" | "danger";

const VARIANTS: Record<Variant, string> = {
  primary:
    "border-transparent bg-indigo-700 text-white hover:bg-indigo-800 dark:bg-indigo-300 dark:text-indigo-950 " +
    "dark:hover:bg-indigo-200",
  secondary: "border-line bg-surface text-fg hover:bg-sunken",
  danger:
    "border-transparent bg-red-700 text-white hover:bg-red-800 dark:bg-red-400 dark:text-red-950 dark:hover:bg-red-300",
};

const BASE =
  "inline-flex items-center justify-center gap-2 rounded-md border px-3 py-1.5 text-sm font-medium " +
  "transition-colors disabled:cursor-not-allowed disabled:opacity-60";

/** The classes of a button of this variant, for a link that must look like one (navigation stays a link). */
export function buttonClass(variant: Variant = "secondary", className?: string): string {
  return cx(BASE, VARIANTS[variant], className);
}

/** A button with the console's look; type defaults to "button" so it never submits a form by accident. */
export function Button({
  variant = "secondary",
  className,
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}
