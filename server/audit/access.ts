import "server-only";
import type { AuditEntry } from "@/lib/audit/entry";
import { allows, type Grant } from "@/lib/auth/permissions";

/**
 * What of the audit log a signed-in user sees: the entries of the clusters they may see (an entry naming a cluster
 * that is not configured only with a grant on every cluster), and a produced record's key, value and headers only
 * where they may read message contents. While login is off, everyone sees everything.
 */
export const HIDDEN_PAYLOAD = "[hidden: needs access to message contents on this cluster]";

export function auditVisibility(grants: readonly Grant[]): {
  visible: (entry: AuditEntry) => boolean;
  shown: (entry: AuditEntry) => AuditEntry;
} {
  return {
    visible: (entry) => allows(grants, entry.cluster, "read"),
    shown: (entry) => {
      const params = entry.params;
      if (entry.action !== "messages.produce" || allows(grants, entry.cluster, "messages")) return entry;
      if (params === null || typeof params !== "object" || Array.isArray(params)) return entry;
      const hidden = { ...params };
      for (const field of ["key", "value", "headers"])
        if (field in hidden && hidden[field] !== null) hidden[field] = HIDDEN_PAYLOAD;
      return { ...entry, params: hidden };
    },
  };
}
