import type { QuotasResponse } from "@/lib/api/acls";
import { clusterParam, respond } from "@/server/http";
import { listQuotas } from "@/server/acls/quotas";

export function GET(_request: Request, { params }: { params: Promise<{ cluster: string }> }): Promise<Response> {
  return respond(async (): Promise<QuotasResponse> => ({ quotas: await listQuotas(await clusterParam(params)) }));
}
