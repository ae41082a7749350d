import { describe, expect, it } from "vitest";
import { loginPath, safeNextPath } from "@/lib/auth/paths";
import { signInErrorText } from "@/lib/auth/sign-in-errors";

describe("safeNextPath", () => {
  it("keeps paths on this console", () => {
    expect(safeNextPath("/clusters/test/topics?q=a")).toBe("/clusters/test/topics?q=a");
    expect(loginPath("/clusters/test/overview")).toBe("/login?next=%2Fclusters%2Ftest%2Foverview");
    expect(loginPath("/")).toBe("/login");
  });

  it("never sends the browser to another site, or back to the login page", () => {
    for (const bad of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "evil",
      "/ok\n/x",
      "/login",
      "/login?next=/x",
      "",
      null,
      undefined,
      `/${"a".repeat(3000)}`,
    ]) {
      expect(safeNextPath(bad), String(bad)).toBe("/");
    }
  });
});

describe("signInErrorText", () => {
  it("shows fixed words for known codes and nothing for made-up text", () => {
    expect(signInErrorText("expired")).toMatch(/took too long/);
    expect(signInErrorText("Your account is locked, call +1 555")).toBeNull();
    expect(signInErrorText("toString")).toBeNull();
    expect(signInErrorText(null)).toBeNull();
  });
});
