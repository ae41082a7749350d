/**
 * The browser tests' second console, with login on: password users of each role and single sign-on through the
 * test OpenID provider (scripts/test-support/oidc-provider.ts), against the same test cluster as the first.
 * The hashes were made with `npm run hash-password` from the passwords beside them (test fixtures, never real).
 */
import { TEST_CONSOLE_ENV } from "./test-cluster";
import { testPort } from "./ports";

export const AUTH_PORT = testPort(18082);
export const OIDC_PORT = testPort(18083);
export const AUTH_ORIGIN = `http://127.0.0.1:${AUTH_PORT}`;
export const OIDC_CLIENT_ID = "kafka-console";
export const OIDC_CLIENT_SECRET = "test-client-secret-not-for-production";
/** The bearer token Prometheus would send to this console's /metrics (login on makes one required). */
export const METRICS_TEST_TOKEN = "metrics-test-token-not-for-production";

export const TEST_USERS = {
  viewer: {
    password: "viewer-password-1",
    roles: "test:viewer",
    hash: "scrypt:32768:8:1:6IrFNMvBjDAYulFp2TR14w:IwS9QD4qNzZLU2FGDov4e1iUhfmkpHKF3N2F24i6QjM",
  },
  reader: {
    password: "reader-password-1",
    roles: "test:viewer+messages",
    hash: "scrypt:32768:8:1:x-xfNupdOLRdvQprXoVvQg:XWHwyGlKtZKC8x0OEJOPGgxZpZTyo9Qu-FmkprWJOR0",
  },
  operator: {
    password: "operator-password-1",
    roles: "test:operator,readonly:operator",
    hash: "scrypt:32768:8:1:38mPIdc9diYqRFmMPUdqJg:fY304FsOssmK6vgo6XUBkHhmAOOcViUDJQuI6sFd5zk",
  },
  admin: {
    password: "admin-password-1",
    roles: "admin",
    hash: "scrypt:32768:8:1:f8hYh0wRQc2Gat-k_yBTdA:8Sa7izyMQU2_cDcN5Qf5Ygtl9YFmsGaT8n-XlUIiLK8",
  },
} as const;
export type TestUser = keyof typeof TEST_USERS;

export function authConsoleEnv(): Record<string, string> {
  const env: Record<string, string> = {
    ...TEST_CONSOLE_ENV,
    AUTH_TYPE: "LOGIN_FORM,OAUTH2",
    AUTH_SESSION_SECRET: "browser-tests-session-secret-0123456789abcdef",
    AUTH_OIDC_ISSUER: `http://127.0.0.1:${OIDC_PORT}`,
    AUTH_OIDC_CLIENT_ID: OIDC_CLIENT_ID,
    AUTH_OIDC_CLIENT_SECRET: OIDC_CLIENT_SECRET,
    AUTH_OIDC_NAME: "Test ID",
    AUTH_OIDC_SCOPES: "openid email groups",
    AUTH_OIDC_ROLES_0_CLAIM: "groups",
    AUTH_OIDC_ROLES_0_VALUE: "kafka-admins",
    AUTH_OIDC_ROLES_0_ROLES: "admin",
    AUTH_OIDC_ROLES_1_CLAIM: "groups",
    AUTH_OIDC_ROLES_1_VALUE: "kafka-operators",
    AUTH_OIDC_ROLES_1_ROLES: "test:operator",
    AUTH_OIDC_DEFAULT_ROLES: "test:viewer",
    // As registered with the provider: the flow takes the console's origin from it, not from the request.
    AUTH_OIDC_REDIRECT_URI: `${AUTH_ORIGIN}/api/auth/oidc/callback`,
    METRICS_TOKEN: METRICS_TEST_TOKEN,
  };
  Object.entries(TEST_USERS).forEach(([name, user], i) => {
    env[`AUTH_USERS_${i}_NAME`] = name;
    env[`AUTH_USERS_${i}_PASSWORD`] = user.hash;
    env[`AUTH_USERS_${i}_ROLES`] = user.roles;
  });
  return env;
}
