import "server-only";
/**
 * Reads of Kafka Connect: the connectors of every Connect cluster of a Kafka cluster (one request per Connect cluster
 * with expand=status&expand=info, plus each connector's active topics), and one connector in detail. A Connect cluster
 * that does not answer is reported with its reason while the others still show.
 */
import type { ConnectorResponse, ConnectorsResponse, ConnectorState, ConnectorSummary } from "@/lib/api/connect";
import { CONNECTOR_STATES } from "@/lib/api/connect";
import { maskConfig } from "@/lib/connect/mask";
import type { ConnectConfig } from "@/server/config/connect";
import type { ClusterHandle } from "@/server/kafka/clients";
import { ConsoleError, toConsoleError } from "@/server/errors";
import { connectRequest, findConnect, seg } from "./client";

/** Connect's status of a connector (GET /connectors/{name}/status). */
export interface RawStatus {
  name: string;
  connector: { state: string; worker_id: string; trace?: string };
  tasks: { id: number; state: string; worker_id: string; trace?: string }[];
  type?: string;
}

/** Connect's info of a connector (GET /connectors/{name}). */
export interface RawInfo {
  name: string;
  config: Record<string, string>;
  tasks: { connector: string; task: number }[];
  type?: string;
}

type Expanded = Record<string, { status?: RawStatus; info?: RawInfo }>;

function state(value: string | undefined): ConnectorState {
  return CONNECTOR_STATES.find((s) => s === value) ?? "UNASSIGNED";
}

function type(value: string | undefined): "source" | "sink" | "unknown" {
  return value === "source" || value === "sink" ? value : "unknown";
}

/** The topics a connector has used; its config's topic/topics when Connect's topic tracking gives none. */
async function topicsOf(connect: ConnectConfig, name: string, config: Record<string, string>): Promise<string[]> {
  try {
    const body = await connectRequest<Record<string, { topics?: string[] }>>(
      connect,
      "GET",
      `/connectors/${seg(name)}/topics`,
    );
    const active = body[name]?.topics ?? [];
    if (active.length > 0) return [...active].sort();
  } catch {
    // Topic tracking may be off on the worker (topic.tracking.enable=false): the config's topics below.
  }
  const listed = [config.topic, config.topics].filter((t): t is string => typeof t === "string");
  return [
    ...new Set(
      listed
        .flatMap((t) => t.split(","))
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ].sort();
}

function summaryOf(connect: ConnectConfig, name: string, status: RawStatus | undefined, info: RawInfo | undefined) {
  return {
    connect: connect.name,
    name,
    type: type(status?.type ?? info?.type),
    className: info?.config["connector.class"] ?? "",
    state: state(status?.connector.state),
    workerId: status?.connector.worker_id ?? "",
    tasks: (status?.tasks ?? [])
      .map((t) => ({ id: t.id, state: state(t.state), workerId: t.worker_id }))
      .sort((a, b) => a.id - b.id),
  };
}

async function connectorsOf(connect: ConnectConfig): Promise<{ connectors: ConnectorSummary[]; version?: string }> {
  const [root, expanded] = await Promise.all([
    connectRequest<{ version?: string }>(connect, "GET", "/"),
    connectRequest<Expanded>(connect, "GET", "/connectors?expand=status&expand=info"),
  ]);
  const connectors = await Promise.all(
    Object.entries(expanded).map(async ([name, { status, info }]) => ({
      ...summaryOf(connect, name, status, info),
      topics: await topicsOf(connect, name, info?.config ?? {}),
    })),
  );
  return { connectors, version: root.version };
}

/** GET /api/clusters/{c}/connectors: every connector of every Connect cluster of `cluster`. */
export async function listConnectors(cluster: ClusterHandle): Promise<ConnectorsResponse> {
  const results = await Promise.all(
    cluster.config.connects.map(async (connect) => {
      try {
        return { connect, ...(await connectorsOf(connect)) };
      } catch (error) {
        return { connect, error: toConsoleError(error).message };
      }
    }),
  );
  return {
    connects: results.map((r) =>
      "error" in r
        ? { name: r.connect.name, reachable: false, error: r.error }
        : { name: r.connect.name, reachable: true, ...(r.version ? { version: r.version } : {}) },
    ),
    connectors: results
      .flatMap((r) => ("connectors" in r ? r.connectors : []))
      .sort((a, b) => a.name.localeCompare(b.name) || a.connect.localeCompare(b.connect)),
  };
}

/** The PASSWORD fields of a plugin's config definition, remembered per Connect cluster and class. */
const passwordKeysCache = new Map<string, Promise<Set<string>>>();

export function pluginPasswordKeys(connect: ConnectConfig, className: string): Promise<Set<string>> {
  if (!className) return Promise.resolve(new Set());
  const key = `${connect.address} ${className}`;
  let found = passwordKeysCache.get(key);
  if (!found) {
    found = connectRequest<{ name: string; type: string }[]>(
      connect,
      "GET",
      `/connector-plugins/${seg(className)}/config`,
    ).then((defs) => new Set(defs.filter((d) => d.type === "PASSWORD").map((d) => d.name)));
    found.catch(() => passwordKeysCache.delete(key));
    passwordKeysCache.set(key, found);
  }
  return found.catch(() => new Set<string>());
}

/** Whether a worker (Connect's worker id is its REST host:port) answers, on the Connect cluster's scheme. */
async function workerAnswers(connect: ConnectConfig, workerId: string): Promise<boolean> {
  if (!workerId) return true;
  const scheme = new URL(connect.address).protocol;
  try {
    const response = await fetch(`${scheme}//${workerId}/`, { signal: AbortSignal.timeout(2_000) });
    // Any answer (even 401 from a secured worker) means the worker is there.
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

export async function connectorStatus(connect: ConnectConfig, name: string): Promise<RawStatus> {
  return connectRequest<RawStatus>(connect, "GET", `/connectors/${seg(name)}/status`);
}

export async function connectorInfo(connect: ConnectConfig, name: string): Promise<RawInfo> {
  return connectRequest<RawInfo>(connect, "GET", `/connectors/${seg(name)}`);
}

/** GET /api/clusters/{c}/connects/{connect}/connectors/{name} */
export async function getConnector(
  cluster: ClusterHandle,
  connectName: string,
  name: string,
): Promise<ConnectorResponse> {
  const connect = findConnect(cluster, connectName);
  const [info, status] = await Promise.all([connectorInfo(connect, name), connectorStatus(connect, name)]);
  const className = info.config["connector.class"] ?? "";
  const [topics, passwordKeys, offsets] = await Promise.all([
    topicsOf(connect, name, info.config),
    pluginPasswordKeys(connect, className),
    connectRequest<{ offsets: { partition: Record<string, unknown>; offset: Record<string, unknown> | null }[] }>(
      connect,
      "GET",
      `/connectors/${seg(name)}/offsets`,
    ).then(
      (body) => ({ offsets: body.offsets }),
      (error: unknown) => ({ offsets: null, error: toConsoleError(error).message }),
    ),
  ]);
  const workers = [...new Set(status.tasks.map((t) => t.worker_id))];
  const alive = new Map(await Promise.all(workers.map(async (w) => [w, await workerAnswers(connect, w)] as const)));
  const summary = summaryOf(connect, name, status, info);
  return {
    ...summary,
    ...(status.connector.trace ? { trace: status.connector.trace } : {}),
    config: maskConfig(info.config, passwordKeys),
    tasks: status.tasks
      .map((t) => ({
        id: t.id,
        state: state(t.state),
        workerId: t.worker_id,
        ...(t.trace ? { trace: t.trace } : {}),
        workerGone: alive.get(t.worker_id) === false,
      }))
      .sort((a, b) => a.id - b.id),
    topics,
    offsets: offsets.offsets,
    ...("error" in offsets && offsets.error ? { offsetsError: offsets.error } : {}),
  };
}

/** The connector's state as Connect has it now; a 404 in words when it does not exist. */
export async function currentState(connect: ConnectConfig, name: string): Promise<ConnectorState> {
  try {
    return state((await connectorStatus(connect, name)).connector.state);
  } catch (error) {
    if (error instanceof ConsoleError && error.status === 404)
      throw new ConsoleError("not_found", `No connector "${name}" on Kafka Connect "${connect.name}".`, 404);
    throw error;
  }
}
