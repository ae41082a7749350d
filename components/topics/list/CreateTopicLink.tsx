import Link from "next/link";
import { buttonClass } from "@/components/ui/Button";
import { createTopicPath } from "@/lib/routes";

/** "Create topic", or on a read-only cluster the reason there is none. */
export function CreateTopicLink({ cluster, readOnly }: { cluster: string; readOnly: boolean }) {
  if (readOnly) {
    return <p className="max-w-xs text-sm text-muted">This cluster is read-only in the console&apos;s configuration, so topics cannot be created here.</p>;
  }
  return (
    <Link href={createTopicPath(cluster)} className={buttonClass("primary")}>
      Create topic
    </Link>
  );
}
