import { alertsQuerySchema, type AlertsResponse } from "@/lib/alerts/api";
import { listAlerts } from "@/server/alerts/service";
import { clusterParam, queryParams, respond } from "@/server/http";

export function GET(request: Request, { params }: { params: Promise<{ cluster: string }> }): Promise<Response> {
  return respond(async (): Promise<AlertsResponse> => {
    const { group } = queryParams(request, alertsQuerySchema);
    return listAlerts(await clusterParam(params), group);
  });
}
