"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { AclCreateForm } from "@/components/access/AclCreateForm";
import { AclDeleteForm } from "@/components/access/AclDeleteForm";
import { AclsTable } from "@/components/access/AclsTable";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { SearchBox, SelectInput } from "@/components/ui/Form";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import { type AclBinding, bindingKey, OPERATIONS } from "@/lib/acls/model";
import { formatQuantity } from "@/lib/format";
import { aclsQuery } from "@/lib/query/options";

const REFRESH_MS = 15_000;
const NO_AUTHORIZER =
  "Its brokers run without an authorizer (Kafka answers SECURITY_DISABLED), so every client may do everything. Set";

/** Whether a binding passes the filters: principal and resource contain the text, the operation is the chosen one. */
function matches(b: AclBinding, principal: string, resource: string, operation: string): boolean {
  return (
    b.principal.toLowerCase().includes(principal.trim().toLowerCase()) &&
    `${b.resourceType} ${b.resourceName}`.toLowerCase().includes(resource.trim().toLowerCase()) &&
    (operation === "" || b.operation === operation)
  );
}

export function AclsPanel({ cluster }: { cluster: string }) {
  const { data, error, isPending, refetch } = useQuery({ ...aclsQuery(cluster), refetchInterval: REFRESH_MS });
  const [principal, setPrincipal] = useState("");
  const [resource, setResource] = useState("");
  const [operation, setOperation] = useState("");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<"create" | "delete" | null>(null);

  const shown = useMemo(
    () => (data?.acls ?? []).filter((b) => matches(b, principal, resource, operation)),
    [data, principal, resource, operation],
  );
  const chosen = (data?.acls ?? []).filter((b) => selected.has(bindingKey(b)));

  if (isPending) return <TableSkeleton label="Loading ACLs…" rows={4} />;
  if (!data) return <ErrorMessage title="Could not load the ACLs" error={error} onRetry={() => void refetch()} />;
  if (!data.authorizer)
    return (
      <EmptyState title="This cluster keeps no ACLs">
        {NO_AUTHORIZER} <code>authorizer.class.name</code> on the brokers to use ACLs.
      </EmptyState>
    );

  return (
    <section aria-label="ACLs" className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        <SearchBox label="Filter by principal" placeholder="Principal" value={principal} onChange={setPrincipal} />
        <SearchBox label="Filter by resource" placeholder="Resource" value={resource} onChange={setResource} />
        <label className="sr-only" htmlFor="acl-operation-filter">
          Filter by operation
        </label>
        <SelectInput
          id="acl-operation-filter"
          className="w-auto"
          value={operation}
          onChange={(event) => setOperation(event.target.value)}
        >
          <option value="">Any operation</option>
          {Object.keys(OPERATIONS).map((op) => (
            <option key={op}>{op}</option>
          ))}
        </SelectInput>
        <div className="ml-auto flex gap-2">
          <Button variant="danger" disabled={chosen.length === 0} onClick={() => setDialog("delete")}>
            Delete {chosen.length > 0 ? formatQuantity(chosen.length, "ACL") : "selected"}
          </Button>
          <Button variant="primary" onClick={() => setDialog("create")}>
            Add ACLs
          </Button>
        </div>
      </div>
      <p className="text-sm text-muted" aria-live="polite">
        {shown.length === data.acls.length
          ? formatQuantity(data.acls.length, "binding")
          : `${formatQuantity(shown.length, "binding")} of ${data.acls.length}`}
      </p>
      {data.acls.length === 0 ? (
        <EmptyState title="No ACLs yet">Only super users may use the cluster until ACLs allow others.</EmptyState>
      ) : (
        <AclsTable bindings={shown} selected={selected} onSelect={setSelected} />
      )}
      <Dialog open={dialog === "create"} title="Add ACLs" onClose={() => setDialog(null)}>
        <AclCreateForm cluster={cluster} onDone={() => setDialog(null)} />
      </Dialog>
      <Dialog open={dialog === "delete"} title="Delete ACLs" onClose={() => setDialog(null)}>
        <AclDeleteForm
          cluster={cluster}
          bindings={chosen}
          onDone={() => {
            setSelected(new Set());
            setDialog(null);
          }}
        />
      </Dialog>
    </section>
  );
}
