import type { TopicResponse } from "@/lib/api/types";
import { clusterParam, respond, segmentParam } from "@/server/http";
import { describeTopic } from "@/server/topics/reads";

export function GET(
  _request: Request,
  { params }: { params: Promise<{ cluster: string; topic: string }> },
): Promise<Response> {
  return respond(async (): Promise<TopicResponse> =>
    describeTopic(await clusterParam(params), await segmentParam(params, "topic")),
  );
}
