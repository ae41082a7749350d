import "server-only";
/**
 * Login settings, from the environment (pure: the caller passes env; parse.ts calls this). Login is off unless
 * AUTH_TYPE says otherwise, as in kafka-ui:
 *   AUTH_TYPE                       DISABLED (default) | LOGIN_FORM | OAUTH2 | LOGIN_FORM,OAUTH2
 *   AUTH_SESSION_SECRET             at least 32 characters; signs the session cookies (same on every instance)
 *   AUTH_SESSION_HOURS              how long a sign-in lasts (default 8)
 *   AUTH_USERS_<n>_NAME / _PASSWORD / _ROLES
 *                                   LOGIN_FORM users; the password as a hash from `npm run hash-password`, never
 *                                   in clear; roles as `cluster:role` pairs (see lib/auth/permissions.ts)
 *   AUTH_OIDC_ISSUER / _CLIENT_ID / _CLIENT_SECRET / _NAME / _SCOPES / _USERNAME_CLAIM / _DEFAULT_ROLES
 *   AUTH_OIDC_REDIRECT_URI          the callback URL as registered with the provider (default: from the request's
 *                                   host, X-Forwarded-Host/Proto behind a proxy)
 *   AUTH_OIDC_ROLES_<n>_CLAIM / _VALUE / _ROLES
 *                                   OAUTH2 (OpenID Connect): who gets which roles, by a claim of the ID token
 *                                   (e.g. groups contains "kafka-admins", or email is "ana@example.com")
 */
import { OIDC_CALLBACK_PATH } from "@/lib/auth/paths";
import { type Grant, parseGrants } from "@/lib/auth/permissions";

export const PASSWORD_HASH_PREFIX = "scrypt:";

export interface PasswordUser {
  name: string;
  /** `scrypt:N:r:p:salt:hash` (base64url parts), as written by `npm run hash-password`. */
  passwordHash: string;
  grants: Grant[];
}

export interface OidcRoleRule {
  claim: string;
  value: string;
  grants: Grant[];
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The sign-in button's label. */
  name: string;
  scopes: string;
  usernameClaim: string;
  rules: OidcRoleRule[];
  /** Roles of every user the provider signs in, besides those of matching rules. */
  defaultGrants: Grant[];
  /**
   * The console's public origin from AUTH_OIDC_REDIRECT_URI ("https://kafka.example.com"), null to take the request's.
   *
   */
  publicOrigin: string | null;
}

export interface AuthConfig {
  enabled: boolean;
  sessionSecret: string;
  sessionHours: number;
  users: PasswordUser[];
  oidc: OidcConfig | null;
}

export const AUTH_DISABLED: AuthConfig = { enabled: false, sessionSecret: "", sessionHours: 8, users: [], oidc: null };

const AUTH_TYPES = ["DISABLED", "LOGIN_FORM", "OAUTH2"] as const;
const USER_VAR = /^AUTH_USERS_(\d+)_(NAME|PASSWORD|ROLES)$/;
const RULE_VAR = /^AUTH_OIDC_ROLES_(\d+)_(CLAIM|VALUE|ROLES)$/;
const USER_NAME = /^[A-Za-z0-9._@-]{1,64}$/;

/** Variables grouped by their index: AUTH_USERS_0_NAME, AUTH_USERS_0_ROLES -> { 0: { NAME, ROLES } }. */
function indexed(env: Record<string, string | undefined>, pattern: RegExp): [number, Map<string, string>][] {
  const byIndex = new Map<number, Map<string, string>>();
  for (const [key, value] of Object.entries(env)) {
    const match = pattern.exec(key);
    if (!match?.[1] || !match[2] || value === undefined) continue;
    const fields = byIndex.get(Number(match[1])) ?? new Map<string, string>();
    fields.set(match[2], value);
    byIndex.set(Number(match[1]), fields);
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]);
}

function grantsOf(
  text: string | undefined,
  variable: string,
  clusters: readonly string[],
  problems: string[],
): Grant[] {
  const parsed = parseGrants(text ?? "");
  if ("problem" in parsed) {
    problems.push(`${variable}: ${parsed.problem}`);
    return [];
  }
  for (const grant of parsed.grants) {
    if (grant.cluster !== "*" && !clusters.includes(grant.cluster))
      problems.push(
        `${variable} names cluster "${grant.cluster}", which is not configured (clusters: ` +
          `${clusters.join(", ") || "none"})`,
      );
  }
  return parsed.grants;
}

function parseUsers(
  env: Record<string, string | undefined>,
  clusters: readonly string[],
  problems: string[],
): PasswordUser[] {
  const users: PasswordUser[] = [];
  for (const [index, fields] of indexed(env, USER_VAR)) {
    const at = (field: string) => `AUTH_USERS_${index}_${field}`;
    const name = fields.get("NAME")?.trim() ?? "";
    const hash = fields.get("PASSWORD")?.trim() ?? "";
    if (!USER_NAME.test(name))
      problems.push(
        `${at("NAME")} must be 1 to 64 letters, digits, '.', '_', '@' or '-'${name === "" ? " (it is missing)" : ""}`,
      );
    if (!hash.startsWith(PASSWORD_HASH_PREFIX) || hash.split(":").length !== 6) {
      problems.push(
        `${at("PASSWORD")} must be a password hash made by \`npm run hash-password\` (starting with ` +
          `"${PASSWORD_HASH_PREFIX}"), never the password itself`,
      );
    }
    const grants = grantsOf(fields.get("ROLES"), at("ROLES"), clusters, problems);
    if (users.some((u) => u.name === name)) problems.push(`${at("NAME")} repeats the user "${name}"`);
    users.push({ name, passwordHash: hash, grants });
  }
  return users;
}

function parseOidc(
  env: Record<string, string | undefined>,
  clusters: readonly string[],
  problems: string[],
): OidcConfig | null {
  const issuer = env.AUTH_OIDC_ISSUER?.trim() ?? "";
  const clientId = env.AUTH_OIDC_CLIENT_ID?.trim() ?? "";
  const clientSecret = env.AUTH_OIDC_CLIENT_SECRET ?? "";
  let issuerUrl: URL | null = null;
  try {
    issuerUrl = new URL(issuer);
  } catch {
    problems.push(
      `AUTH_OIDC_ISSUER must be the provider's issuer URL (e.g. https://accounts.example.com), not "${issuer}"`,
    );
  }
  if (
    issuerUrl &&
    issuerUrl.protocol !== "https:" &&
    issuerUrl.hostname !== "127.0.0.1" &&
    issuerUrl.hostname !== "localhost"
  ) {
    problems.push("AUTH_OIDC_ISSUER must use https (plain http only for 127.0.0.1 or localhost)");
  }
  const publicOrigin = redirectOrigin(env.AUTH_OIDC_REDIRECT_URI?.trim() ?? "", problems);
  if (clientId === "") problems.push("AUTH_OIDC_CLIENT_ID is needed with AUTH_TYPE OAUTH2");
  if (clientSecret === "") problems.push("AUTH_OIDC_CLIENT_SECRET is needed with AUTH_TYPE OAUTH2");
  const rules: OidcRoleRule[] = [];
  for (const [index, fields] of indexed(env, RULE_VAR)) {
    const at = (field: string) => `AUTH_OIDC_ROLES_${index}_${field}`;
    const claim = fields.get("CLAIM")?.trim() ?? "";
    const value = fields.get("VALUE")?.trim() ?? "";
    if (claim === "") problems.push(`${at("CLAIM")} is missing (the ID token claim to match, e.g. groups or email)`);
    if (value === "") problems.push(`${at("VALUE")} is missing (the value the claim must have or contain)`);
    rules.push({ claim, value, grants: grantsOf(fields.get("ROLES"), at("ROLES"), clusters, problems) });
  }
  return {
    issuer,
    clientId,
    clientSecret,
    name: env.AUTH_OIDC_NAME?.trim() || "single sign-on",
    scopes: env.AUTH_OIDC_SCOPES?.trim() || "openid profile email",
    usernameClaim: env.AUTH_OIDC_USERNAME_CLAIM?.trim() || "email",
    rules,
    defaultGrants: grantsOf(env.AUTH_OIDC_DEFAULT_ROLES, "AUTH_OIDC_DEFAULT_ROLES", clusters, problems),
    publicOrigin,
  };
}

/** The origin of AUTH_OIDC_REDIRECT_URI, which must be this console's callback URL; null when it is not set. */
function redirectOrigin(uri: string, problems: string[]): string | null {
  if (uri === "") return null;
  const example = `https://kafka.example.com${OIDC_CALLBACK_PATH}`;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    problems.push(`AUTH_OIDC_REDIRECT_URI must be the console's callback URL (e.g. ${example}), not "${uri}"`);
    return null;
  }
  if (
    url.pathname !== OIDC_CALLBACK_PATH ||
    url.search !== "" ||
    url.hash !== "" ||
    url.username !== "" ||
    url.password !== ""
  ) {
    problems.push(`AUTH_OIDC_REDIRECT_URI must end in ${OIDC_CALLBACK_PATH}, with nothing after it (e.g. ${example})`);
    return null;
  }
  if (url.protocol !== "https:" && url.hostname !== "127.0.0.1" && url.hostname !== "localhost") {
    problems.push("AUTH_OIDC_REDIRECT_URI must use https (plain http only for 127.0.0.1 or localhost)");
    return null;
  }
  return url.origin;
}

/** The login settings, or AUTH_DISABLED; every problem is pushed naming its variable. */
export function parseAuthConfig(
  env: Record<string, string | undefined>,
  clusters: readonly string[],
  problems: string[],
): AuthConfig {
  const typeText = (env.AUTH_TYPE ?? "DISABLED").trim().toUpperCase() || "DISABLED";
  const types = typeText.split(",").map((t) => t.trim());
  const unknown = types.filter((t) => !(AUTH_TYPES as readonly string[]).includes(t));
  if (unknown.length > 0) {
    problems.push(`AUTH_TYPE must be DISABLED, LOGIN_FORM, OAUTH2 or LOGIN_FORM,OAUTH2, not "${env.AUTH_TYPE ?? ""}"`);
    return AUTH_DISABLED;
  }
  if (types.includes("DISABLED")) {
    if (types.length > 1) problems.push("AUTH_TYPE cannot combine DISABLED with another type");
    return AUTH_DISABLED;
  }
  const sessionSecret = env.AUTH_SESSION_SECRET ?? "";
  if (sessionSecret.length < 32)
    problems.push(
      "AUTH_SESSION_SECRET must be at least 32 characters (e.g. `openssl rand -base64 48`) when login is on; " +
        "use the same on every console instance",
    );
  const hoursText = env.AUTH_SESSION_HOURS?.trim();
  const sessionHours = hoursText ? Number(hoursText) : 8;
  if (!Number.isFinite(sessionHours) || sessionHours <= 0 || sessionHours > 24 * 30)
    problems.push(`AUTH_SESSION_HOURS must be a number of hours from 0 to 720, not "${hoursText ?? ""}"`);
  const users = types.includes("LOGIN_FORM") ? parseUsers(env, clusters, problems) : [];
  if (types.includes("LOGIN_FORM") && users.length === 0)
    problems.push(
      "AUTH_TYPE LOGIN_FORM needs at least one user (AUTH_USERS_0_NAME, AUTH_USERS_0_PASSWORD, AUTH_USERS_0_ROLES)",
    );
  const oidc = types.includes("OAUTH2") ? parseOidc(env, clusters, problems) : null;
  return { enabled: true, sessionSecret, sessionHours, users, oidc };
}
