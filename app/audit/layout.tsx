import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ShellFrame } from "@/components/layout/ShellFrame";
import { Sidebar } from "@/components/layout/Sidebar";
import { allows } from "@/lib/auth/permissions";
import { loginPath } from "@/lib/auth/paths";
import { auditPath } from "@/lib/routes";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import { signOut } from "@/server/auth/actions";
import { currentActor } from "@/server/auth/current";
import { shellUser } from "@/server/auth/shell";
import { getConfig } from "@/server/config/load";

export const metadata: Metadata = { title: "Audit log" };

/**
 * The frame of the Audit page: the console's sidebar (its section links go to the first cluster the user may see;
 * the switcher goes to another) and the page, which spans every cluster, so no one cluster's reachability gates it.
 */
export default async function AuditLayout({ children }: { children: ReactNode }) {
  const { clusters } = getConfig();
  const actor = await currentActor();
  if (!actor) redirect(loginPath(auditPath()));
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const visible = clusters.filter((cluster) => allows(actor.grants, cluster.name, "read"));
  const first = visible[0];

  return (
    <ShellFrame
      sidebar={
        first ? (
          <Sidebar
            cluster={first.name}
            readOnly={first.readOnly}
            clusters={visible.map((cluster) => ({ name: cluster.name, readOnly: cluster.readOnly }))}
            theme={theme}
            user={shellUser(actor, first.name)}
            signOut={signOut}
          />
        ) : null
      }
    >
      {children}
    </ShellFrame>
  );
}
