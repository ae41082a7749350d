import "server-only";
import type { SocketGate } from "@/server/kafka/socket-gate";

/**
 * A kafkajs client shared by every request of a cluster (admin, producer, protocol connections), with its lifetime:
 * operations hold it while they run (`use`), and a client that must be replaced (its connections broke, or kafkajs'
 * metadata went stale) is retired rather than closed under them. A retired client closes when its last operation
 * ends, so an operation already under way on a healthy broker finishes instead of failing. Its sockets all go
 * through its own SocketGate: what kept a broker of it past its operation (a stream's first fetches) cannot connect
 * again once it is closed, where kafkajs would reconnect on demand and leave that socket open for good.
 */
export class SharedClient<T extends { disconnect: () => Promise<void> }> {
  private users = 0;
  private retired = false;
  private closing: Promise<void> | null = null;

  /** `ready`: the client once connected (a failed connect rejects it, and the caller forgets this SharedClient). */
  constructor(
    readonly ready: Promise<T>,
    private readonly gate: SocketGate,
  ) {}

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
  }

  /**
   * Closes the client now, whoever holds it (retired, shutdown, tests): a disconnect, which lets requests in flight
   * end, then every socket still open is cut and no new one opens. Safe to call more than once.
   */
  close(): Promise<void> {
    this.closing ??= this.ready
      .then((client) => client.disconnect())
      .catch(() => undefined)
      .then(() => this.gate.close());
    return this.closing;
  }
}
