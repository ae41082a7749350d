/**
 * Secrets in a connector's config, hidden as Connect hides them: a field whose definition has the type PASSWORD shows
 * as "[hidden]". A key that looks like a secret (password, secret, token, credential, JAAS config, API or private key)
 * is hidden too, for plugins whose definition is not known or declares it as a plain string.
 */
import { HIDDEN } from "@/lib/connect/schemas";
import { isSecretName } from "@/lib/audit/sanitize";

export function isSecretConfigKey(key: string, passwordKeys: ReadonlySet<string>): boolean {
  return passwordKeys.has(key) || isSecretName(key) || /ssl\.key\.password|basic\.auth\.user\.info/i.test(key);
}

export function maskConfig(
  config: Readonly<Record<string, string>>,
  passwordKeys: ReadonlySet<string> = new Set(),
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) out[key] = isSecretConfigKey(key, passwordKeys) ? HIDDEN : value;
  return out;
}

/** A config from the edit form with "[hidden]" values put back to what the connector has stored. */
export function unmaskConfig(
  edited: Readonly<Record<string, string>>,
  stored: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(edited))
    out[key] = value === HIDDEN && key in stored ? (stored[key] ?? value) : value;
  return out;
}
