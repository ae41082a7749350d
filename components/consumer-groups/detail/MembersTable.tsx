import { EmptyState } from "@/components/ui/EmptyState";
import { RowHeader } from "@/components/ui/DetailParts";
import { Table, Td, Th } from "@/components/ui/Table";
import type { GroupMember } from "@/lib/api/types";
import { assignmentLines } from "@/lib/groups/display";

/** The consumers in the group now, with the partitions each is assigned. */
export function MembersTable({ members }: { members: readonly GroupMember[] }) {
  if (members.length === 0) {
    return (
      <EmptyState title="No active members">
        <p>No consumer is connected to this group now. Offsets can be reset only while no members are active.</p>
      </EmptyState>
    );
  }
  return (
    <Table label="Members">
      <thead>
        <tr>
          <Th>Member id</Th>
          <Th>Client id</Th>
          <Th>Host</Th>
          <Th>Assigned partitions</Th>
        </tr>
      </thead>
      <tbody>
        {members.map((member) => {
          const lines = assignmentLines(member.assignments);
          return (
            <tr key={member.memberId} className="align-top hover:bg-sunken/60">
              <RowHeader className="max-w-xs font-mono text-xs font-normal! break-all whitespace-normal!">
                {member.memberId}
                {member.groupInstanceId !== null ? (
                  <span className="mt-1 block font-sans text-muted">Static member: {member.groupInstanceId}</span>
                ) : null}
              </RowHeader>
              <Td className="break-all whitespace-normal!">{member.clientId}</Td>
              <Td className="font-mono text-xs">{member.host}</Td>
              <Td className="whitespace-normal!">
                {lines.length === 0 ? (
                  <span className="text-muted">none</span>
                ) : (
                  <ul className="tabular-nums">
                    {lines.map((line) => (
                      <li key={line} className="break-words">
                        {line}
                      </li>
                    ))}
                  </ul>
                )}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
