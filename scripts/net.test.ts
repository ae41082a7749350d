import { existsSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { describe, expect, it } from "vitest";
import { mayProbe, portIsListening } from "./net";

function listen(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve({ server, port: typeof address === "object" && address ? address.port : -1 });
    });
  });
}

describe("portIsListening", () => {
  it("sees a listening socket, and no longer once it is closed (Linux; elsewhere it cannot tell)", async () => {
    const linux = existsSync("/proc/net/tcp");
    const { server, port } = await listen();
    expect(portIsListening(port)).toBe(linux ? true : undefined);
    expect(mayProbe(port)).toBe(true);
    await new Promise((resolve) => server.close(resolve));
    expect(portIsListening(port)).toBe(linux ? false : undefined);
    expect(mayProbe(port)).toBe(!linux);
  });
});
