import { Link } from "@/components/ui/Link";
import { buttonClass } from "@/components/ui/Button";
import { type BlockedReason, blockedText } from "@/lib/auth/blocked";
import { createTopicPath } from "@/lib/routes";

/** "Create topic", or when creating is blocked (a read-only cluster, a role below admin) the reason there is none. */
export function CreateTopicLink({ cluster, blockedBy }: { cluster: string; blockedBy: BlockedReason | null }) {
  if (blockedBy) {
    return <p className="max-w-xs text-sm text-muted">{blockedText(blockedBy, "create topics")}</p>;
  }
  return (
    <Link href={createTopicPath(cluster)} className={buttonClass("primary")}>
      Create topic
    </Link>
  );
}
