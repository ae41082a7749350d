import "server-only";
/** Reads of a cluster's schema registry: its subjects with their latest versions, and one subject's versions. */
import {
  COMPATIBILITY_LEVELS,
  type Compatibility,
  schemaFormat,
  type SubjectResponse,
  type SubjectsResponse,
  type SubjectSummary,
} from "@/lib/api/schemas";
import type { ClusterHandle } from "@/server/kafka/clients";
import { type RegistryClient, registryOf } from "./client";

/** A version as the registry returns it (GET /subjects/{s}/versions/{v}). */
export interface RegistryVersion {
  subject: string;
  version: number;
  id: number;
  schema: string;
  schemaType?: string;
  references?: { name: string; subject: string; version: number }[];
}

const path = (subject: string) => `/subjects/${encodeURIComponent(subject)}`;

/** Runs `work` over `items` with at most `limit` at a time (a registry with 1,000 subjects gets 8 requests at once). */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index] as T);
      }
    }),
  );
  return results;
}

function asCompatibility(value: unknown): Compatibility | null {
  return COMPATIBILITY_LEVELS.find((level) => level === value) ?? null;
}

/** The level in force for a subject: its own, else the global one (Confluent's defaultToGlobal). */
export async function compatibilityOf(registry: RegistryClient, subject?: string): Promise<Compatibility | null> {
  const answer = await registry
    .request<{ compatibilityLevel?: string; compatibility?: string }>(
      "GET",
      subject === undefined ? "/config" : `/config/${encodeURIComponent(subject)}?defaultToGlobal=true`,
    )
    .catch((error: unknown) => {
      // Confluent answers 404 (40408) for a subject without a level of its own on older versions: use the global one.
      if (subject !== undefined && error instanceof Error && "registryStatus" in error) return undefined;
      throw error;
    });
  if (answer === undefined) return compatibilityOf(registry);
  return asCompatibility(answer.compatibilityLevel ?? answer.compatibility);
}

export async function getVersion(
  registry: RegistryClient,
  subject: string,
  version: number | "latest",
): Promise<RegistryVersion> {
  const answer = await registry.request<RegistryVersion>("GET", `${path(subject)}/versions/${version}`);
  return { ...answer, subject };
}

export async function listSubjects(cluster: ClusterHandle): Promise<SubjectsResponse> {
  const registry = registryOf(cluster.config);
  const [names, global] = await Promise.all([
    registry.request<string[]>("GET", "/subjects"),
    compatibilityOf(registry),
  ]);
  const own = await mapLimited([...names].sort(), 8, async (subject) => {
    const latest = await getVersion(registry, subject, "latest").catch((error: unknown) => {
      // Deleted between the two requests: leave it out.
      if (error instanceof Error && "registryStatus" in error && error.registryStatus === 404) return undefined;
      throw error;
    });
    if (!latest) return undefined;
    const compatibility = await registry
      .request<{ compatibilityLevel?: string }>("GET", `/config/${encodeURIComponent(subject)}`)
      .then(
        (a) => asCompatibility(a.compatibilityLevel),
        () => global,
      );
    return {
      summary: {
        subject,
        format: schemaFormat(latest.schemaType),
        latestVersion: latest.version,
        id: latest.id,
        compatibility: compatibility ?? global,
        referencedBy: [] as string[],
      } satisfies SubjectSummary,
      references: latest.references ?? [],
    };
  });
  const subjects = own.flatMap((s) => (s ? [s.summary] : []));
  const bySubject = new Map(subjects.map((s) => [s.subject, s]));
  for (const entry of own) {
    for (const reference of entry?.references ?? []) {
      const target = bySubject.get(reference.subject);
      if (target && entry && !target.referencedBy.includes(entry.summary.subject))
        target.referencedBy.push(entry.summary.subject);
    }
  }
  return { subjects, compatibility: global };
}

export async function getSubject(cluster: ClusterHandle, subject: string): Promise<SubjectResponse> {
  const registry = registryOf(cluster.config);
  const [versions, compatibility] = await Promise.all([
    registry.request<number[]>("GET", `${path(subject)}/versions`),
    compatibilityOf(registry, subject),
  ]);
  const details = await mapLimited(
    [...versions].sort((a, b) => a - b),
    8,
    (v) => getVersion(registry, subject, v),
  );
  return {
    subject,
    format: schemaFormat(details.at(-1)?.schemaType),
    compatibility,
    versions: details.map((d) => ({ version: d.version, id: d.id, schema: d.schema, references: d.references ?? [] })),
  };
}
