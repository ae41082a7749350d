import type { GroupMember } from "@/lib/api/types";
import { formatInteger } from "@/lib/format";

/**
 * Kafka's rule in words: offsets of a group with live members cannot be set from outside; which members, and how to
 * stop them.
 */
export function ActiveMembersRefusal({ members }: { members: readonly GroupMember[] }) {
  return (
    <div
      role="alert"
      className={
        "rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900 " +
        "dark:border-red-800 dark:bg-red-950/40 dark:text-red-100"
      }
    >
      <p className="font-semibold">
        This reset cannot be applied: the group has {formatInteger(members.length)} active{" "}
        {members.length === 1 ? "member" : "members"}, and Kafka refuses offset changes from outside a group while any
        member is connected.
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-5" aria-label="Active members">
        {members.map((member) => (
          <li key={member.memberId} className="break-all">
            <span className="font-medium">{member.clientId || "(no client id)"}</span> on{" "}
            <span className="font-mono text-xs">{member.host}</span>{" "}
            <span className="text-xs">
              (member id <span className="font-mono">{member.memberId}</span>)
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-2">
        Stop the consumers of this group (for example stop the application, or scale it to zero), wait for the group to
        become Empty, then preview again.
      </p>
    </div>
  );
}
