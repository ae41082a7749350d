import type { TopicNamesResponse } from "@/lib/api/types";
import { clusterParam, respond } from "@/server/http";
import { topicNamesResponse } from "@/server/topics/names-response";

export function GET(_request: Request, { params }: { params: Promise<{ cluster: string }> }): Promise<Response> {
  return respond(async (): Promise<TopicNamesResponse> => topicNamesResponse(await clusterParam(params)));
}
