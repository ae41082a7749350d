"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { DetailSection, RowHeader } from "@/components/ui/DetailParts";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { FormLoading } from "@/components/ui/FormLoading";
import { SearchBox } from "@/components/ui/Form";
import { Table, Td, Th } from "@/components/ui/Table";
import type { TopicConfigEntry } from "@/lib/api/types";
import { formatInteger } from "@/lib/format";
import { CONFIG_SOURCE_LABELS, filterConfigs, formatConfigValue, sortConfigs } from "@/lib/topics/configs";

// Loaded when their dialog opens: the page's first paint does not wait for react-hook-form and zod.
const EditConfigForm = dynamic(() => import("@/components/topics/detail/ConfigForms").then((m) => m.EditConfigForm), {
  loading: FormLoading,
});
const ResetConfigForm = dynamic(() => import("@/components/topics/detail/ConfigForms").then((m) => m.ResetConfigForm), {
  loading: FormLoading,
});
const AddOverrideForm = dynamic(() => import("@/components/topics/detail/ConfigForms").then((m) => m.AddOverrideForm), {
  loading: FormLoading,
});

type Editing = { kind: "edit" | "reset"; entry: TopicConfigEntry } | { kind: "add" } | null;

function dialogTitle(editing: NonNullable<Editing>): string {
  if (editing.kind === "add") return "Add config override";
  return `${editing.kind === "edit" ? "Edit" : "Reset"} ${editing.entry.name}`;
}

function ConfigValue({ entry }: { entry: TopicConfigEntry }) {
  const shown = formatConfigValue(entry.name, entry.value, entry.sensitive);
  if (shown.kind !== "raw" && shown.kind !== "formatted")
    return <span className="text-muted italic">{shown.text}</span>;
  return (
    <div className="max-w-md min-w-32 break-words whitespace-normal" title={entry.value ?? undefined}>
      {shown.text}
      {shown.kind === "formatted" ? <span className="ml-2 font-mono text-xs text-muted">{entry.value}</span> : null}
    </div>
  );
}

function SourceBadge({ source }: { source: TopicConfigEntry["source"] }) {
  return <Badge tone={source === "topic" ? "info" : "neutral"}>{CONFIG_SOURCE_LABELS[source]}</Badge>;
}

function ConfigsTable({
  rows,
  blocked,
  onEdit,
}: {
  rows: readonly TopicConfigEntry[];
  blocked: boolean;
  onEdit: (kind: "edit" | "reset", entry: TopicConfigEntry) => void;
}) {
  return (
    <Table label="Configs">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Value</Th>
          <Th>Source</Th>
          {blocked ? null : (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((entry) => (
          <tr key={entry.name} className="hover:bg-sunken/60">
            <RowHeader className="font-mono text-xs">{entry.name}</RowHeader>
            <Td>
              <ConfigValue entry={entry} />
            </Td>
            <Td>
              <SourceBadge source={entry.source} />
            </Td>
            {blocked ? null : (
              <Td className="text-right">
                {entry.readOnly ? (
                  <span className="text-xs text-muted">Read-only in Kafka</span>
                ) : (
                  <span className="inline-flex gap-2">
                    <Button
                      className="px-2 py-1 text-xs"
                      aria-label={`Edit ${entry.name}`}
                      onClick={() => onEdit("edit", entry)}
                    >
                      Edit
                    </Button>
                    {entry.source === "topic" ? (
                      <Button
                        className="px-2 py-1 text-xs"
                        aria-label={`Reset ${entry.name}`}
                        onClick={() => onEdit("reset", entry)}
                      >
                        Reset
                      </Button>
                    ) : null}
                  </span>
                )}
              </Td>
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/**
 * The topic's configs, overrides first, with a filter box. Unless changes are `blocked` (the topic's actions say
 * why), each row can be edited (and reset, if it is an override) and new overrides added; every change sends only
 * the keys it changes.
 */
export function ConfigsSection({
  cluster,
  topic,
  configs,
  blocked,
}: {
  cluster: string;
  topic: string;
  configs: readonly TopicConfigEntry[];
  blocked: boolean;
}) {
  const [filter, setFilter] = useState("");
  const [overridesOnly, setOverridesOnly] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const rows = filterConfigs(sortConfigs(configs), filter).filter((e) => !overridesOnly || e.source === "topic");
  const overrides = configs.filter((entry) => entry.source === "topic").length;
  const close = () => setEditing(null);

  return (
    <>
      <DetailSection
        id="configs-heading"
        title="Configs"
        description={
          `${formatInteger(overrides)} set on this topic, the rest inherited from the broker or ` + `Kafka's defaults.`
        }
        actions={blocked ? null : <Button onClick={() => setEditing({ kind: "add" })}>Add override</Button>}
      >
        <div className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2">
          <SearchBox
            label="Filter configs"
            placeholder="Filter configs by name or value"
            value={filter}
            onChange={setFilter}
            className="w-full max-w-sm"
          />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={overridesOnly} onChange={(e) => setOverridesOnly(e.target.checked)} />
            Overrides only
          </label>
        </div>
        {rows.length === 0 ? (
          overridesOnly && filter === "" ? (
            <EmptyState title="No config is set on this topic">
              Every value comes from the broker or Kafka&apos;s defaults.
            </EmptyState>
          ) : (
            <EmptyState title="No config matches the filter">
              Try a shorter part of the name, like “retention”.
            </EmptyState>
          )
        ) : (
          <ConfigsTable rows={rows} blocked={blocked} onEdit={(kind, entry) => setEditing({ kind, entry })} />
        )}
      </DetailSection>
      {/* Outside the section, so the dialog's buttons are not taken for the section's own ("Add override"). */}
      <Dialog open={editing !== null} title={editing ? dialogTitle(editing) : ""} onClose={close}>
        {editing?.kind === "edit" ? (
          <EditConfigForm cluster={cluster} topic={topic} entry={editing.entry} onDone={close} />
        ) : null}
        {editing?.kind === "reset" ? (
          <ResetConfigForm cluster={cluster} topic={topic} entry={editing.entry} onDone={close} />
        ) : null}
        {editing?.kind === "add" ? (
          <AddOverrideForm cluster={cluster} topic={topic} known={configs.map((entry) => entry.name)} onDone={close} />
        ) : null}
      </Dialog>
    </>
  );
}
