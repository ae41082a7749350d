"use client";

import { useState } from "react";
import { BrokerConfigForm } from "@/components/brokers/BrokerConfigForm";
import { Badge, type Tone } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { TextInput } from "@/components/ui/Form";
import { Table, Td, Th } from "@/components/ui/Table";
import type { BrokerConfigEntry, BrokerConfigSource } from "@/lib/api/types";

export const BROKER_SOURCE_LABELS: Record<BrokerConfigSource, [string, Tone]> = {
  "dynamic-broker": ["Dynamic, this broker", "info"],
  "dynamic-default": ["Dynamic, cluster default", "info"],
  static: ["Static (server.properties)", "neutral"],
  default: ["Kafka default", "neutral"],
  unknown: ["Unknown", "neutral"],
};

/** A broker's configs, searchable, with their source and whether they change without a restart; dynamic ones edit. */
export function BrokerConfigsTable({
  cluster,
  broker,
  configs,
  blocked,
}: {
  cluster: string;
  broker: number;
  configs: readonly BrokerConfigEntry[];
  blocked: boolean;
}) {
  const [search, setSearch] = useState("");
  const [editing, setEditing] = useState<BrokerConfigEntry | null>(null);
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = configs.filter((c) => words.every((w) => c.name.includes(w)));
  return (
    <>
      <div className="mb-2 max-w-sm">
        <TextInput
          aria-label="Search configs"
          placeholder="Search configs"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <Table label="Broker configs">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Value</Th>
            <Th>Source</Th>
            <Th>Change</Th>
          </tr>
        </thead>
        <tbody>
          {shown.map((c) => {
            const [label, tone] = BROKER_SOURCE_LABELS[c.source];
            return (
              <tr key={c.name} className="hover:bg-sunken/60">
                <Td className="font-mono text-xs">{c.name}</Td>
                <Td className="max-w-xs font-mono text-xs break-all">
                  {c.sensitive ? (
                    <span className="text-muted">(hidden)</span>
                  ) : (
                    (c.value ?? <span className="text-muted">—</span>)
                  )}
                </Td>
                <Td>
                  <Badge tone={tone}>{label}</Badge>
                </Td>
                <Td>
                  {c.readOnly ? (
                    <span className="text-muted">Needs a restart</span>
                  ) : blocked ? (
                    <span className="text-muted">Dynamic</span>
                  ) : (
                    <Button aria-label={`Edit ${c.name}`} onClick={() => setEditing(c)}>
                      Edit
                    </Button>
                  )}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      {shown.length === 0 ? <p className="mt-2 text-sm text-muted">No config matches “{search}”.</p> : null}
      <Dialog open={editing !== null} title={editing ? `Edit ${editing.name}` : ""} onClose={() => setEditing(null)}>
        {editing ? (
          <BrokerConfigForm cluster={cluster} broker={broker} entry={editing} onDone={() => setEditing(null)} />
        ) : null}
      </Dialog>
    </>
  );
}
