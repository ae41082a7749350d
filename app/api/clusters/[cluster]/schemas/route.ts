import type { SubjectsResponse } from "@/lib/api/schemas";
import { clusterParam, respond } from "@/server/http";
import { listSubjects } from "@/server/schemas/subjects";

export function GET(_request: Request, { params }: { params: Promise<{ cluster: string }> }): Promise<Response> {
  return respond(async (): Promise<SubjectsResponse> => listSubjects(await clusterParam(params)));
}
