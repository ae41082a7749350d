import { describe, expect, it } from "vitest";
import { checkOrigin, isMutation, type MutationRequest, ownHost, parseAllowedOrigins } from "./origin";

const post = (headers: Partial<Omit<MutationRequest, "method">>, method = "POST"): MutationRequest => ({
  method,
  origin: null,
  secFetchSite: null,
  host: "127.0.0.1:8080",
  forwardedHost: null,
  ...headers,
});

describe("parseAllowedOrigins", () => {
  it("reads a comma list of origins, normalized, and nothing when unset or blank", () => {
    expect(parseAllowedOrigins(undefined)).toEqual({ origins: [] });
    expect(parseAllowedOrigins("  ")).toEqual({ origins: [] });
    expect(
      parseAllowedOrigins("https://Console.Example.com/, http://10.0.0.5:8080,https://console.example.com:443,"),
    ).toEqual({
      origins: ["https://console.example.com", "http://10.0.0.5:8080"],
    });
  });

  it("names the first entry that is not an http(s) origin", () => {
    for (const bad of [
      "console.example.com",
      "https://console.example.com/kafka",
      "ftp://host",
      "https://*.example.com",
      "https://u:p@host",
      "https://host?x=1",
      "https://host#top",
      "null",
    ]) {
      expect(parseAllowedOrigins(`https://ok.example, ${bad}`)).toEqual({
        error: expect.stringContaining(`has "${bad}", which is not an origin`) as unknown,
      });
    }
  });
});

describe("isMutation", () => {
  it("is every method but GET, HEAD and OPTIONS", () => {
    expect(["GET", "head", "OPTIONS"].map(isMutation)).toEqual([false, false, false]);
    expect(["POST", "PUT", "PATCH", "DELETE", "delete"].map(isMutation)).toEqual([true, true, true, true, true]);
  });
});

describe("ownHost", () => {
  it("is the first X-Forwarded-Host, else Host, in lower case", () => {
    expect(ownHost({ host: "Internal:3000", forwardedHost: null })).toBe("internal:3000");
    expect(ownHost({ host: "internal:3000", forwardedHost: "Kafka.Example.com, internal:3000" })).toBe(
      "kafka.example.com",
    );
    expect(ownHost({ host: null, forwardedHost: "" })).toBeNull();
  });
});

describe("checkOrigin", () => {
  it("lets every read through, whatever its origin", () => {
    expect(checkOrigin(post({ origin: "https://evil.example", secFetchSite: "cross-site" }, "GET"), [])).toEqual({
      allowed: true,
    });
    expect(checkOrigin(post({ origin: "https://evil.example" }, "HEAD"), [])).toEqual({ allowed: true });
  });

  it("lets the console's own pages change things, by Host or by X-Forwarded-Host", () => {
    expect(checkOrigin(post({ origin: "http://127.0.0.1:8080", secFetchSite: "same-origin" }), [])).toEqual({
      allowed: true,
    });
    expect(
      checkOrigin(
        post({ origin: "https://kafka.example.com", forwardedHost: "kafka.example.com", host: "10.0.0.5:8080" }),
        [],
      ),
    ).toEqual({ allowed: true });
  });

  it("refuses a mutation from another origin, in words naming it and the variable", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const verdict = checkOrigin(post({ origin: "https://evil.example" }, method), []);
      expect(verdict).toEqual({
        allowed: false,
        message: expect.stringContaining("this request came from https://evil.example") as unknown,
      });
      expect(verdict.allowed || verdict.message).toContain("CONSOLE_ALLOWED_ORIGINS");
    }
    // Another port of the same host is another origin.
    expect(checkOrigin(post({ origin: "http://127.0.0.1:9999" }), []).allowed).toBe(false);
    // Next.js's host is the forwarded one, so Host alone matching is not enough behind a proxy.
    expect(checkOrigin(post({ origin: "http://127.0.0.1:8080", forwardedHost: "kafka.example.com" }), []).allowed).toBe(
      false,
    );
  });

  it("refuses an opaque origin and one that is not a URL", () => {
    expect(checkOrigin(post({ origin: "null" }), [])).toEqual({
      allowed: false,
      message: expect.stringContaining("a page without an origin") as unknown,
    });
    expect(checkOrigin(post({ origin: "not a url" }), []).allowed).toBe(false);
  });

  it("refuses what the browser marks cross-site, with or without an Origin", () => {
    expect(checkOrigin(post({ secFetchSite: "cross-site" }), []).allowed).toBe(false);
    expect(checkOrigin(post({ origin: "http://127.0.0.1:8080", secFetchSite: "cross-site" }), []).allowed).toBe(false);
    expect(checkOrigin(post({ secFetchSite: "same-site" }), [])).toEqual({ allowed: true });
  });

  it("lets a request with neither Origin nor Sec-Fetch-Site through: it is not from a browser page", () => {
    expect(checkOrigin(post({}), [])).toEqual({ allowed: true });
  });

  it("lets an allowed extra origin through, and names its host for Next.js's own check when it is not the Host", () => {
    const allowed = ["https://kafka.example.com"];
    expect(checkOrigin(post({ origin: "https://kafka.example.com", secFetchSite: "cross-site" }), allowed)).toEqual({
      allowed: true,
      forwardedHost: "kafka.example.com",
    });
    expect(checkOrigin(post({ origin: "https://kafka.example.com", host: "kafka.example.com" }), allowed)).toEqual({
      allowed: true,
    });
    // Scheme and port are part of the origin.
    expect(checkOrigin(post({ origin: "http://kafka.example.com" }), allowed).allowed).toBe(false);
    expect(checkOrigin(post({ origin: "https://kafka.example.com:8443" }), allowed).allowed).toBe(false);
  });
});
