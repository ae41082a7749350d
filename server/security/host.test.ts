import { describe, expect, it } from "vitest";
import { checkHost, hostAllowed, hostsOfOrigins, parseAllowedHosts } from "./host";

describe("the Host check against DNS rebinding", () => {
  it("accepts IP literals and localhost names on any port", () => {
    for (const host of [
      "127.0.0.1:8080",
      "10.0.0.5",
      "[::1]:8080",
      "localhost:8080",
      "LOCALHOST",
      "app.localhost:3000",
    ])
      expect(hostAllowed(host, []), host).toBe(true);
  });

  it("refuses any other name unless it is allowed, with or without its port", () => {
    expect(hostAllowed("evil.example:8080", [])).toBe(false);
    expect(hostAllowed("kafka.example.com", ["kafka.example.com"])).toBe(true);
    expect(hostAllowed("kafka.example.com:8443", ["kafka.example.com"])).toBe(true);
    expect(hostAllowed("kafka.example.com:8443", ["kafka.example.com:443"])).toBe(false);
    expect(hostAllowed("kafka.example.com:8443", ["kafka.example.com:8443"])).toBe(true);
    expect(hostAllowed("a.corp.example", ["*.corp.example"])).toBe(true);
    expect(hostAllowed("corp.example.evil", ["*.corp.example"])).toBe(false);
    expect(hostAllowed("localhost.evil.example", [])).toBe(false);
    expect(hostAllowed("", [])).toBe(false);
  });

  it("holds X-Forwarded-Host to the same rule, and says what to do in words", () => {
    expect(checkHost({ host: "127.0.0.1:8080", forwardedHost: null }, [])).toEqual({ allowed: true });
    const verdict = checkHost({ host: "127.0.0.1:8080", forwardedHost: "evil.example:8080" }, []);
    expect(verdict.allowed).toBe(false);
    expect(verdict.allowed ? "" : verdict.message).toBe(
      'This console does not answer to "evil.example:8080". Open it by its own address (localhost, its IP address ' +
        "or a name in CONSOLE_ALLOWED_HOSTS); if it is reached through another name, add that name to " +
        "CONSOLE_ALLOWED_HOSTS.",
    );
    expect(checkHost({ host: null, forwardedHost: null }, []).allowed).toBe(false);
  });

  it("reads CONSOLE_ALLOWED_HOSTS and the hosts of configured origins", () => {
    expect(parseAllowedHosts(" Kafka.Example.com, console:8080 ,*.corp.example,")).toEqual({
      hosts: ["kafka.example.com", "console:8080", "*.corp.example"],
    });
    expect(parseAllowedHosts("https://kafka.example.com")).toMatchObject({
      error: expect.stringContaining("no scheme"),
    });
    expect(hostsOfOrigins(["https://kafka.example.com", null, "http://10.0.0.5:8080"])).toEqual([
      "kafka.example.com",
      "10.0.0.5:8080",
    ]);
  });
});
