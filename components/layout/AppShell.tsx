import type { ReactNode } from "react";
import { ClusterGate } from "@/components/layout/ClusterGate";
import { Sidebar, type SidebarProps } from "@/components/layout/Sidebar";

/**
 * The page frame of one cluster: a skip link, the sidebar (a top bar on narrow screens) and the main area,
 * whose content is replaced by the unreachable panel while the cluster does not answer, or by `denied` when the
 * signed-in user has no role on this cluster (nothing of it is fetched then).
 */
export function AppShell({ children, denied, ...sidebar }: SidebarProps & { children: ReactNode; denied?: ReactNode }) {
  return (
    <div className="min-h-dvh md:flex">
      <a
        href="#main"
        className="sr-only rounded-md bg-surface px-3 py-2 text-sm font-medium focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
      >
        Skip to content
      </a>
      <Sidebar {...sidebar} />
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none md:px-8 md:py-8">
        {denied ?? <ClusterGate cluster={sidebar.cluster}>{children}</ClusterGate>}
      </main>
    </div>
  );
}
