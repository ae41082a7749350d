import "server-only";
/**
 * Kafka Connect clusters of a Kafka cluster, as kafka-ui configures them: KAFKA_CLUSTERS_<n>_KAFKACONNECT_<m>_NAME,
 * _ADDRESS, _USERNAME, _PASSWORD (basic auth), or the YAML list `kafka.clusters[n].kafkaConnect[m]` with the fields
 * name, address, username, password. Pure, like parse.ts. The password is never echoed in a message.
 */
import { z } from "zod";

export interface ConnectConfig {
  name: string;
  /** The REST address of any worker of the Connect cluster, without a trailing slash. */
  address: string;
  /** HTTP basic auth for the Connect REST API. A secret: server only, never logged. */
  auth?: { username: string; password: string };
}

/** One Connect entry as collected from the file and the environment: its values, and where each came from. */
export interface RawConnect {
  values: Partial<Record<ConnectField, unknown>>;
  where: Map<ConnectField, string>;
}

export const CONNECT_FIELDS = { NAME: "name", ADDRESS: "address", USERNAME: "username", PASSWORD: "password" } as const;
export type ConnectField = (typeof CONNECT_FIELDS)[keyof typeof CONNECT_FIELDS];

/** KAFKACONNECT_<m>_<FIELD> (the part of the variable after KAFKA_CLUSTERS_<n>_). */
export const ENV_CONNECT = /^KAFKACONNECT_(\d+)_(.+)$/;

const connectSchema = z.object({
  name: z
    .string({ error: "is missing" })
    .trim()
    .min(1, "is empty")
    .max(64, "is longer than 64 characters")
    .regex(/^[A-Za-z0-9._-]+$/, "may only contain letters, digits, '.', '_' and '-'"),
  address: z
    .string({ error: "is missing" })
    .trim()
    .transform((value, ctx) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({ code: "custom", message: `must be an http:// or https:// address, not "${value}"` });
        return z.NEVER;
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        ctx.addIssue({ code: "custom", message: `must be an http:// or https:// address, not "${value}"` });
        return z.NEVER;
      }
      if (url.username || url.password) {
        ctx.addIssue({ code: "custom", message: "must not hold a user or password; use _USERNAME and _PASSWORD" });
        return z.NEVER;
      }
      return url.href.replace(/\/+$/, "");
    }),
  username: z.union([z.string(), z.number()]).transform(String).optional(),
  password: z.union([z.string(), z.number()]).transform(String).optional(),
});

/** Reads `kafkaConnect` of one YAML cluster entry; problems name the file and key. */
export function collectConnectsFromFile(
  value: unknown,
  prefix: string,
  problems: string[],
): Map<number, RawConnect> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    problems.push(`${prefix} must be a list of { name, address, username, password }`);
    return undefined;
  }
  const out = new Map<number, RawConnect>();
  value.forEach((item: unknown, index) => {
    const entry: RawConnect = { values: {}, where: new Map() };
    if (item && typeof item === "object") {
      for (const field of Object.values(CONNECT_FIELDS)) {
        if (field in item) {
          entry.values[field] = (item as Record<string, unknown>)[field];
          entry.where.set(field, `${prefix}[${index}].${field}`);
        }
      }
    }
    out.set(index, entry);
  });
  return out;
}

/** Validates the collected Connect entries of one Kafka cluster, in index order. */
export function parseConnects(
  entries: Map<number, RawConnect> | undefined,
  where: (index: number, field: ConnectField) => string,
  problems: string[],
): ConnectConfig[] {
  const connects: ConnectConfig[] = [];
  for (const index of [...(entries?.keys() ?? [])].sort((a, b) => a - b)) {
    const entry = entries?.get(index);
    if (!entry) continue;
    const label = (field: ConnectField) => entry.where.get(field) ?? where(index, field);
    const parsed = connectSchema.safeParse(entry.values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = (issue.path[0] ?? "name") as ConnectField;
        // A password's own text never goes into a message.
        problems.push(`${label(field)} ${field === "password" ? "is not valid text" : issue.message}`);
      }
      continue;
    }
    const { name, address, username, password } = parsed.data;
    if ((username === undefined) !== (password === undefined)) {
      problems.push(
        `${label(username === undefined ? "username" : "password")} is missing: basic auth needs both a username ` +
          `and a password`,
      );
      continue;
    }
    if (connects.some((c) => c.name.toLowerCase() === name.toLowerCase())) {
      problems.push(`${label("name")} repeats the Connect cluster name "${name}"; names must be unique per cluster`);
      continue;
    }
    connects.push({
      name,
      address,
      ...(username !== undefined && password !== undefined ? { auth: { username, password } } : {}),
    });
  }
  return connects;
}
