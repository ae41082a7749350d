import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/AppShell";
import { EmptyState } from "@/components/ui/EmptyState";
import { allows, effectiveGrant } from "@/lib/auth/permissions";
import { loginPath } from "@/lib/auth/paths";
import { clusterPath, decodeSegment } from "@/lib/routes";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import { signOut } from "@/server/auth/actions";
import { currentActor } from "@/server/auth/current";
import { shellUser } from "@/server/auth/shell";
import { getConfig } from "@/server/config/load";

interface Props {
  children: ReactNode;
  params: Promise<{ cluster: string }>;
}

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const name = decodeSegment((await params).cluster);
  return { title: { template: `%s · ${name} · Kafka Console`, default: name } };
}

/**
 * The shell of every page of one configured cluster; an unknown cluster is a 404. With login on, the switcher lists
 * only the clusters the user has a role on, and a cluster without one shows why instead of its page.
 */
export default async function ClusterLayout({ children, params }: Props) {
  const name = decodeSegment((await params).cluster);
  const { clusters } = getConfig();
  const current = clusters.find((cluster) => cluster.name === name);
  if (!current) notFound();
  const actor = await currentActor();
  if (!actor) redirect(loginPath(clusterPath(current.name, "overview")));

  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const grant = effectiveGrant(actor.grants, current.name);
  const visible = clusters.filter(
    (cluster) => cluster.name === current.name || allows(actor.grants, cluster.name, "read"),
  );

  return (
    <AppShell
      cluster={current.name}
      readOnly={current.readOnly}
      clusters={visible.map((cluster) => ({ name: cluster.name, readOnly: cluster.readOnly }))}
      theme={theme}
      user={shellUser(actor, current.name)}
      signOut={signOut}
      denied={
        grant ? undefined : (
          <EmptyState title="No access to this cluster">
            <p>
              {actor.name} has no role on {current.name}. Ask your administrator for one, or pick another cluster.
            </p>
          </EmptyState>
        )
      }
    >
      {children}
    </AppShell>
  );
}
