import type { AclsResponse } from "@/lib/api/acls";
import { clusterParam, respond } from "@/server/http";
import { listAcls } from "@/server/acls/acls";

export function GET(_request: Request, { params }: { params: Promise<{ cluster: string }> }): Promise<Response> {
  return respond(async (): Promise<AclsResponse> => listAcls(await clusterParam(params)));
}
