import type { AuditPageResponse } from "@/lib/audit/query";
import { auditQuerySchema } from "@/lib/audit/query";
import { auditVisibility } from "@/server/audit/access";
import { readAuditLog } from "@/server/audit/log";
import { requireActor } from "@/server/auth/current";
import { queryParams, respond } from "@/server/http";

/**
 * GET /api/audit: the audit log, newest first, filtered (cluster, actor, action, result, q) and paged (limit, before
 * = the previous page's nextCursor). Read from the audit topic when one is configured (every instance's entries),
 * else from this instance's file. A signed-in user sees the entries of the clusters they may see.
 */
export function GET(request: Request): Promise<Response> {
  return respond(async (): Promise<AuditPageResponse> => {
    const query = queryParams(request, auditQuerySchema);
    const { visible, shown } = auditVisibility((await requireActor()).grants);
    const page = await readAuditLog(query, visible);
    return { ...page, entries: page.entries.map(shown) };
  });
}
