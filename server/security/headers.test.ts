import { describe, expect, it } from "vitest";
import { API_POLICY, makeNonce, pagePolicy, SECURITY_HEADERS } from "./headers";

/** The policy as directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((d) => {
      const [name = "", ...sources] = d.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("pagePolicy", () => {
  it("runs only scripts with the nonce (and what they load), never inline or eval'd code in production", () => {
    const policy = directives(pagePolicy({ nonce: "abc123==", dev: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(policy.get("font-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    expect(pagePolicy({ nonce: "abc123==", dev: false })).not.toContain("unsafe-eval");
  });

  it("allows eval (React's dev tooling) and inline styles (next dev's CSS) only in development", () => {
    const policy = directives(pagePolicy({ nonce: "n", dev: true }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-n'", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("is one line Next.js can read the nonce from", () => {
    const policy = pagePolicy({ nonce: makeNonce(), dev: false });
    expect(policy).not.toMatch(/[\r\n]/);
    // Next.js's own pattern (get-script-nonce-from-header.js).
    const scriptSrc =
      policy
        .split(";")
        .map((d) => d.trim())
        .find((d) => d.startsWith("script-src")) ?? "";
    expect(scriptSrc.split(/\s+/).some((s) => /^'nonce-([A-Za-z0-9+/_-]+={0,2})'$/.test(s))).toBe(true);
  });
});

describe("makeNonce", () => {
  it("is 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, makeNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("API_POLICY and SECURITY_HEADERS", () => {
  it("lets a document made of API data load nothing and be framed by nobody", () => {
    expect(directives(API_POLICY).get("default-src")).toEqual(["'none'"]);
    expect(directives(API_POLICY).get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("sets nosniff, the referrer policy, frame denial, the opener policy and the permissions policy", () => {
    expect(Object.fromEntries(SECURITY_HEADERS.map((h) => [h.key, h.value]))).toEqual({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "same-origin",
      "X-Frame-Options": "DENY",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    });
  });
});
