import "server-only";
/**
 * Lag alert rules and their settings (docs/alerts.md), from kafka-ui style variables and/or the YAML file:
 *   ALERTS_<n>_NAME, _CLUSTER, _GROUP, _TOPIC, _LAG, _LAG_SECONDS, _STALLED_FOR, _FOR, _SEVERITY,
 *   ALERTS_<n>_WEBHOOK_URL, _WEBHOOK_SECRET, _WEBHOOK_HEADERS_<HEADER_NAME>   (or YAML `alerts:`, a list of rules)
 *   ALERTS_CLUSTER          the cluster whose Kafka the instances agree through (state topic and election)
 *   ALERTS_TOPIC            the compacted topic of alert states there (default _kafka-console-alerts)
 *   ALERTS_EVALUATE_EVERY   how often the rules are evaluated (default 10s)
 * Variables override the file's fields rule by rule, as for clusters. Pure: parseConfig calls it. Webhook URLs,
 * headers and secrets are never put in a message (they may hold tokens).
 */
import { z } from "zod";
import { type AlertCondition, type AlertRuleView, parseDuration } from "@/lib/alerts/rules";

export interface WebhookConfig {
  /** Secret (may hold a token): never logged, never sent to the browser. */
  url: string;
  /** Extra request headers (e.g. Authorization). Secret. */
  headers: Record<string, string>;
  /** Key of the HMAC-SHA256 signature header. Secret. */
  secret: string | null;
}

export interface AlertRule extends AlertRuleView {
  webhook: WebhookConfig | null;
}

export interface AlertsConfig {
  rules: AlertRule[];
  /** The cluster that holds the state topic and the evaluator election (null when there are no rules). */
  cluster: string | null;
  topic: string;
  evaluateEveryMs: number;
}

export const DEFAULT_ALERTS_TOPIC = "_kafka-console-alerts";
export const DEFAULT_EVALUATE_EVERY_MS = 10_000;
export const NO_ALERTS: AlertsConfig = {
  rules: [],
  cluster: null,
  topic: DEFAULT_ALERTS_TOPIC,
  evaluateEveryMs: DEFAULT_EVALUATE_EVERY_MS,
};

const ENV_RULE = /^ALERTS_(\d+)_(.+)$/;
const ENV_FIELDS: Record<string, string> = {
  NAME: "name",
  CLUSTER: "cluster",
  GROUP: "group",
  TOPIC: "topic",
  LAG: "lag",
  LAG_SECONDS: "lagSeconds",
  STALLED_FOR: "stalledFor",
  FOR: "for",
  SEVERITY: "severity",
};
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;
/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const text = z
  .union([z.string(), z.number()], {
    error: (issue) => (issue.input === undefined ? "is missing" : "must be text or a number"),
  })
  .transform((v) => String(v).trim());
const duration = (what: string) =>
  text.transform((v, ctx) => {
    const ms = parseDuration(v);
    if (ms === null || ms < 0) {
      ctx.addIssue({ code: "custom", message: `must be a duration such as 30s, 2m or 1h (${what}), not "${v}"` });
      return z.NEVER;
    }
    return ms;
  });
const positive = text.transform((v, ctx) => {
  const n = Number(v);
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(n)) {
    ctx.addIssue({ code: "custom", message: `must be a whole number of records, not "${v}"` });
    return z.NEVER;
  }
  return n;
});

const webhookSchema = z.object({
  url: text.pipe(
    z
      .string()
      .min(1, "is empty")
      .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
        // The value is not echoed: a webhook URL often carries a token.
        message: "must be an http:// or https:// URL (the value is not shown)",
      }),
  ),
  secret: text.pipe(z.string().min(16, "must be at least 16 characters (the value is not shown)")).optional(),
  headers: z
    .record(
      z.string().regex(HEADER_NAME, "has a header name that is not valid"),
      text.pipe(z.string().regex(/^[^\r\n\0]*$/, "has a header value with a line break (the value is not shown)")),
    )
    .optional(),
});

const ruleSchema = z.object({
  name: text.pipe(
    z
      .string()
      .min(1, "is empty")
      .max(100, "is longer than 100 characters")
      .regex(/^[A-Za-z0-9._-]+$/, "may only contain letters, digits, '.', '_' and '-'"),
  ),
  cluster: text.optional(),
  group: text.pipe(z.string().min(1, "is empty").max(255, "is longer than 255 characters")),
  topic: text
    .pipe(z.string().regex(TOPIC_NAME, "must be a Kafka topic name (letters, digits, '.', '_', '-')"))
    .optional(),
  lag: positive.optional(),
  lagSeconds: duration("a bare number is seconds").optional(),
  stalledFor: duration("how long committed offsets stand still").optional(),
  for: duration("how long the condition must hold").optional(),
  severity: text.pipe(z.string().regex(/^[a-z]{1,20}$/, "must be a lowercase word such as warning")).optional(),
  webhook: z.union([z.string().transform((url) => ({ url })), z.record(z.string(), z.unknown())]).optional(),
});

interface RawRule {
  fields: Record<string, unknown>;
  where: Map<string, string>;
}

function collect(
  env: Record<string, string | undefined>,
  yamlAlerts: unknown,
  file: string | null,
  problems: string[],
): Map<number, RawRule> {
  const rules = new Map<number, RawRule>();
  if (yamlAlerts !== undefined && yamlAlerts !== null) {
    if (!Array.isArray(yamlAlerts)) problems.push(`${file}: alerts must be a list of rules`);
    else
      yamlAlerts.forEach((entry: unknown, index) => {
        if (typeof entry !== "object" || entry === null) {
          problems.push(`${file}: alerts[${index}] must be a rule (name, group, lag, ...)`);
          return;
        }
        const fields = { ...(entry as Record<string, unknown>) };
        const where = new Map(Object.keys(fields).map((k) => [k, `${file}: alerts[${index}].${k}`]));
        rules.set(index, { fields, where });
      });
  }
  for (const [key, value] of Object.entries(env)) {
    const match = ENV_RULE.exec(key);
    if (!match?.[1] || !match[2] || value === undefined) continue;
    const index = Number(match[1]);
    const rule = rules.get(index) ?? { fields: {}, where: new Map<string, string>() };
    rules.set(index, rule);
    const field = match[2];
    const known = ENV_FIELDS[field];
    /** The rule's webhook as an object (YAML may give a bare URL), ready for a field from the environment. */
    const hook = (): Record<string, unknown> => {
      const w = rule.fields.webhook;
      const object =
        typeof w === "string" ? { url: w } : typeof w === "object" && w !== null ? { ...(w as object) } : {};
      rule.fields.webhook = object;
      return object;
    };
    if (known) {
      rule.fields[known] = value;
      rule.where.set(known, key);
    } else if (field === "WEBHOOK_URL" || field === "WEBHOOK_SECRET") {
      const name = field === "WEBHOOK_URL" ? "url" : "secret";
      hook()[name] = value;
      rule.where.set(`webhook.${name}`, key);
    } else if (field.startsWith("WEBHOOK_HEADERS_")) {
      const header = field.slice("WEBHOOK_HEADERS_".length).toLowerCase().replaceAll("_", "-");
      const webhook = hook();
      webhook.headers = { ...(webhook.headers as Record<string, unknown> | undefined), [header]: value };
      rule.where.set("webhook.headers", key);
    } else problems.push(`${key} is not an alert setting (see docs/alerts.md)`);
  }
  return rules;
}

function conditionOf(
  data: { lag?: number; lagSeconds?: number; stalledFor?: number },
  label: string,
  problems: string[],
): AlertCondition | null {
  const given = [
    data.lag !== undefined ? ({ kind: "lag", messages: data.lag } as const) : null,
    data.lagSeconds !== undefined ? ({ kind: "lagSeconds", seconds: data.lagSeconds / 1000 } as const) : null,
    data.stalledFor !== undefined ? ({ kind: "stalled", forMs: data.stalledFor } as const) : null,
  ].filter((c) => c !== null);
  if (given.length !== 1) {
    problems.push(
      `${label} must have exactly one condition: lag (records), lagSeconds (time behind) or stalledFor ` +
        `(committed offsets not moving)${given.length > 1 ? "; it has several" : ""}`,
    );
    return null;
  }
  return given[0] ?? null;
}

function stateCluster(
  env: Record<string, string | undefined>,
  clusters: readonly { name: string; readOnly: boolean }[],
  auditCluster: string | null,
  problems: string[],
): string | null {
  const named = env.ALERTS_CLUSTER?.trim() ?? "";
  const writable = clusters.filter((c) => !c.readOnly);
  const chosen =
    named !== ""
      ? clusters.find((c) => c.name === named)
      : (clusters.find((c) => c.name === auditCluster) ?? (writable.length === 1 ? writable[0] : undefined));
  if (!chosen) {
    problems.push(
      named !== ""
        ? `ALERTS_CLUSTER names "${named}", which is not a configured cluster`
        : "ALERTS_CLUSTER must name the writable cluster where console instances agree on alerts (its state " +
            "topic and evaluator election live there)",
    );
    return null;
  }
  if (chosen.readOnly)
    problems.push(
      `ALERTS_CLUSTER ${named !== "" ? "names" : "would be"} "${chosen.name}", which is read-only; alert state is ` +
        "written there, so choose a writable cluster (rules may still watch read-only clusters)",
    );
  return chosen.name;
}

/** The alert rules and settings; each problem (naming its variable or file key) is added to `problems`. */
export function parseAlertsConfig(
  env: Record<string, string | undefined>,
  yaml: { alerts: unknown; file: string } | null,
  clusters: readonly { name: string; readOnly: boolean }[],
  auditCluster: string | null,
  problems: string[],
): AlertsConfig {
  const raw = collect(env, yaml?.alerts, yaml?.file ?? null, problems);
  const rules: AlertRule[] = [];
  const names = new Map<string, string>();
  for (const index of [...raw.keys()].sort((a, b) => a - b)) {
    const entry = raw.get(index);
    if (!entry) continue;
    const where = (field: string) => {
      const [head = field, sub] = field.split(".");
      const inFile = sub === undefined ? undefined : entry.where.get(head);
      return (
        entry.where.get(field) ??
        (inFile ? `${inFile}.${sub}` : `ALERTS_${index}_${field.replaceAll(".", "_").toUpperCase()}`)
      );
    };
    // The rule as a whole: ALERTS_<n>, or the file's alerts[<n>].
    const label = entry.where.get("name")?.replace(/(_NAME|\.name)$/, "") ?? `ALERTS_${index}`;
    const parsed = ruleSchema.safeParse(entry.fields);
    // The webhook is checked even when another field is wrong, so one start-up shows every problem.
    let webhook: WebhookConfig | null = null;
    if (entry.fields.webhook !== undefined) {
      const raw = typeof entry.fields.webhook === "string" ? { url: entry.fields.webhook } : entry.fields.webhook;
      const hook = webhookSchema.safeParse(raw);
      if (!hook.success) {
        for (const issue of hook.error.issues)
          problems.push(`${where(`webhook.${String(issue.path[0] ?? "url")}`)} ${issue.message}`);
      } else webhook = { url: hook.data.url, headers: hook.data.headers ?? {}, secret: hook.data.secret ?? null };
    }
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`${where(String(issue.path[0] ?? "name"))} ${issue.message}`);
      continue;
    }
    const data = parsed.data;
    const condition = conditionOf(data, label, problems);
    const clusterName = data.cluster ?? (clusters.length === 1 ? clusters[0]?.name : undefined);
    if (!clusterName)
      problems.push(`${where("cluster")} must name the cluster the rule watches (several are configured)`);
    else if (!clusters.some((c) => c.name === clusterName))
      problems.push(`${where("cluster")} names "${clusterName}", which is not a configured cluster`);
    const other = names.get(data.name);
    if (other) problems.push(`${label} repeats the rule name "${data.name}" (already used by ${other})`);
    names.set(data.name, label);
    if (!condition || !clusterName) continue;
    rules.push({
      name: data.name,
      cluster: clusterName,
      group: data.group,
      topic: data.topic ?? null,
      condition,
      forMs: data.for ?? 0,
      severity: data.severity ?? "warning",
      webhook,
    });
  }

  const topicText = env.ALERTS_TOPIC?.trim() || DEFAULT_ALERTS_TOPIC;
  if (!TOPIC_NAME.test(topicText) || topicText === "." || topicText === "..")
    problems.push(`ALERTS_TOPIC must be a Kafka topic name (letters, digits, '.', '_', '-'), not "${topicText}"`);
  const everyText = env.ALERTS_EVALUATE_EVERY?.trim() ?? "";
  const every = everyText === "" ? DEFAULT_EVALUATE_EVERY_MS : parseDuration(everyText);
  if (every === null || every < 200)
    problems.push(`ALERTS_EVALUATE_EVERY must be a duration of at least 200ms such as 10s, not "${everyText}"`);
  const cluster = rules.length > 0 ? stateCluster(env, clusters, auditCluster, problems) : null;
  return { rules, cluster, topic: topicText, evaluateEveryMs: every ?? DEFAULT_EVALUATE_EVERY_MS };
}
