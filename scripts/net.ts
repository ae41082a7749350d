import { readFileSync } from "node:fs";
import { createServer } from "node:net";

/** Whether nothing listens on `port` of `host` yet: a listen there succeeds (and is closed at once). */
export function portIsFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolvePort) => {
    const probe = createServer()
      .once("error", () => resolvePort(false))
      .once("listening", () => probe.close(() => resolvePort(true)))
      .listen(port, host);
  });
}

/** TCP state LISTEN in /proc/net/tcp and tcp6. */
const LISTEN = "0A";

/**
 * Whether some socket listens on `port` (any local address), from the kernel's socket tables; undefined where
 * there are none to read (not Linux).
 *
 * Why a readiness probe asks this before it connects: a connect to 127.0.0.1:P while nothing listens on P can pick
 * P itself as its ephemeral source port (P is inside the ephemeral range, 32768–60999, for most of the ports the
 * project uses) and connect the socket to itself. That socket then holds P, and the server starting behind it fails
 * with "Address already in use" (a bench cluster's node 3 did, at 39292).
 */
export function portIsListening(port: number): boolean | undefined {
  let found: boolean | undefined;
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    found ??= false;
    for (const line of text.split("\n").slice(1)) {
      // "  sl  local_address rem_address   st ...": local_address is ADDRESS:PORT in hex.
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      if (fields[3] !== LISTEN || local === undefined) continue;
      if (Number.parseInt(local.slice(local.lastIndexOf(":") + 1), 16) === port) return true;
    }
  }
  return found;
}

/** False only when the kernel says nothing listens on `port`: then a probe must not connect (see above). */
export function mayProbe(port: number): boolean {
  return portIsListening(port) !== false;
}
