import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/AppShell";
import { decodeSegment } from "@/lib/routes";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import { getConfig } from "@/server/config";

interface Props {
  children: ReactNode;
  params: Promise<{ cluster: string }>;
}

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const name = decodeSegment((await params).cluster);
  return { title: { template: `%s · ${name} · Kafka Console`, default: name } };
}

/** The shell of every page of one configured cluster; an unknown cluster is a 404. */
export default async function ClusterLayout({ children, params }: Props) {
  const name = decodeSegment((await params).cluster);
  const { clusters } = getConfig();
  const current = clusters.find((cluster) => cluster.name === name);
  if (!current) notFound();

  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);

  return (
    <AppShell
      cluster={current.name}
      readOnly={current.readOnly}
      clusters={clusters.map((cluster) => ({ name: cluster.name, readOnly: cluster.readOnly }))}
      theme={theme}
    >
      {children}
    </AppShell>
  );
}
