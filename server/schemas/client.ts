import "server-only";
/**
 * The console's client of a cluster's schema registry: the Confluent REST API (Confluent, Karapace, Apicurio's
 * /apis/ccompat/v7, Redpanda). One per cluster, cached. The configured URLs are tried in turn when one does not
 * answer (not when it answers with a refusal); the one that answered last is tried first next time. Every failure
 * becomes a ConsoleError in words; the credentials never appear in one.
 */
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { ClusterConfig, SchemaRegistryConfig } from "@/server/config/cluster";
import { ConsoleError } from "@/server/errors";

const CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
/** A registry that has not answered in this time counts as down (the next URL is tried). */
export const REGISTRY_TIMEOUT_MS = 8_000;

/** An error the registry answered with: its HTTP status, Confluent's error_code and its message. */
export class RegistryAnswerError extends ConsoleError {
  constructor(
    message: string,
    status: number,
    readonly registryStatus: number,
    readonly errorCode: number | undefined,
    readonly registryMessage: string,
  ) {
    super(status === 404 ? "not_found" : status === 503 ? "registry_unreachable" : "registry_error", message, status);
    this.name = "RegistryAnswerError";
  }
}

interface RawAnswer {
  status: number;
  body: string;
}

function send(
  url: URL,
  method: string,
  body: string | undefined,
  registry: SchemaRegistryConfig,
  timeoutMs: number,
): Promise<RawAnswer> {
  const headers: Record<string, string> = { accept: `${CONTENT_TYPE}, application/json` };
  if (body !== undefined) headers["content-type"] = CONTENT_TYPE;
  if (registry.auth) {
    const { username, password } = registry.auth;
    headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
  }
  const https = url.protocol === "https:";
  const ca = https && registry.caLocation ? readFileSync(registry.caLocation) : undefined;
  return new Promise((resolve, reject) => {
    const req = (https ? httpsRequest : httpRequest)(url, {
      method,
      headers,
      timeout: timeoutMs,
      ...(ca ? { ca } : {}),
    });
    req.on("timeout", () => req.destroy(Object.assign(new Error("no answer in time"), { code: "ETIMEDOUT" })));
    req.on("error", reject);
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > 64 * 1024 * 1024) req.destroy(new Error("the answer is larger than 64 MiB"));
        else chunks.push(chunk);
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.end(body);
  });
}

function connectionReason(error: unknown): string {
  const code = error && typeof error === "object" && "code" in error ? String(error.code) : "";
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
  if (code === "ETIMEDOUT") return "no answer in time";
  if (code === "ECONNRESET") return "the connection was closed";
  if (code.startsWith("ERR_TLS") || code.includes("CERT") || code === "DEPTH_ZERO_SELF_SIGNED_CERT")
    return `its TLS certificate is not trusted (${code}); set SSL_TRUSTSTORELOCATION to its CA`;
  return error instanceof Error ? error.message.split("\n")[0]?.slice(0, 200) || "no answer" : "no answer";
}

export class RegistryClient {
  /** Index of the URL that answered last. */
  private preferred = 0;

  constructor(
    readonly cluster: string,
    private readonly registry: SchemaRegistryConfig,
  ) {}

  get urls(): readonly string[] {
    return this.registry.urls;
  }

  /**
   * One request to the registry: `path` below its base URL (e.g. "/subjects"). Resolves with the parsed JSON of a 2xx
   * answer; throws a ConsoleError otherwise (registry_unreachable when no URL answers, with each one's reason).
   */
  async request<T>(
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    body?: unknown,
    timeoutMs = REGISTRY_TIMEOUT_MS,
  ): Promise<T> {
    const urls = this.registry.urls;
    const order = urls.map((_, i) => (i + this.preferred) % urls.length);
    const failures: string[] = [];
    for (const index of order) {
      const base = urls[index] as string;
      let answer: RawAnswer;
      try {
        answer = await send(
          new URL(`${base}${path}`),
          method,
          body === undefined ? undefined : JSON.stringify(body),
          this.registry,
          timeoutMs,
        );
      } catch (error) {
        failures.push(`${base}: ${connectionReason(error)}`);
        continue;
      }
      if (answer.status >= 500 && answer.status !== 501 && order.length > 1 && index !== order.at(-1)) {
        failures.push(`${base}: HTTP ${answer.status}`);
        continue;
      }
      this.preferred = index;
      return this.interpret<T>(answer, base);
    }
    throw new ConsoleError(
      "registry_unreachable",
      `Cannot reach the schema registry of cluster "${this.cluster}": ${failures.join("; ")}.`,
      503,
    );
  }

  private interpret<T>(answer: RawAnswer, base: string): T {
    let parsed: unknown;
    try {
      parsed = answer.body === "" ? undefined : JSON.parse(answer.body);
    } catch {
      parsed = undefined;
    }
    if (answer.status >= 200 && answer.status < 300) {
      if (parsed === undefined && answer.body !== "")
        throw new ConsoleError(
          "registry_error",
          `The schema registry at ${base} answered with something not JSON.`,
          502,
        );
      return parsed as T;
    }
    const record = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
    const errorCode = typeof record.error_code === "number" ? record.error_code : undefined;
    const registryMessage = typeof record.message === "string" ? record.message : answer.body.slice(0, 300);
    if (answer.status === 401 || answer.status === 403) {
      const settings =
        this.registry.authFrom ??
        `${this.registry.urlsFrom.replace(/SCHEMAREGISTRY$/, "SCHEMAREGISTRYAUTH")}_USERNAME / _PASSWORD (not set)`;
      throw new RegistryAnswerError(
        `The schema registry of cluster "${this.cluster}" refused the console's credentials (HTTP ${answer.status}); ` +
          `check ${settings}.`,
        503,
        answer.status,
        errorCode,
        registryMessage,
      );
    }
    const status = answer.status === 404 ? 404 : answer.status === 409 ? 409 : answer.status === 422 ? 422 : 502;
    const lead = status === 502 ? `failed (HTTP ${answer.status}): ` : "says: ";
    throw new RegistryAnswerError(
      `The schema registry ${lead}${cleanMessage(registryMessage)}`,
      status,
      answer.status,
      errorCode,
      registryMessage,
    );
  }
}

/** Apicurio prefixes its messages with a Java exception's class name; the words after it are what matter. */
export function cleanMessage(message: string): string {
  return message.replace(/^(?:[a-z]\w*\.)+[A-Z]\w*(?:Exception|Error):\s*/, "").trim();
}

const clients = new Map<string, { config: SchemaRegistryConfig; client: RegistryClient }>();

/** The registry client of a cluster; a 404 in words when the cluster has no registry configured. */
export function registryOf(cluster: Pick<ClusterConfig, "name" | "schemaRegistry" | "origin">): RegistryClient {
  const config = cluster.schemaRegistry;
  if (!config) {
    throw new ConsoleError(
      "not_found",
      `Cluster "${cluster.name}" has no schema registry configured (KAFKA_CLUSTERS_<n>_SCHEMAREGISTRY).`,
      404,
    );
  }
  const cached = clients.get(cluster.name);
  if (cached?.config === config) return cached.client;
  const client = new RegistryClient(cluster.name, config);
  clients.set(cluster.name, { config, client });
  return client;
}
