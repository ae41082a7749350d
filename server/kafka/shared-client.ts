import "server-only";

/**
 * How long a retired client may stay open for operations that took it and have not let go (see SharedClient.retire).
 * Longer than a request's timeout (15 s) with its retries' first steps, so it cuts nothing that is still answering.
 */
export const RETIRED_CLIENT_GRACE_MS = 30_000;

/**
 * A kafkajs client shared by every request of a cluster (admin, producer, protocol connections), with its lifetime:
 * operations hold it while they run (`use`), and a client that must be replaced (its connections broke, or kafkajs'
 * metadata went stale) is retired rather than closed under them. A retired client closes when its last operation
 * ends, so an operation already under way on a healthy broker finishes instead of failing, and a broker it then
 * reconnects to (kafkajs reconnects on demand) is closed with the client instead of staying open for good. Whatever
 * kept the client past its operation is cut once more after RETIRED_CLIENT_GRACE_MS.
 */
export class SharedClient<T extends { disconnect: () => Promise<void> }> {
  private users = 0;
  private retired = false;

  /** `ready`: the client once connected (a failed connect rejects it, and the caller forgets this SharedClient). */
  constructor(readonly ready: Promise<T>) {}

  /** Runs one operation with the client, holding it until the operation settles. */
  async use<R>(operation: (client: T) => Promise<R>): Promise<R> {
    this.users += 1;
    try {
      return await operation(await this.ready);
    } finally {
      this.users -= 1;
      if (this.retired && this.users === 0) void this.close();
    }
  }

  /** No new operations get this client (the caller has forgotten it); it closes once the ones under way end. */
  retire(): void {
    if (this.retired) return;
    this.retired = true;
    if (this.users === 0) void this.close();
    setTimeout(() => void this.close(), RETIRED_CLIENT_GRACE_MS).unref();
  }

  /** Closes the client now, whoever holds it (shutdown, tests). Safe to call more than once. */
  close(): Promise<void> {
    return this.ready.then((client) => client.disconnect()).catch(() => undefined);
  }
}
