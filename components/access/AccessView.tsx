"use client";

import { AclsPanel } from "@/components/access/AclsPanel";
import { QuotasPanel } from "@/components/access/QuotasPanel";
import { UsersPanel } from "@/components/access/UsersPanel";
import { PageHeader } from "@/components/ui/PageHeader";
import { UrlTabs } from "@/components/ui/UrlTabs";

const TABS = [
  { id: "acls", label: "ACLs" },
  { id: "users", label: "SCRAM users" },
  { id: "quotas", label: "Quotas" },
] as const;

/** Who may use the cluster, as Kafka itself decides: ACLs, SCRAM users and client quotas, one tab each (in the URL). */
export function AccessView({ cluster }: { cluster: string }) {
  return (
    <>
      <PageHeader title="Access">
        <p>
          Kafka&apos;s own access control on this cluster: who may read and write what, who may log in, and how fast.
        </p>
      </PageHeader>
      <UrlTabs label="Access" idPrefix="access" tabs={TABS}>
        {(tab) =>
          tab === "acls" ? (
            <AclsPanel cluster={cluster} />
          ) : tab === "users" ? (
            <UsersPanel cluster={cluster} />
          ) : (
            <QuotasPanel cluster={cluster} />
          )
        }
      </UrlTabs>
    </>
  );
}
