import { describe, expect, it } from "vitest";
import {
  allows,
  effectiveGrant,
  type Grant,
  MUTATION_ROLES,
  type MutationName,
  parseGrants,
  type Role,
} from "@/lib/auth/permissions";

const grants = (text: string): Grant[] => {
  const parsed = parseGrants(text);
  if ("problem" in parsed) throw new Error(parsed.problem);
  return parsed.grants;
};

/**
 * What each role may do, written out by hand from the issues: viewer reads, operator produces, moves offsets and
 * registers schema versions (issue 14), admin the rest.
 */
const EXPECTED: Record<Role | "viewer+messages", { read: boolean; messages: boolean; mutations: MutationName[] }> = {
  viewer: { read: true, messages: false, mutations: [] },
  "viewer+messages": { read: true, messages: true, mutations: [] },
  operator: {
    read: true,
    messages: true,
    mutations: [
      "messages.produce",
      "group.offsets.preview",
      "group.offsets.reset",
      "group.offsets.undo",
      "connector.pause",
      "connector.resume",
      "connector.stop",
      "connector.restart",
      "connector.task.restart",
      "connector.delete",
      "connector.offsets.reset",
      "connector.offsets.alter",
      "schema.register",
    ],
  },
  admin: { read: true, messages: true, mutations: Object.keys(MUTATION_ROLES) as MutationName[] },
};

describe("permissions", () => {
  it("gives each role exactly its actions, on its cluster only", () => {
    for (const [label, expected] of Object.entries(EXPECTED)) {
      const g = grants(`test:${label}`);
      expect(allows(g, "test", "read"), label).toBe(expected.read);
      expect(allows(g, "test", "messages"), label).toBe(expected.messages);
      for (const action of Object.keys(MUTATION_ROLES) as MutationName[]) {
        expect(allows(g, "test", MUTATION_ROLES[action]), `${label} ${action}`).toBe(
          expected.mutations.includes(action),
        );
        expect(allows(g, "other", MUTATION_ROLES[action]), `${label} ${action} on another cluster`).toBe(false);
      }
      expect(allows(g, "other", "read")).toBe(false);
    }
  });

  it("takes the strongest of a cluster's own grant and '*', and no grant means nothing", () => {
    const g = grants("viewer, prod:operator, staging:viewer+messages");
    expect(effectiveGrant(g, "prod")).toEqual({ role: "operator", messages: true });
    expect(effectiveGrant(g, "staging")).toEqual({ role: "viewer", messages: true });
    expect(effectiveGrant(g, "dev")).toEqual({ role: "viewer", messages: false });
    expect(effectiveGrant([], "dev")).toBeNull();
    expect(allows([], "dev", "read")).toBe(false);
    expect(allows(g, "prod", "messages") && allows(g, "prod", "operator") && !allows(g, "prod", "admin")).toBe(true);
  });

  it("reads grant lists and refuses unknown roles and empty cluster names in words", () => {
    expect(grants("admin")).toEqual([{ cluster: "*", role: "admin", messages: false }]);
    expect(grants(" a.b-c : OPERATOR ,, ")).toEqual([{ cluster: "a.b-c", role: "operator", messages: false }]);
    expect(grants("")).toEqual([]);
    expect(parseGrants("test:root")).toEqual({
      problem: '"test:root": the role must be one of viewer, viewer+messages, operator, admin',
    });
    expect(parseGrants(":admin")).toEqual({ problem: '":admin" names no cluster before the colon' });
  });
});
