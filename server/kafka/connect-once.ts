import "server-only";
import Connection from "kafkajs/src/network/connection.js";

/**
 * One connect at a time per kafkajs connection. kafkajs 2.2.4's `Connection.connect()` has no "connecting" state: it
 * opens a socket whenever the connection is not connected yet, and `ConnectionPool.getConnection()` calls it for
 * every request that finds the connection closed. Two requests at once on a closed connection (parallel reads to
 * one broker's Fetch connection, which opens on first use, or any burst after the broker dropped the link) so open
 * two sockets: the connection keeps the last one and the others stay open, never written to and never closed by
 * `disconnect()`, until the broker drops them as idle (10 minutes by default). Worse, when it does, their `end`
 * handler disconnects the connection that is in use.
 *
 * Here a connect in flight is shared by every caller that asks meanwhile, as kafkajs already shares a SASL
 * authentication in flight; a connect that failed is not remembered, so the next request tries again.
 */
const PATCHED = Symbol.for("kafka-console.connectOnce");

type Connect = Connection["connect"];
const proto = Connection.prototype as Connection & { [PATCHED]?: Connect };
const inFlight = new WeakMap<Connection, Promise<boolean>>();

if (!proto[PATCHED]) {
  const original: Connect = proto.connect;
  proto[PATCHED] = original;
  proto.connect = function connect(this: Connection): Promise<boolean> {
    const pending = inFlight.get(this);
    if (pending) return pending;
    const attempt = original.call(this);
    inFlight.set(this, attempt);
    const done = () => {
      if (inFlight.get(this) === attempt) inFlight.delete(this);
    };
    attempt.then(done, done);
    return attempt;
  };
}
