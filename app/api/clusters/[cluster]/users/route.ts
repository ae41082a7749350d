import type { UsersResponse } from "@/lib/api/acls";
import { clusterParam, respond } from "@/server/http";
import { listScramUsers } from "@/server/acls/users";

export function GET(_request: Request, { params }: { params: Promise<{ cluster: string }> }): Promise<Response> {
  return respond(async (): Promise<UsersResponse> => ({ users: await listScramUsers(await clusterParam(params)) }));
}
