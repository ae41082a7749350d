"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { UserDeleteForm, UserForm } from "@/components/access/UserForms";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { Table, Td, Th } from "@/components/ui/Table";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import { formatInteger } from "@/lib/format";
import { scramUsersQuery } from "@/lib/query/options";

type Open = { kind: "create" } | { kind: "password"; name: string } | { kind: "delete"; name: string } | null;

/** The cluster's SCRAM users (mechanisms and iterations: Kafka never gives passwords back), made and removed here. */
export function UsersPanel({ cluster }: { cluster: string }) {
  const { data, error, isPending, refetch } = useQuery(scramUsersQuery(cluster));
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);

  if (isPending) return <TableSkeleton label="Loading SCRAM users…" rows={3} />;
  if (!data)
    return <ErrorMessage title="Could not load the SCRAM users" error={error} onRetry={() => void refetch()} />;

  return (
    <section aria-label="SCRAM users" className="space-y-3">
      <div className="flex justify-end">
        <Button variant="primary" onClick={() => setOpen({ kind: "create" })}>
          Create user
        </Button>
      </div>
      {data.users.length === 0 ? (
        <EmptyState title="No SCRAM users">
          Applications log in with SCRAM-SHA-256 or SCRAM-SHA-512 once a user exists here.
        </EmptyState>
      ) : (
        <Table label="SCRAM users">
          <thead>
            <tr>
              <Th>User</Th>
              <Th>Mechanisms</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {data.users.map((user) => (
              <tr key={user.name}>
                <Td className="font-mono">{user.name}</Td>
                <Td>
                  {user.mechanisms.map((m) => `${m.mechanism} (${formatInteger(m.iterations)} iterations)`).join(", ")}
                </Td>
                <Td className="text-right">
                  <div className="flex justify-end gap-2">
                    <Button onClick={() => setOpen({ kind: "password", name: user.name })}>Set password</Button>
                    <Button variant="danger" onClick={() => setOpen({ kind: "delete", name: user.name })}>
                      Delete
                    </Button>
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Dialog open={open?.kind === "create"} title="Create SCRAM user" onClose={close}>
        <UserForm cluster={cluster} />
      </Dialog>
      <Dialog open={open?.kind === "password"} title="Set password" onClose={close}>
        {open?.kind === "password" ? <UserForm cluster={cluster} name={open.name} /> : null}
      </Dialog>
      <Dialog open={open?.kind === "delete"} title="Delete SCRAM user" onClose={close}>
        {open?.kind === "delete" ? <UserDeleteForm cluster={cluster} name={open.name} onDone={close} /> : null}
      </Dialog>
    </section>
  );
}
