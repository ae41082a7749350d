import "server-only";
import * as client from "openid-client";
import { z } from "zod";
import type { Grant } from "@/lib/auth/permissions";
import type { OidcConfig } from "@/server/config/auth";
import { OIDC_CALLBACK_PATH, safeNextPath } from "@/lib/auth/paths";
import type { SignInErrorCode } from "@/lib/auth/sign-in-errors";
import type { Session } from "@/server/auth/session";
import { newSessionId, sign, unsign } from "@/server/auth/session";

/** Why a sign-in failed, as the code the login page shows words for (lib/auth/sign-in-errors.ts). */
export class SignInError extends Error {
  constructor(readonly code: SignInErrorCode) {
    super(code);
    this.name = "SignInError";
  }
}

/**
 * Single sign-on with OpenID Connect (any standard provider): the authorization code flow with PKCE, state and
 * nonce, done by openid-client (which checks the ID token's signature, issuer, audience, expiry and nonce). The
 * flow's secrets wait in a signed, http-only cookie for the 10 minutes the user may spend at the provider.
 */
const FLOW_MINUTES = 10;

let discovered: { key: string; config: Promise<client.Configuration> } | undefined;

function configuration(oidc: OidcConfig): Promise<client.Configuration> {
  const key = `${oidc.issuer}|${oidc.clientId}`;
  if (discovered?.key !== key) {
    const issuer = new URL(oidc.issuer);
    const insecure = issuer.protocol === "http:";
    const config = client
      .discovery(
        issuer,
        oidc.clientId,
        oidc.clientSecret,
        undefined,
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = undefined; // try again on the next sign-in
        console.error(
          `Single sign-on: the provider ${oidc.issuer} could not be discovered: ` +
            `${error instanceof Error ? error.message : String(error)}`,
        );
        throw new SignInError("unavailable");
      });
    discovered = { key, config };
  }
  return discovered.config;
}

const flowSchema = z.object({
  verifier: z.string(),
  state: z.string(),
  nonce: z.string(),
  next: z.string(),
  exp: z.number(),
});

/** Where to send the browser, and the cookie that remembers this sign-in attempt. */
export async function startSignIn(
  oidc: OidcConfig,
  secret: string,
  origin: string,
  next: string,
): Promise<{ url: URL; cookie: string; maxAge: number }> {
  const config = await configuration(oidc);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: `${origin}${OIDC_CALLBACK_PATH}`,
    scope: oidc.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  const flow = { verifier, state, nonce, next: safeNextPath(next), exp: Date.now() + FLOW_MINUTES * 60_000 };
  return { url, cookie: sign(flow, secret, "oidc-flow"), maxAge: FLOW_MINUTES * 60 };
}

function claimValues(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

/** The roles the configuration gives a user with these claims. */
export function grantsFromClaims(oidc: OidcConfig, claims: Record<string, unknown>): Grant[] {
  const grants = [...oidc.defaultGrants];
  for (const rule of oidc.rules) if (claimValues(claims, rule.claim).includes(rule.value)) grants.push(...rule.grants);
  return grants;
}

/** The provider's answer at the callback URL, checked; the session to sign the user in with, and where to go. */
export async function finishSignIn(
  oidc: OidcConfig,
  secret: string,
  callbackUrl: URL,
  flowCookie: string | undefined,
  hours: number,
): Promise<{ session: Session; next: string }> {
  const flow = flowSchema.safeParse(unsign(flowCookie, secret, "oidc-flow"));
  if (!flow.success || flow.data.exp < Date.now()) throw new SignInError("expired");
  const providerError = callbackUrl.searchParams.get("error");
  if (providerError) {
    console.warn(
      `Single sign-on: the provider answered ${providerError.slice(0, 100)}: ` +
        `${(callbackUrl.searchParams.get("error_description") ?? "").slice(0, 200)}`,
    );
    throw new SignInError("refused");
  }
  const config = await configuration(oidc);
  let claims: Record<string, unknown> | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: flow.data.verifier,
      expectedState: flow.data.state,
      expectedNonce: flow.data.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (error) {
    console.warn(
      `Single sign-on: the provider's answer was refused: ${error instanceof Error ? error.message : String(error)}`,
    );
    throw new SignInError("refused");
  }
  if (!claims) throw new SignInError("refused");
  const name =
    [oidc.usernameClaim, "preferred_username", "email", "sub"].flatMap((claim) => claimValues(claims, claim))[0] ?? "";
  if (name === "") throw new SignInError("refused");
  const now = Date.now();
  return {
    session: {
      sid: newSessionId(),
      sub: name.slice(0, 256),
      via: "oidc",
      grants: grantsFromClaims(oidc, claims),
      iat: now,
      exp: now + hours * 3_600_000,
    },
    next: flow.data.next,
  };
}
