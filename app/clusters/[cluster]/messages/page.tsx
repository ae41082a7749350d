import type { Metadata } from "next";
import { headers } from "next/headers";
import { MessagesView } from "@/components/messages/MessagesView";
import { decodeSegment } from "@/lib/routes";
import { MUTATION_ROLES } from "@/lib/auth/permissions";
import type { FirstRecords } from "@/lib/messages/first-records";
import { rawQueryFrom } from "@/lib/messages/query";
import { checkRawSearch } from "@/lib/messages/search-form";
import { changesBlocked } from "@/server/auth/page";
import { clusterParam } from "@/server/http";
import { readFirstRecords } from "@/server/messages/first-records";

export const metadata: Metadata = { title: "Messages" };

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The first records of the search in the URL, read on the server with the messages route's own authorization
 * (clusterParam) and stream, for a bounded search; null for none, a live tail, a search with problems (the form says
 * which) or a refused or failed read (the browser asks the route, which says why).
 */
async function firstRecordsOf(params: Promise<{ cluster: string }>, query: SearchParams): Promise<FirstRecords | null> {
  const url = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (last !== undefined) url.set(name, last);
  }
  const topic = url.get("topic") ?? "";
  if (topic === "") return null;
  const raw = rawQueryFrom(url);
  const checked = checkRawSearch(topic, raw);
  if (!checked.ok) return null;
  let cluster;
  try {
    cluster = await clusterParam(params, "messages");
  } catch {
    return null;
  }
  return readFirstRecords(cluster, { topic, raw: checked.raw, query: checked.query }, await headers());
}

export default async function MessagesPage({
  params,
  searchParams,
}: {
  params: Promise<{ cluster: string }>;
  searchParams: Promise<SearchParams>;
}) {
  // The cluster layout has already answered 404 for an unknown cluster.
  const name = decodeSegment((await params).cluster);
  const [blockedBy, first] = await Promise.all([
    changesBlocked(name, MUTATION_ROLES["messages.produce"]),
    firstRecordsOf(params, await searchParams),
  ]);
  // No Suspense boundary around the view: the page is rendered per request (it reads the search), so the view's
  // useSearchParams needs none, and one would let the server send the view after the shell, hidden until a script
  // shows it, where the first records belong in the first HTML (also without JavaScript).
  return <MessagesView cluster={name} blockedBy={blockedBy} first={first} />;
}
