"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { LOGIN_PATH } from "@/lib/auth/paths";
import type { ShellUser } from "@/lib/auth/schemas";
import { Button } from "@/components/ui/Button";

/** Who is signed in, their role here, and Sign out (shown only while login is on). */
export function UserBox({ user, signOut }: { user: ShellUser; signOut: () => Promise<ActionResult<null>> }) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <div className="space-y-2 text-sm">
      <p className="min-w-0">
        <span className="text-muted">Signed in as </span>
        <span className="break-all font-medium" data-testid="signed-in-user">
          {user.name}
        </span>
        {user.role ? <span className="text-muted"> · {user.role}</span> : null}
      </p>
      <Button
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setFailed(false);
          try {
            await signOut();
            window.location.assign(LOGIN_PATH);
          } catch {
            setFailed(true);
            setPending(false);
          }
        }}
      >
        {pending ? "Signing out…" : "Sign out"}
      </Button>
      {failed ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          The console server did not answer; try again.
        </p>
      ) : null}
    </div>
  );
}
