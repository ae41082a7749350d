import { Link } from "@/components/ui/Link";
import type { ReactNode } from "react";

/** Said in place of a detail page whose subject does not exist (the API answered not_found), with the way back. */
export function NotFoundPanel({
  title,
  backHref,
  backLabel,
  children,
}: {
  title: string;
  backHref: string;
  backLabel: string;
  children?: ReactNode;
}) {
  return (
    <div role="alert" className="rounded-lg border border-line bg-surface p-4">
      <p className="font-semibold break-words">{title}</p>
      <div className="mt-1 text-sm text-muted">
        {children ?? "It may have been deleted, or the address has a typo."}
      </div>
      <Link
        href={backHref}
        className="mt-3 inline-block text-sm font-medium text-accent underline-offset-2 hover:underline"
      >
        {backLabel}
      </Link>
    </div>
  );
}
