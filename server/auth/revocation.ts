import "server-only";
import { EndedSessions, type EndedSession } from "@/server/auth/ended-sessions";
import { RevocationTopic, revocationTopicName } from "@/server/auth/revocation-topic";
import type { Session } from "@/server/auth/session";
import { getConfig } from "@/server/config/load";
import { resolveCluster } from "@/server/kafka/clients";

/**
 * Sign-out ends a session on every console instance, while sessions stay stateless signed cookies otherwise.
 *
 * Each session has a random id (`sid`). Signing out records `{ sid, iat, exp }` until that session's expiry:
 * - with an audit topic (AUDIT_TOPIC, the multi-instance setup), in `<AUDIT_TOPIC>.signed-out` on AUDIT_CLUSTER
 *   (server/auth/revocation-topic.ts), which every instance reads;
 * - with only an audit file (one instance), in this process's memory: that is all there is to tell, and a restart
 *   forgets it (the cookies it covered stay refused only until then; docs/security.md says so).
 *
 * Every check of a session (the proxy's gate, and currentActor for pages, routes, actions and the message stream)
 * asks `isEnded`, answered from memory (EndedSessions, bounded). The memory is brought up to date with the topic
 * when it is older than REFRESH_MS, by one read that concurrent checks share, so another instance refuses a signed-out
 * cookie within REFRESH_MS plus one fetch (about 2 seconds); the instance that signed out refuses it at once. If the
 * topic cannot be read within READ_TIMEOUT_MS, the check goes on with what it last read and the server log says so.
 */
export const REFRESH_MS = 2_000;
const READ_TIMEOUT_MS = 3_000;
/** Expired ids are dropped from memory at most this often. */
const PRUNE_MS = 60_000;

export class SessionRevocations {
  private readonly ended = new EndedSessions();
  private next: bigint | null = null;
  private syncedAt = Number.NEGATIVE_INFINITY;
  private prunedAt = Date.now();
  private syncing: Promise<void> | null = null;
  private warnedAt = Number.NEGATIVE_INFINITY;

  constructor(
    readonly topic: RevocationTopic | null,
    private readonly refreshMs = REFRESH_MS,
  ) {}

  /** Ends the session here at once, and on every instance once the record is written (throws when it is not). */
  async end(session: EndedSession): Promise<void> {
    this.ended.add(session);
    if (this.topic) await this.topic.append(session);
  }

  async isEnded(session: { sid: string; iat: number }): Promise<boolean> {
    if (this.ended.has(session)) return true;
    if (!this.topic) return false;
    await this.sync();
    return this.ended.has(session);
  }

  /** Reads what other instances recorded since the last read, when that was longer than refreshMs ago. */
  private sync(): Promise<void> {
    const topic = this.topic;
    if (!topic || Date.now() - this.syncedAt < this.refreshMs) return Promise.resolve();
    this.syncing ??= this.read(topic).finally(() => {
      this.syncedAt = Date.now();
      this.syncing = null;
    });
    return this.syncing;
  }

  private async read(topic: RevocationTopic): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const { ended, next } = await Promise.race([
        topic.readFrom(this.next),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${READ_TIMEOUT_MS / 1000} s`)), READ_TIMEOUT_MS);
        }),
      ]);
      const now = Date.now();
      for (const session of ended) this.ended.add(session, now);
      this.next = next;
      if (now - this.prunedAt > PRUNE_MS) {
        this.ended.prune(now);
        this.prunedAt = now;
      }
    } catch (error) {
      if (Date.now() - this.warnedAt > 60_000) {
        this.warnedAt = Date.now();
        console.error(
          `Session revocation: the sign-outs in "${topic.topic}" on cluster "${topic.cluster.name}" could not be ` +
            `read (${error instanceof Error ? error.message : String(error)}); sessions are checked against what ` +
            "was read before, so a sign-out on another instance is not seen here until the topic can be read again.",
        );
      }
    } finally {
      clearTimeout(timer);
    }
  }
}

/** One per process and place, shared by the proxy's bundle and the app's (hence on globalThis). */
const g = globalThis as typeof globalThis & { __kafkaConsoleRevocations?: Map<string, SessionRevocations> };
const stores = (g.__kafkaConsoleRevocations ??= new Map<string, SessionRevocations>());

export function sessionRevocations(): SessionRevocations {
  const { audit, auth } = getConfig();
  const key = audit.topic ? `${audit.topic.cluster}\u0000${audit.topic.name}` : "memory";
  let store = stores.get(key);
  if (!store) {
    store = new SessionRevocations(
      audit.topic
        ? new RevocationTopic(
            resolveCluster(audit.topic.cluster),
            revocationTopicName(audit.topic.name),
            auth.sessionHours,
          )
        : null,
    );
    stores.set(key, store);
  }
  return store;
}

/** True when this session was signed out (on any instance). */
export function sessionEnded(session: Session): Promise<boolean> {
  return sessionRevocations().isEnded(session);
}
