import type { ReassignmentsResponse } from "@/lib/api/types";
import { listReassignments } from "@/server/brokers/reads";
import { clusterParam, respond } from "@/server/http";

export function GET(_request: Request, { params }: { params: Promise<{ cluster: string }> }): Promise<Response> {
  return respond(async (): Promise<ReassignmentsResponse> => listReassignments(await clusterParam(params)));
}
