import { describe, expect, it } from "vitest";
import { blockedReason, blockedText } from "@/lib/auth/blocked";
import { type Grant, MUTATION_ROLES } from "@/lib/auth/permissions";

const viewer: Grant[] = [{ cluster: "test", role: "viewer", messages: false }];
const reader: Grant[] = [{ cluster: "*", role: "viewer", messages: true }];
const operator: Grant[] = [{ cluster: "test", role: "operator", messages: true }];
const admin: Grant[] = [{ cluster: "*", role: "admin", messages: true }];

describe("blockedReason", () => {
  it("says read-only first, whatever the role", () => {
    expect(blockedReason(true, admin, "test", "operator")).toEqual({ kind: "read-only" });
    expect(blockedReason(true, [], "test", "admin")).toEqual({ kind: "read-only" });
  });

  it("names the user's role on the cluster when it does not reach the one needed", () => {
    const reset = MUTATION_ROLES["group.offsets.reset"];
    const remove = MUTATION_ROLES["group.delete"];
    expect(blockedReason(false, viewer, "test", reset)).toEqual({ kind: "role", need: "operator", role: "viewer" });
    expect(blockedReason(false, reader, "test", reset)).toEqual({
      kind: "role",
      need: "operator",
      role: "viewer+messages",
    });
    expect(blockedReason(false, operator, "test", reset)).toBeNull();
    expect(blockedReason(false, operator, "test", remove)).toEqual({ kind: "role", need: "admin", role: "operator" });
    expect(blockedReason(false, admin, "test", remove)).toBeNull();
    expect(blockedReason(false, operator, "other", reset)).toEqual({ kind: "role", need: "operator", role: null });
  });
});

describe("blockedText", () => {
  it("says the reason in words", () => {
    expect(blockedText({ kind: "read-only" }, "reset offsets")).toBe(
      "This cluster is read-only in the console's configuration: you can't reset offsets here.",
    );
    expect(blockedText({ kind: "role", need: "operator", role: "viewer" }, "reset offsets")).toBe(
      "Your role on this cluster (viewer) can't reset offsets; that needs the operator role.",
    );
    expect(blockedText({ kind: "role", need: "admin", role: "operator" }, "delete this group")).toBe(
      "Your role on this cluster (operator) can't delete this group; that needs the admin role.",
    );
    expect(blockedText({ kind: "role", need: "admin", role: null }, "create topics")).toBe(
      "You have no role on this cluster, so you can't create topics; that needs the admin role.",
    );
  });

  it("never says read-only for a role", () => {
    expect(blockedText({ kind: "role", need: "operator", role: "viewer" }, "produce messages")).not.toMatch(
      /read-only/,
    );
  });
});
