"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/Link";
import { AclsTable } from "@/components/access/AclsTable";
import { DetailSection } from "@/components/ui/DetailParts";
import { appliesTo, type ResourceType } from "@/lib/acls/model";
import { formatQuantity } from "@/lib/format";
import { aclsQuery } from "@/lib/query/options";
import { clusterPath } from "@/lib/routes";

/**
 * "Who can do what on this topic (or group)?": the ACLs that apply to one resource, literal, prefixed and wildcard
 * alike, as the authorizer matches them. Quiet when the cluster has no authorizer or the ACLs cannot be read.
 */
export function AppliedAcls({
  cluster,
  resourceType,
  name,
}: {
  cluster: string;
  resourceType: Extract<ResourceType, "TOPIC" | "GROUP">;
  name: string;
}) {
  const { data } = useQuery(aclsQuery(cluster));
  if (!data?.authorizer) return null;
  const applied = data.acls.filter((b) => appliesTo(b, resourceType, name));
  const id = `acls-${resourceType.toLowerCase()}-heading`;
  return (
    <DetailSection
      id={id}
      title="ACLs"
      description={
        <>
          {applied.length > 0
            ? `${formatQuantity(applied.length, "ACL")} apply here, literal, prefixed and wildcard ones included. `
            : "No ACL applies here: only super users may use it. "}
          <Link className="underline" href={`${clusterPath(cluster, "access")}?tab=acls`}>
            Manage ACLs
          </Link>
        </>
      }
    >
      {applied.length > 0 ? <AclsTable bindings={applied} label={`ACLs that apply to ${name}`} /> : null}
    </DetailSection>
  );
}
