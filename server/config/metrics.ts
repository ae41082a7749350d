import "server-only";
/**
 * The Prometheus endpoint's settings (pure: the caller passes env; parse.ts calls this):
 *   METRICS_ENABLED   true to serve GET /metrics (default false)
 *   METRICS_TOKEN     the bearer token a scrape must send (Authorization: Bearer ...); required when login is on,
 *                     optional otherwise (when set, it is required of every scrape)
 */

export interface MetricsConfig {
  enabled: boolean;
  /** Secret: never logged, never sent to the browser. */
  token: string | null;
}

export const METRICS_DISABLED: MetricsConfig = { enabled: false, token: null };

const TRUE = /^(true|yes|on|1)$/i;
const FALSE = /^(false|no|off|0)?$/i;
/** Long enough that guessing is hopeless, and only characters that travel in a header unchanged. */
const TOKEN = /^[A-Za-z0-9._~+/=-]{24,}$/;

export function parseMetricsConfig(
  env: Record<string, string | undefined>,
  loginOn: boolean,
  problems: string[],
): MetricsConfig {
  const flag = env.METRICS_ENABLED?.trim() ?? "";
  if (!TRUE.test(flag) && !FALSE.test(flag)) {
    problems.push(`METRICS_ENABLED must be true or false, not "${flag}"`);
    return METRICS_DISABLED;
  }
  const enabled = TRUE.test(flag);
  const tokenText = env.METRICS_TOKEN?.trim() ?? "";
  if (tokenText !== "" && !TOKEN.test(tokenText)) {
    problems.push(
      "METRICS_TOKEN must be at least 24 characters of letters, digits and . _ ~ + / = - (the value is not shown)",
    );
    return METRICS_DISABLED;
  }
  const token = tokenText === "" ? null : tokenText;
  if (enabled && loginOn && token === null)
    problems.push(
      "METRICS_ENABLED is true and login is on, so METRICS_TOKEN must be set: Prometheus sends it as a bearer " +
        "token (e.g. `openssl rand -base64 32`)",
    );
  return { enabled, token };
}
