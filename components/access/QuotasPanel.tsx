"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { QuotaForm } from "@/components/access/QuotaForm";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { FormError } from "@/components/ui/Form";
import { Table, Td, Th } from "@/components/ui/Table";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import { useActionMutation } from "@/components/ui/useActionMutation";
import { QUOTA_KEYS, type QuotaKey } from "@/lib/acls/users";
import type { QuotasResponse } from "@/lib/api/acls";
import { formatBytes, formatInteger } from "@/lib/format";
import { queryKeys } from "@/lib/query/keys";
import { quotasQuery } from "@/lib/query/options";
import { alterQuota } from "@/server/acls/actions";

type Entity = QuotasResponse["quotas"][number]["entity"];

export function entityLabel(entity: Entity): string {
  const parts: string[] = [];
  if (entity.user !== undefined) parts.push(entity.user === null ? "Default user" : `User ${entity.user}`);
  if (entity.clientId !== undefined)
    parts.push(entity.clientId === null ? "default client id" : `client id ${entity.clientId}`);
  return parts.join(", ");
}

function value(key: QuotaKey, v: number | undefined): string {
  if (v === undefined) return "—";
  return key === "request_percentage" ? `${formatInteger(v)} %` : `${formatBytes(v)}/s`;
}

const HEADINGS: Record<QuotaKey, string> = {
  producer_byte_rate: "Produce rate",
  consumer_byte_rate: "Fetch rate",
  request_percentage: "Request time",
};

/** Client quotas by user and client id (defaults included): set, change and remove. */
export function QuotasPanel({ cluster }: { cluster: string }) {
  const { data, error, isPending, refetch } = useQuery(quotasQuery(cluster));
  const [open, setOpen] = useState(false);
  const remove = useActionMutation(cluster, alterQuota, () => [queryKeys.quotas(cluster)]);

  if (isPending) return <TableSkeleton label="Loading quotas…" rows={3} />;
  if (!data) return <ErrorMessage title="Could not load the quotas" error={error} onRetry={() => void refetch()} />;

  return (
    <section aria-label="Quotas" className="space-y-3">
      <p className="text-sm text-muted">
        A client over its quota is slowed by the brokers (its requests are delayed), never refused. Rates are per
        broker.
      </p>
      <div className="flex justify-end">
        <Button variant="primary" onClick={() => setOpen(true)}>
          Set a quota
        </Button>
      </div>
      <FormError message={remove.error?.message} />
      {data.quotas.length === 0 ? (
        <EmptyState title="No quotas">Every client may produce and fetch as fast as the brokers allow.</EmptyState>
      ) : (
        <Table label="Quotas">
          <thead>
            <tr>
              <Th>Applies to</Th>
              {QUOTA_KEYS.map((k) => (
                <Th key={k} numeric>
                  {HEADINGS[k]}
                </Th>
              ))}
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {data.quotas.map((q) => (
              <tr key={entityLabel(q.entity)}>
                <Td>{entityLabel(q.entity)}</Td>
                {QUOTA_KEYS.map((k) => (
                  <Td key={k} numeric>
                    {value(k, q.values[k])}
                  </Td>
                ))}
                <Td className="text-right">
                  <Button
                    disabled={remove.isPending}
                    aria-label={`Remove the quotas of ${entityLabel(q.entity)}`}
                    onClick={() =>
                      remove.mutate({
                        entity: q.entity,
                        remove: QUOTA_KEYS.filter((k) => q.values[k] !== undefined),
                      })
                    }
                  >
                    Remove
                  </Button>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Dialog open={open} title="Set a quota" onClose={() => setOpen(false)}>
        <QuotaForm cluster={cluster} onDone={() => setOpen(false)} />
      </Dialog>
    </section>
  );
}
