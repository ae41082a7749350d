import "server-only";
/**
 * Decoding of records in the message stream: a key or value in the Confluent wire format (or with its schema id in the
 * `__key_schema_id` / `__value_schema_id` header) is decoded with its schema, fetched once by id per cluster and
 * cached, and shown as JSON text with its format and schema beside it. Whatever cannot be decoded stays raw with the
 * reason; a registry that does not answer leaves records raw (and is asked again after a pause), never an error.
 */
import type { ClusterConfig } from "@/server/config/cluster";
import type { DecodedRecord } from "@/server/kafka/protocol";
import { type RegistryClient, registryOf } from "./client";
import { type Encoding, type ParsedSchema, parseSchema, type SchemaSource } from "./formats";
import { KEY_SCHEMA_HEADER, readMessageIndexes, readPrefix, type SchemaRef, VALUE_SCHEMA_HEADER } from "./wire";

export interface SchemaInfo {
  id: number | string;
  subject: string | null;
  version: number | null;
}

/** How one key or value was shown: decoded (its JSON replaces the bytes), or raw with the reason. */
export type PartInfo =
  { decoded: true; encoding: Encoding; schema: SchemaInfo; rawBytes: number } | { decoded: false; reason: string };

type Entry =
  | { ok: true; parsed: ParsedSchema; subjects: { subject: string; version: number }[]; id: number | string }
  | { ok: false; reason: string; until: number; unreachable: boolean };

const UNKNOWN_RETRY_MS = 60_000;
const UNREACHABLE_RETRY_MS = 10_000;

interface RegistryVersionAnswer {
  schema: string;
  schemaType?: string;
  references?: { name: string; subject: string; version: number }[];
}

export async function loadSource(
  registry: RegistryClient,
  answer: RegistryVersionAnswer,
  depth = 0,
): Promise<SchemaSource> {
  if (depth > 10) throw new Error("the schema's references nest more than 10 deep");
  const references = await Promise.all(
    (answer.references ?? []).map(async (ref) => {
      const referenced = await registry.request<RegistryVersionAnswer>(
        "GET",
        `/subjects/${encodeURIComponent(ref.subject)}/versions/${ref.version}`,
      );
      return { name: ref.name, source: await loadSource(registry, referenced, depth + 1) };
    }),
  );
  return { schema: answer.schema, ...(answer.schemaType ? { schemaType: answer.schemaType } : {}), references };
}

/** Schemas by id, per cluster: fetched once, shared by every stream of the cluster. */
class SchemaCache {
  private readonly entries = new Map<string, Promise<Entry>>();
  constructor(private readonly registry: RegistryClient) {}

  get(ref: SchemaRef): Promise<Entry> {
    const key = ref.kind === "id" ? `id:${ref.id}` : `guid:${ref.guid}`;
    const cached = this.entries.get(key);
    if (cached) {
      return cached.then((entry) => {
        if (entry.ok || entry.until > Date.now()) return entry;
        this.entries.delete(key);
        return this.get(ref);
      });
    }
    const loading = this.load(ref);
    this.entries.set(key, loading);
    return loading;
  }

  private async load(ref: SchemaRef): Promise<Entry> {
    const label = ref.kind === "id" ? `schema id ${ref.id}` : `schema GUID ${ref.guid}`;
    const path = ref.kind === "id" ? `/schemas/ids/${ref.id}` : `/schemas/guids/${ref.guid}`;
    try {
      const answer = await this.registry.request<RegistryVersionAnswer & { id?: number }>("GET", path);
      const source = await loadSource(this.registry, answer);
      const subjects =
        ref.kind === "id"
          ? await this.registry
              .request<{ subject: string; version: number }[]>("GET", `/schemas/ids/${ref.id}/versions`)
              .catch(() => [])
          : [];
      let parsed: ParsedSchema;
      try {
        parsed = parseSchema(source);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return { ok: false, reason: `${label} could not be parsed: ${why}`, until: Infinity, unreachable: false };
      }
      return { ok: true, parsed, subjects, id: ref.kind === "id" ? ref.id : (answer.id ?? ref.guid) };
    } catch (error) {
      const code = error && typeof error === "object" && "code" in error ? error.code : undefined;
      if (code === "registry_unreachable") {
        return {
          ok: false,
          reason: error instanceof Error ? error.message : String(error),
          until: Date.now() + UNREACHABLE_RETRY_MS,
          unreachable: true,
        };
      }
      const notFound = code === "not_found";
      return {
        ok: false,
        reason: notFound ? `${label} is not in the schema registry` : `${label}: ${String((error as Error).message)}`,
        until: Date.now() + UNKNOWN_RETRY_MS,
        unreachable: false,
      };
    }
  }
}

const caches = new Map<string, { registry: RegistryClient; cache: SchemaCache }>();

function cacheOf(cluster: Pick<ClusterConfig, "name" | "schemaRegistry" | "origin">): SchemaCache {
  const registry = registryOf(cluster);
  const known = caches.get(cluster.name);
  if (known?.registry === registry) return known.cache;
  const cache = new SchemaCache(registry);
  caches.set(cluster.name, { registry, cache });
  return cache;
}

/** What a key or value's bytes (and its header) say about its schema, before any fetch. */
function locate(
  bytes: Buffer | null,
  header: Buffer | null | undefined,
): { ref: SchemaRef; offset: number } | undefined {
  if (bytes === null || bytes.length === 0) return undefined;
  if (header) {
    const framed = readPrefix(header);
    return framed ? { ref: framed.ref, offset: 0 } : undefined;
  }
  return readPrefix(bytes);
}

export interface DecodedView {
  record: DecodedRecord;
  key?: PartInfo;
  value?: PartInfo;
}

export class RecordDecoder {
  private readonly cache: SchemaCache;
  private readonly resolved = new Map<string, Entry>();
  /** The schema shown beside a decoded key or value: one object per schema and part, for every record of them. */
  private readonly shown = { key: new Map<Entry, SchemaInfo>(), value: new Map<Entry, SchemaInfo>() };
  /** Set once when the registry did not answer: the stream says so once. */
  unreachableNote: string | null = null;

  constructor(
    cluster: Pick<ClusterConfig, "name" | "schemaRegistry" | "origin">,
    private readonly topic: string,
  ) {
    this.cache = cacheOf(cluster);
  }

  /** The decoder of a cluster's stream, or null when it has no registry (then records are shown as they are). */
  static forCluster(cluster: Pick<ClusterConfig, "name" | "schemaRegistry" | "origin">, topic: string) {
    return cluster.schemaRegistry ? new RecordDecoder(cluster, topic) : null;
  }

  private static key(ref: SchemaRef): string {
    return ref.kind === "id" ? `id:${ref.id}` : `guid:${ref.guid}`;
  }

  /** Fetches (once) every schema the records name. */
  async prepare(records: readonly DecodedRecord[]): Promise<void> {
    const wanted = new Map<string, SchemaRef>();
    for (const record of records) {
      const headers = schemaHeaders(record);
      for (const [bytes, header] of [
        [record.key, headers.key],
        [record.value, headers.value],
      ] as const) {
        const found = locate(bytes, header);
        if (found) wanted.set(RecordDecoder.key(found.ref), found.ref);
      }
    }
    await Promise.all(
      [...wanted].map(async ([key, ref]) => {
        const entry = await this.cache.get(ref);
        this.resolved.set(key, entry);
        if (!entry.ok && entry.unreachable) this.unreachableNote ??= entry.reason;
      }),
    );
  }

  private part(
    bytes: Buffer | null,
    header: Buffer | null | undefined,
    which: "key" | "value",
  ): { bytes: Buffer | null; info?: PartInfo } {
    const found = locate(bytes, header);
    if (!found || bytes === null) return { bytes };
    const entry = this.resolved.get(RecordDecoder.key(found.ref));
    if (!entry) return { bytes, info: { decoded: false, reason: "its schema was not fetched" } };
    if (!entry.ok) return { bytes, info: { decoded: false, reason: entry.reason } };
    try {
      let offset = found.offset;
      let indexes: number[] | undefined;
      if (entry.parsed.encoding === "protobuf") {
        const read = readMessageIndexes(bytes, offset);
        indexes = read.indexes;
        offset = read.next;
      }
      const json = entry.parsed.decode(bytes.subarray(offset), indexes);
      return {
        bytes: Buffer.from(json, "utf8"),
        info: {
          decoded: true,
          encoding: entry.parsed.encoding,
          schema: this.schemaOf(entry, which),
          rawBytes: bytes.length,
        },
      };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return { bytes, info: { decoded: false, reason: `the bytes do not match schema ${String(entry.id)}: ${why}` } };
    }
  }

  private schemaOf(entry: Entry & { ok: true }, which: "key" | "value"): SchemaInfo {
    const known = this.shown[which].get(entry);
    if (known) return known;
    const preferred = `${this.topic}-${which}`;
    const subject = entry.subjects.find((s) => s.subject === preferred) ?? entry.subjects[0];
    const info = { id: entry.id, subject: subject?.subject ?? null, version: subject?.version ?? null };
    this.shown[which].set(entry, info);
    return info;
  }

  /** The record with its key and value replaced by their decoded JSON where they could be decoded. */
  decode(record: DecodedRecord): DecodedView {
    const headers = schemaHeaders(record);
    const key = this.part(record.key, headers.key, "key");
    const value = this.part(record.value, headers.value, "value");
    if (!key.info && !value.info) return { record };
    return {
      record: { ...record, key: key.bytes, value: value.bytes },
      ...(key.info ? { key: key.info } : {}),
      ...(value.info ? { value: value.info } : {}),
    };
  }
}

function schemaHeaders(record: DecodedRecord): { key?: Buffer | null; value?: Buffer | null } {
  if (record.headers.length === 0) return {};
  const out: { key?: Buffer | null; value?: Buffer | null } = {};
  for (const h of record.headers) {
    if (h.key === KEY_SCHEMA_HEADER) out.key = h.value;
    else if (h.key === VALUE_SCHEMA_HEADER) out.value = h.value;
  }
  return out;
}
