import "server-only";
import { getMetadata } from "@/server/cluster/metadata";
import { type ClusterHandle } from "@/server/kafka/clients";

const SETTLE_MS = 5_000;
const POLL_MS = 200;

/**
 * Waits (up to 5 s) until every broker reads as `done`. An access change (an ACL, a credential) is accepted by the
 * controller at once, and each broker learns it from the metadata log a moment later: until then that broker still
 * authorizes (or logs in) the old way, and answers a list with the old state. A person told "deleted" must be able to
 * rely on it whichever broker a client meets, and the list shown next must not bring the old rows back.
 */
export async function settledOnEveryBroker<T>(
  cluster: ClusterHandle,
  readAt: (nodeId: number) => Promise<T>,
  done: (read: T) => boolean,
): Promise<void> {
  const pending = new Set((await getMetadata(cluster)).brokers.map((b) => b.nodeId));
  const deadline = Date.now() + SETTLE_MS;
  while (pending.size > 0 && Date.now() < deadline) {
    await Promise.all(
      [...pending].map(async (id) => {
        const read = await readAt(id).then(
          (value) => ({ value }),
          () => null,
        );
        if (read && done(read.value)) pending.delete(id);
      }),
    );
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
