/** The kafkajs internals the console touches: the per-connection request queue and the connection itself. */
declare module "kafkajs/src/network/requestQueue/index.js" {
  export default class RequestQueue {
    constructor(options: {
      maxInFlightRequests: number | null;
      requestTimeout: number;
      enforceRequestTimeout: boolean;
      clientId: string;
      broker: string;
      logger: unknown;
      isConnected?: () => boolean;
    });
    pending: unknown[];
    throttledUntil: number;
    throttleCheckTimeoutId: ReturnType<typeof setTimeout> | null;
    checkPendingRequests(): void;
    scheduleCheckPendingRequests(): void;
    destroy(): void;
  }
}

/** The per-broker connection (server/kafka/connect-once.ts): one connect in flight at a time. */
declare module "kafkajs/src/network/connection.js" {
  export default class Connection {
    connect(): Promise<boolean>;
  }
}

/** kafkajs' default socket factory (server/kafka/socket-gate.ts counts the sockets it makes). */
declare module "kafkajs/src/network/socketFactory.js" {
  import type { ISocketFactory } from "kafkajs";
  export default function defaultSocketFactory(): ISocketFactory;
}
