import { describe, expect, it } from "vitest";
import { AUTH_DISABLED, parseAuthConfig } from "@/server/config/auth";

const HASH = "scrypt:32768:8:1:c2FsdHNhbHRzYWx0c2FsdA:aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
const SECRET = "s".repeat(32);

function parse(env: Record<string, string>, clusters = ["test", "prod"]) {
  const problems: string[] = [];
  const auth = parseAuthConfig(env, clusters, problems);
  return { auth, problems };
}

describe("parseAuthConfig", () => {
  it("is off by default and when DISABLED", () => {
    expect(parse({})).toEqual({ auth: AUTH_DISABLED, problems: [] });
    expect(parse({ AUTH_TYPE: "disabled" })).toEqual({ auth: AUTH_DISABLED, problems: [] });
  });

  it("reads password users with their roles", () => {
    const { auth, problems } = parse({
      AUTH_TYPE: "LOGIN_FORM",
      AUTH_SESSION_SECRET: SECRET,
      AUTH_USERS_0_NAME: "ana",
      AUTH_USERS_0_PASSWORD: HASH,
      AUTH_USERS_0_ROLES: "admin",
      AUTH_USERS_1_NAME: "bo",
      AUTH_USERS_1_PASSWORD: HASH,
      AUTH_USERS_1_ROLES: "test:operator,prod:viewer+messages",
    });
    expect(problems).toEqual([]);
    expect(auth.enabled).toBe(true);
    expect(auth.users.map((u) => [u.name, u.grants])).toEqual([
      ["ana", [{ cluster: "*", role: "admin", messages: false }]],
      [
        "bo",
        [
          { cluster: "test", role: "operator", messages: false },
          { cluster: "prod", role: "viewer", messages: true },
        ],
      ],
    ]);
  });

  it("names the variable of every problem: a clear-text password, an unknown cluster or role, a short secret", () => {
    const { problems } = parse({
      AUTH_TYPE: "LOGIN_FORM",
      AUTH_SESSION_SECRET: "short",
      AUTH_USERS_0_NAME: "ana",
      AUTH_USERS_0_PASSWORD: "hunter22",
      AUTH_USERS_0_ROLES: "staging:admin,test:god",
    });
    expect(problems).toEqual([
      expect.stringMatching(/^AUTH_SESSION_SECRET must be at least 32 characters/),
      expect.stringMatching(/^AUTH_USERS_0_PASSWORD must be a password hash made by `npm run hash-password`/),
      'AUTH_USERS_0_ROLES: "test:god": the role must be one of viewer, viewer+messages, operator, admin',
    ]);
    expect(problems.join(" ")).not.toContain("hunter22");
    expect(
      parse({
        AUTH_TYPE: "LOGIN_FORM",
        AUTH_SESSION_SECRET: SECRET,
        AUTH_USERS_0_NAME: "a",
        AUTH_USERS_0_PASSWORD: HASH,
        AUTH_USERS_0_ROLES: "staging:admin",
      }).problems,
    ).toEqual(['AUTH_USERS_0_ROLES names cluster "staging", which is not configured (clusters: test, prod)']);
    expect(parse({ AUTH_TYPE: "KERBEROS" }).problems).toEqual([
      'AUTH_TYPE must be DISABLED, LOGIN_FORM, OAUTH2 or LOGIN_FORM,OAUTH2, not "KERBEROS"',
    ]);
    expect(parse({ AUTH_TYPE: "LOGIN_FORM", AUTH_SESSION_SECRET: SECRET }).problems).toEqual([
      expect.stringMatching(/^AUTH_TYPE LOGIN_FORM needs at least one user/),
    ]);
  });

  it("reads OpenID Connect settings and role rules", () => {
    const { auth, problems } = parse({
      AUTH_TYPE: "LOGIN_FORM,OAUTH2",
      AUTH_SESSION_SECRET: SECRET,
      AUTH_USERS_0_NAME: "ana",
      AUTH_USERS_0_PASSWORD: HASH,
      AUTH_USERS_0_ROLES: "admin",
      AUTH_OIDC_ISSUER: "https://id.example.com/realms/x",
      AUTH_OIDC_CLIENT_ID: "console",
      AUTH_OIDC_CLIENT_SECRET: "not-shown",
      AUTH_OIDC_NAME: "Example ID",
      AUTH_OIDC_ROLES_0_CLAIM: "groups",
      AUTH_OIDC_ROLES_0_VALUE: "kafka-admins",
      AUTH_OIDC_ROLES_0_ROLES: "admin",
      AUTH_OIDC_DEFAULT_ROLES: "test:viewer",
    });
    expect(problems).toEqual([]);
    expect(auth.oidc).toMatchObject({
      issuer: "https://id.example.com/realms/x",
      clientId: "console",
      name: "Example ID",
      scopes: "openid profile email",
      usernameClaim: "email",
    });
    expect(auth.oidc?.rules).toEqual([
      { claim: "groups", value: "kafka-admins", grants: [{ cluster: "*", role: "admin", messages: false }] },
    ]);
    expect(auth.oidc?.defaultGrants).toEqual([{ cluster: "test", role: "viewer", messages: false }]);
    expect(
      parse({
        AUTH_TYPE: "OAUTH2",
        AUTH_SESSION_SECRET: SECRET,
        AUTH_OIDC_ISSUER: "http://id.example.com",
        AUTH_OIDC_CLIENT_ID: "c",
        AUTH_OIDC_CLIENT_SECRET: "s",
      }).problems,
    ).toEqual(["AUTH_OIDC_ISSUER must use https (plain http only for 127.0.0.1 or localhost)"]);
  });

  it("takes the console's public origin from AUTH_OIDC_REDIRECT_URI, which must be its callback URL", () => {
    const oidc = {
      AUTH_TYPE: "OAUTH2",
      AUTH_SESSION_SECRET: SECRET,
      AUTH_OIDC_ISSUER: "https://id.example.com",
      AUTH_OIDC_CLIENT_ID: "c",
      AUTH_OIDC_CLIENT_SECRET: "s",
    };
    expect(parse(oidc).auth.oidc?.publicOrigin).toBeNull();
    const set = parse({ ...oidc, AUTH_OIDC_REDIRECT_URI: "https://kafka.example.com:8443/api/auth/oidc/callback" });
    expect(set.problems).toEqual([]);
    expect(set.auth.oidc?.publicOrigin).toBe("https://kafka.example.com:8443");
    expect(parse({ ...oidc, AUTH_OIDC_REDIRECT_URI: "kafka.example.com" }).problems).toEqual([
      "AUTH_OIDC_REDIRECT_URI must be the console's callback URL (e.g. " +
        'https://kafka.example.com/api/auth/oidc/callback), not "kafka.example.com"',
    ]);
    expect(parse({ ...oidc, AUTH_OIDC_REDIRECT_URI: "https://kafka.example.com/callback" }).problems).toEqual([
      "AUTH_OIDC_REDIRECT_URI must end in /api/auth/oidc/callback, with nothing after it (e.g. " +
        "https://kafka.example.com/api/auth/oidc/callback)",
    ]);
    expect(
      parse({ ...oidc, AUTH_OIDC_REDIRECT_URI: "http://kafka.example.com/api/auth/oidc/callback" }).problems,
    ).toEqual(["AUTH_OIDC_REDIRECT_URI must use https (plain http only for 127.0.0.1 or localhost)"]);
  });
});
