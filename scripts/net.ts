/** Whether nothing listens on `port` of `host` yet: a listen there succeeds (and is closed at once). */
import { createServer } from "node:net";

export function portIsFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolvePort) => {
    const probe = createServer()
      .once("error", () => resolvePort(false))
      .once("listening", () => probe.close(() => resolvePort(true)))
      .listen(port, host);
  });
}
