"use client";

import { Badge } from "@/components/ui/Badge";
import { Table, Td, Th } from "@/components/ui/Table";
import { type AclBinding, bindingKey } from "@/lib/acls/model";

/** ACL bindings, one per row, in kafka-acls' words; with `onSelect`, rows can be chosen for deletion. */
export function AclsTable({
  bindings,
  selected,
  onSelect,
  label = "ACLs",
}: {
  bindings: readonly AclBinding[];
  selected?: ReadonlySet<string>;
  onSelect?: (next: ReadonlySet<string>) => void;
  label?: string;
}) {
  function toggle(key: string) {
    if (!selected || !onSelect) return;
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    onSelect(next);
  }
  return (
    <Table label={label}>
      <thead>
        <tr>
          {onSelect ? (
            <Th>
              <span className="sr-only">Chosen</span>
            </Th>
          ) : null}
          <Th>Principal</Th>
          <Th>Permission</Th>
          <Th>Operation</Th>
          <Th>Resource</Th>
          <Th>Pattern</Th>
          <Th>Host</Th>
        </tr>
      </thead>
      <tbody>
        {bindings.map((b) => {
          const key = bindingKey(b);
          const name = `${b.permission} ${b.operation} on ${b.resourceType} ${b.resourceName} for ${b.principal}`;
          return (
            <tr key={key}>
              {onSelect ? (
                <Td>
                  <input
                    type="checkbox"
                    aria-label={`Choose ${name}`}
                    checked={selected?.has(key) ?? false}
                    onChange={() => toggle(key)}
                  />
                </Td>
              ) : null}
              <Td className="font-mono text-xs">{b.principal}</Td>
              <Td>
                <Badge tone={b.permission === "ALLOW" ? "success" : "danger"}>{b.permission}</Badge>
              </Td>
              <Td>{b.operation}</Td>
              <Td>
                <span className="text-muted">{b.resourceType}</span> <span className="font-mono">{b.resourceName}</span>
              </Td>
              <Td>{b.patternType}</Td>
              <Td className="font-mono text-xs">{b.host}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
