import "server-only";
import type { Socket } from "node:net";
import type { ISocketFactory } from "kafkajs";
import defaultSocketFactory from "kafkajs/src/network/socketFactory.js";

/**
 * Every socket of one set of kafkajs connections, for an owner that must close all of them for certain.
 *
 * kafkajs 2.2.4 reconnects on demand, and `Cluster.disconnect()` forgets the brokers it disconnected: a request sent
 * afterwards through a broker someone still holds (a fetch that looked its leader up just before the disconnect)
 * opens a socket that no later disconnect reaches. It stays open until the broker drops it as idle (10 minutes by
 * default). Here each socket made through `factory` is tracked, and `close()` destroys the ones still open and
 * refuses new ones: such a late request fails at once ("Failed to connect") instead of connecting.
 */
export class SocketGate {
  private readonly sockets = new Set<Socket>();
  private closed = false;
  private readonly connect = defaultSocketFactory();

  /** kafkajs' own socket factory (plain or TLS, keep-alive), counted. */
  readonly factory: ISocketFactory = (args) => {
    if (this.closed) throw new Error("these connections are closed");
    const socket = this.connect(args);
    this.sockets.add(socket);
    socket.once("close", () => this.sockets.delete(socket));
    return socket;
  };

  /** Destroys every socket still open and refuses new ones (safe to call more than once). */
  close(): void {
    this.closed = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}
