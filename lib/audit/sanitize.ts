/**
 * What of an action's input goes into the audit log. The input is kept as it was sent (so a refused attempt shows
 * what was tried), with three changes:
 * - secrets are redacted: the value of any field whose name looks like a secret (password, secret, token,
 *   credential, JAAS config, API or private key, authorization), and the `value` of a `{ key, value }` pair (a
 *   config entry, a message header) whose key looks like one;
 * - message contents are cut short: a produced record's key, value and header names and values keep at most
 *   PAYLOAD_CHARS characters each, other text at most TEXT_CHARS;
 * - the whole is bounded: lists keep their first LIST_ITEMS items, objects their first OBJECT_KEYS fields,
 *   nesting stops at MAX_DEPTH, and past NODE_BUDGET values or CHAR_BUDGET characters the rest is elided.
 * Cuts are marked in the text ("… (1,200 more characters)"), so the log never reads as if it were complete.
 */
import type { AuditAction, JsonValue } from "@/lib/audit/entry";

export const PAYLOAD_CHARS = 200;
export const TEXT_CHARS = 1_000;
export const LIST_ITEMS = 50;
export const OBJECT_KEYS = 50;
export const MAX_DEPTH = 8;
const NODE_BUDGET = 500;
const CHAR_BUDGET = 8_000;

export const REDACTED = "[redacted]";
export const ELIDED = "…";

/** Field names that hold secrets. "key" alone (a message key, a config key) is not one; "apiKey" is. */
const SECRET_NAME = new RegExp(
  [
    "pass(word|wd|phrase)?$",
    "passw",
    "secret",
    "token",
    "credential",
    "jaas",
    "api[-_.]?key",
    "private[-_.]?key",
    "auth(orization)?$",
    "cookie",
    "session",
  ].join("|"),
  "i",
);

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** The top-level fields of the produce action whose text is message content: cut to PAYLOAD_CHARS. */
const PAYLOAD_FIELDS = new Set(["key", "value", "headers"]);

interface Budget {
  nodes: number;
  chars: number;
}

function cut(text: string, max: number, budget: Budget): string {
  const keep = Math.max(0, Math.min(max, budget.chars));
  budget.chars -= Math.min(text.length, keep);
  if (text.length <= keep) return text;
  const more = text.length - keep;
  return `${text.slice(0, keep)}${ELIDED} (${more.toLocaleString("en-US")} more character${more === 1 ? "" : "s"})`;
}

function clean(value: unknown, depth: number, payload: boolean, budget: Budget): JsonValue {
  if (budget.nodes <= 0) return ELIDED;
  budget.nodes -= 1;
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return cut(value, payload ? PAYLOAD_CHARS : TEXT_CHARS, budget);
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "boolean") return value;
  if (typeof value === "bigint") return value.toString();
  if (typeof value !== "object") return `[${typeof value}]`;
  if (depth >= MAX_DEPTH) return ELIDED;
  if (Array.isArray(value)) {
    const items: JsonValue[] = value
      .slice(0, LIST_ITEMS)
      .map((item: unknown) => clean(item, depth + 1, payload, budget));
    if (value.length > LIST_ITEMS)
      items.push(`${ELIDED} (${(value.length - LIST_ITEMS).toLocaleString("en-US")} more)`);
    return items;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const out: Record<string, JsonValue> = {};
  // A { key, value } pair (a config entry, a header) whose key names a secret: its value is the secret.
  const pairKey = (value as Record<string, unknown>).key;
  const secretPair = typeof pairKey === "string" && isSecretName(pairKey);
  for (const [name, field] of entries.slice(0, OBJECT_KEYS)) {
    if (isSecretName(name) || (secretPair && name === "value")) {
      out[name] = field === null || field === undefined ? null : REDACTED;
      continue;
    }
    out[name] = clean(field, depth + 1, payload, budget);
  }
  if (entries.length > OBJECT_KEYS)
    out[ELIDED] = `${(entries.length - OBJECT_KEYS).toLocaleString("en-US")} more fields`;
  return out;
}

/**
 * The input of an action as the audit log keeps it. With `payload` (the produce action), the top-level `key`,
 * `value` and `headers` (names and values) are message content and keep at most PAYLOAD_CHARS characters each.
 */
export function sanitizeParams(input: unknown, { payload = false }: { payload?: boolean } = {}): JsonValue {
  const budget: Budget = { nodes: NODE_BUDGET, chars: CHAR_BUDGET };
  if (!payload) return clean(input, 0, false, budget);
  // The produce action: its key, value and headers (names and values) are message content.
  if (input === null || typeof input !== "object" || Array.isArray(input)) return clean(input, 0, true, budget);
  const out: Record<string, JsonValue> = {};
  const entries = Object.entries(input as Record<string, unknown>);
  for (const [name, field] of entries.slice(0, OBJECT_KEYS)) {
    if (isSecretName(name)) out[name] = field === null || field === undefined ? null : REDACTED;
    else out[name] = clean(field, 1, PAYLOAD_FIELDS.has(name), budget);
  }
  if (entries.length > OBJECT_KEYS)
    out[ELIDED] = `${(entries.length - OBJECT_KEYS).toLocaleString("en-US")} more fields`;
  return out;
}

/** The params an audit entry of `action` keeps of its input: the produce action's message content is cut shortest. */
export function auditParams(action: AuditAction, input: unknown): JsonValue {
  return sanitizeParams(input, { payload: action === "messages.produce" });
}
