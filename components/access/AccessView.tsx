"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useRef } from "react";
import { AclsPanel } from "@/components/access/AclsPanel";
import { QuotasPanel } from "@/components/access/QuotasPanel";
import { UsersPanel } from "@/components/access/UsersPanel";
import { PageHeader } from "@/components/ui/PageHeader";
import { cx } from "@/lib/cx";

const TABS = [
  { id: "acls", label: "ACLs" },
  { id: "users", label: "SCRAM users" },
  { id: "quotas", label: "Quotas" },
] as const;
type Tab = (typeof TABS)[number]["id"];

/** Who may use the cluster, as Kafka itself decides: ACLs, SCRAM users and client quotas, one tab each (in the URL). */
export function AccessView({ cluster }: { cluster: string }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const tab: Tab = TABS.find((t) => t.id === params.get("tab"))?.id ?? "acls";

  function select(next: Tab, focus = false) {
    const search = new URLSearchParams(params);
    search.set("tab", next);
    router.replace(`${pathname}?${search.toString()}`, { scroll: false });
    if (focus) tabs.current[TABS.findIndex((t) => t.id === next)]?.focus();
  }

  return (
    <>
      <PageHeader title="Access">
        <p>
          Kafka&apos;s own access control on this cluster: who may read and write what, who may log in, and how fast.
        </p>
      </PageHeader>
      <div
        role="tablist"
        aria-label="Access"
        className="mb-4 flex gap-1 overflow-x-auto border-b border-line"
        onKeyDown={(event) => {
          const i = TABS.findIndex((t) => t.id === tab);
          const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
          const next = TABS[(i + step + TABS.length) % TABS.length];
          if (step !== 0 && next) select(next.id, true);
        }}
      >
        {TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            role="tab"
            id={`access-tab-${t.id}`}
            aria-selected={t.id === tab}
            aria-controls={`access-panel-${t.id}`}
            tabIndex={t.id === tab ? 0 : -1}
            onClick={() => select(t.id)}
            className={cx(
              "-mb-px border-b-2 px-3 py-2 text-sm whitespace-nowrap",
              t.id === tab ? "border-accent font-semibold text-fg" : "border-transparent text-muted hover:text-fg",
            )}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`access-panel-${tab}`} aria-labelledby={`access-tab-${tab}`}>
        {tab === "acls" ? <AclsPanel cluster={cluster} /> : null}
        {tab === "users" ? <UsersPanel cluster={cluster} /> : null}
        {tab === "quotas" ? <QuotasPanel cluster={cluster} /> : null}
      </div>
    </>
  );
}
