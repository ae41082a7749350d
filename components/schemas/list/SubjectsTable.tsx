"use client";

import { Link } from "@/components/ui/Link";
import { Badge } from "@/components/ui/Badge";
import { RowHeader } from "@/components/ui/DetailParts";
import { Table, Td, Th } from "@/components/ui/Table";
import type { SubjectSummary } from "@/lib/api/schemas";
import { formatInteger } from "@/lib/format";
import { subjectPath } from "@/lib/routes";
import { FORMAT_WORDS } from "@/lib/schemas/display";

/** The subjects, one row each: format, latest version and its schema id, compatibility, and who references it. */
export function SubjectsTable({ cluster, subjects }: { cluster: string; subjects: readonly SubjectSummary[] }) {
  return (
    <Table label="Subjects">
      <thead>
        <tr>
          <Th>Subject</Th>
          <Th>Format</Th>
          <Th numeric>Latest version</Th>
          <Th numeric>Schema id</Th>
          <Th>Compatibility</Th>
          <Th>Referenced by</Th>
        </tr>
      </thead>
      <tbody>
        {subjects.map((s) => (
          <tr key={s.subject}>
            <RowHeader className="max-w-[24rem] overflow-hidden" title={s.subject}>
              <Link href={subjectPath(cluster, s.subject)} className="block truncate text-accent hover:underline">
                {s.subject}
              </Link>
            </RowHeader>
            <Td>
              <Badge>{FORMAT_WORDS[s.format]}</Badge>
            </Td>
            <Td numeric>{formatInteger(s.latestVersion)}</Td>
            <Td numeric>{formatInteger(s.id)}</Td>
            <Td className={s.compatibility === null ? "text-muted" : undefined}>{s.compatibility ?? "not said"}</Td>
            <Td className="max-w-[20rem] truncate" title={s.referencedBy.join("\n") || undefined}>
              {s.referencedBy.length === 0 ? (
                <span className="text-muted">none</span>
              ) : (
                s.referencedBy.map((r, i) => (
                  <span key={r}>
                    {i > 0 ? ", " : null}
                    <Link href={subjectPath(cluster, r)} className="text-accent hover:underline">
                      {r}
                    </Link>
                  </span>
                ))
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
