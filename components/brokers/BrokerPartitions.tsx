"use client";

import { useDeferredValue, useId, useMemo, useState } from "react";
import { Badge } from "@/components/ui/Badge";
import { DetailSection } from "@/components/ui/DetailParts";
import { SearchBox } from "@/components/ui/Form";
import { Link } from "@/components/ui/Link";
import { Table, Td, Th } from "@/components/ui/Table";
import {
  BROKER_PARTITIONS_SHOWN,
  type BrokerPartition,
  describeBrokerPartitions,
  filterBrokerPartitions,
} from "@/lib/brokers/partitions";
import { formatInteger } from "@/lib/format";
import { topicPath } from "@/lib/routes";

function shownNote(shown: number, matching: number, total: number): string | null {
  if (matching === total) return shown < total ? `The first ${formatInteger(shown)} of ${formatInteger(total)}.` : null;
  const of = `${formatInteger(matching)} of ${formatInteger(total)} match`;
  return shown < matching ? `${of}; the first ${formatInteger(shown)} are shown.` : `${of}.`;
}

/**
 * The partitions a broker leads and follows (~17,000 on a broker of a 50,000-partition cluster), searchable by topic
 * and narrowed to the replicas out of sync, the first 500 of them drawn.
 */
export function BrokerPartitions({ cluster, partitions }: { cluster: string; partitions: readonly BrokerPartition[] }) {
  const [q, setQ] = useState("");
  const [notInSync, setNotInSync] = useState(false);
  const filter = useDeferredValue(useMemo(() => ({ q, notInSync }), [q, notInSync]));
  const matching = useMemo(() => filterBrokerPartitions(partitions, filter), [partitions, filter]);
  const shown = matching.slice(0, BROKER_PARTITIONS_SHOWN);
  const note = shownNote(shown.length, matching.length, partitions.length);
  const checkboxId = useId();
  return (
    <DetailSection id="broker-partitions" title="Partitions" description={describeBrokerPartitions(partitions)}>
      {partitions.length === 0 ? (
        <p className="text-sm text-muted">This broker holds no replica.</p>
      ) : (
        <>
          <div className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-2">
            <SearchBox
              className="w-full max-w-sm"
              label="Search partitions by topic"
              placeholder="Search by topic"
              value={q}
              onChange={setQ}
            />
            <label htmlFor={checkboxId} className="inline-flex items-center gap-2 text-sm">
              <input
                id={checkboxId}
                type="checkbox"
                checked={notInSync}
                onChange={(event) => setNotInSync(event.target.checked)}
              />
              Only replicas not in sync
            </label>
          </div>
          {shown.length === 0 ? (
            <p className="text-sm text-muted">
              {filter.notInSync && filter.q.trim() === ""
                ? "Every replica on this broker is in sync."
                : "No partition on this broker matches."}
            </p>
          ) : (
            <Table label="Partitions on this broker">
              <thead>
                <tr>
                  <Th>Topic</Th>
                  <Th numeric>Partition</Th>
                  <Th>Role</Th>
                  <Th>Replicas</Th>
                  <Th>In sync</Th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={`${p.topic}-${p.partition}`}>
                    <Td>
                      <Link className="underline-offset-2 hover:underline" href={topicPath(cluster, p.topic)}>
                        {p.topic}
                      </Link>
                    </Td>
                    <Td numeric>{p.partition}</Td>
                    <Td>{p.role === "leader" ? "Leader" : "Follower"}</Td>
                    <Td className="font-mono text-xs">{p.replicas.join(", ")}</Td>
                    <Td>{p.inSync ? "Yes" : <Badge tone="warning">Not in sync</Badge>}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {note ? (
            <p className="mt-2 text-sm text-muted" role="status">
              {note}
            </p>
          ) : null}
        </>
      )}
    </DetailSection>
  );
}
