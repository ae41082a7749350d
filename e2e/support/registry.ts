/** The test registry's own REST API (the Confluent one of Apicurio), for setting up and checking the browser tests. */
import { TEST_REGISTRY_URL } from "../../scripts/test-support/test-cluster";

const TYPE = "application/vnd.schemaregistry.v1+json";
const subjectUrl = (subject: string) => `${TEST_REGISTRY_URL}/subjects/${encodeURIComponent(subject)}`;

/** Registers a schema under `subject` (not through the console) and returns its id. */
export async function registerSubject(subject: string, body: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${subjectUrl(subject)}/versions`, {
    method: "POST",
    headers: { "content-type": TYPE },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { id: number };
  if (!response.ok) throw new Error(`register ${subject}: ${JSON.stringify(answer)}`);
  return answer.id;
}

/** The subject's versions that are not deleted ([] when it has none). */
export async function versionsOf(subject: string): Promise<number[]> {
  const response = await fetch(`${subjectUrl(subject)}/versions`);
  return response.ok ? ((await response.json()) as number[]) : [];
}

/** The subject's own compatibility level, or null when it has none. */
export async function compatibilityOf(subject: string): Promise<string | null> {
  const response = await fetch(`${TEST_REGISTRY_URL}/config/${encodeURIComponent(subject)}`);
  if (!response.ok) return null;
  return ((await response.json()) as { compatibilityLevel?: string }).compatibilityLevel ?? null;
}

/** Removes a subject for good (soft, then hard), if it is there. */
export async function deleteSubjectIfPresent(subject: string): Promise<void> {
  await fetch(subjectUrl(subject), { method: "DELETE" });
  await fetch(`${subjectUrl(subject)}?permanent=true`, { method: "DELETE" });
}
