import { describe, expect, it } from "vitest";
import { clientAddressOf, parseTrustedProxies } from "./client-address";

const headers = (h: Record<string, string>) => new Headers(h);

describe("the client's address", () => {
  it("is the socket's peer; X-Forwarded-For from an untrusted peer is ignored", () => {
    const spoofed = headers({ "x-console-peer": "203.0.113.7", "x-forwarded-for": "1.2.3.4" });
    expect(clientAddressOf(spoofed, [])).toBe("203.0.113.7");
    expect(clientAddressOf(spoofed, ["10.0.0.0/8"])).toBe("203.0.113.7");
    expect(clientAddressOf(headers({ "x-console-peer": "::ffff:127.0.0.1" }), [])).toBe("127.0.0.1");
    expect(clientAddressOf(headers({ "x-forwarded-for": "1.2.3.4" }), [])).toBe("unknown");
  });

  it("behind trusted proxies, the right-most forwarded address that is not a proxy", () => {
    const proxies = ["10.0.0.0/8", "192.168.1.5/32"];
    const h = headers({ "x-console-peer": "10.1.2.3", "x-forwarded-for": "6.6.6.6, 198.51.100.20, 192.168.1.5" });
    // 6.6.6.6 was written by the client itself: the first untrusted hop from the right is the client.
    expect(clientAddressOf(h, proxies)).toBe("198.51.100.20");
    expect(clientAddressOf(headers({ "x-console-peer": "10.1.2.3" }), proxies)).toBe("10.1.2.3");
  });

  it("TRUSTED_PROXIES takes addresses and CIDR ranges, and names a bad entry", () => {
    expect(parseTrustedProxies(" 10.0.0.0/8 , 192.168.1.5, fd00::/8")).toEqual({
      proxies: ["10.0.0.0/8", "192.168.1.5/32", "fd00::/8"],
    });
    expect(parseTrustedProxies("proxy.internal")).toMatchObject({ error: expect.stringContaining('"proxy.internal"') });
    expect(parseTrustedProxies("10.0.0.0/33")).toMatchObject({ error: expect.stringContaining("CIDR") });
  });
});
