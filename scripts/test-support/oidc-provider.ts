/**
 * A real OpenID Connect provider for the browser tests: panva's oidc-provider (a certified implementation), run on
 * 127.0.0.1 with one client, the console. Its development sign-in pages accept any user name with any password,
 * so a test signs in as whom it needs; users whose name starts with "admin" are in the `kafka-admins` group and
 * those starting with "ops" in `kafka-operators`, which the console's role rules (AUTH_OIDC_ROLES_*) match.
 *
 *   tsx scripts/test-support/oidc-provider.ts   (the port and the console's origin from auth-console.ts)
 */
import Provider from "oidc-provider";
import { AUTH_ORIGIN, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_PORT } from "./auth-console";

function groupsOf(id: string): string[] {
  if (id.startsWith("admin")) return ["kafka-admins"];
  if (id.startsWith("ops")) return ["kafka-operators"];
  return [];
}

export function startOidcProvider(
  port: number,
  consoleOrigin: string,
): Promise<{ issuer: string; close: () => Promise<void> }> {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        redirect_uris: [`${consoleOrigin}/api/auth/oidc/callback`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], groups: ["groups"] },
    // Scope claims go into the ID token too (the console reads roles from it, as from any provider that does).
    conformIdTokenClaims: false,
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, email: `${id}@example.com`, email_verified: true, groups: groupsOf(id) }),
    }),
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["oidc-test-cookie-key"] },
  });
  provider.proxy = false;
  return new Promise((resolve) => {
    const server = provider.listen(port, "127.0.0.1", () => {
      resolve({
        issuer,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1]?.endsWith("oidc-provider.ts")) {
  void startOidcProvider(OIDC_PORT, AUTH_ORIGIN).then(({ issuer }) =>
    console.log(`OpenID provider for the tests at ${issuer}`),
  );
}
