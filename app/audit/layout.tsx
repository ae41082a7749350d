import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { Sidebar } from "@/components/layout/Sidebar";
import { allows, effectiveGrant, grantLabel } from "@/lib/auth/permissions";
import { loginPath } from "@/lib/auth/paths";
import { auditPath } from "@/lib/routes";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import { signOut } from "@/server/actions/auth";
import { currentActor } from "@/server/auth/current";
import { getConfig } from "@/server/config";

export const metadata: Metadata = { title: "Audit log" };

/**
 * The frame of the Audit page: the console's sidebar (its section links go to the first cluster the user may see;
 * the switcher goes to another) and the page, which spans every cluster, so no one cluster's reachability gates it.
 */
export default async function AuditLayout({ children }: { children: ReactNode }) {
  const { clusters, auth } = getConfig();
  const actor = await currentActor();
  if (!actor) redirect(loginPath(auditPath()));
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const visible = clusters.filter((cluster) => allows(actor.grants, cluster.name, "read"));
  const first = visible[0];
  const grant = first ? effectiveGrant(actor.grants, first.name) : null;

  return (
    <div className="min-h-dvh md:flex">
      <a
        href="#main"
        className="sr-only rounded-md bg-surface px-3 py-2 text-sm font-medium focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
      >
        Skip to content
      </a>
      {first ? (
        <Sidebar
          cluster={first.name}
          readOnly={first.readOnly}
          clusters={visible.map((cluster) => ({ name: cluster.name, readOnly: cluster.readOnly }))}
          theme={theme}
          user={auth.enabled ? { name: actor.name, role: grant ? grantLabel(grant) : null } : null}
          signOut={signOut}
        />
      ) : null}
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none md:px-8 md:py-8">
        {children}
      </main>
    </div>
  );
}
