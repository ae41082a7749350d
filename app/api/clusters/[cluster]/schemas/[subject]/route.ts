import type { SubjectResponse } from "@/lib/api/schemas";
import { clusterParam, respond, segmentParam } from "@/server/http";
import { getSubject } from "@/server/schemas/subjects";

export function GET(
  _request: Request,
  { params }: { params: Promise<{ cluster: string; subject: string }> },
): Promise<Response> {
  return respond(async (): Promise<SubjectResponse> =>
    getSubject(await clusterParam(params), await segmentParam(params, "subject")),
  );
}
