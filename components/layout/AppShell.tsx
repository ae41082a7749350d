import type { ReactNode } from "react";
import { ClusterGate } from "@/components/layout/ClusterGate";
import { ShellFrame } from "@/components/layout/ShellFrame";
import { Sidebar, type SidebarProps } from "@/components/layout/Sidebar";

/**
 * The frame of one cluster's pages, whose content is replaced by the unreachable panel while the cluster does not
 * answer, or by `denied` when the signed-in user has no role on this cluster (nothing of it is fetched then).
 */
export function AppShell({ children, denied, ...sidebar }: SidebarProps & { children: ReactNode; denied?: ReactNode }) {
  return (
    <ShellFrame sidebar={<Sidebar {...sidebar} />}>
      {denied ?? <ClusterGate cluster={sidebar.cluster}>{children}</ClusterGate>}
    </ShellFrame>
  );
}
