import { redirect } from "next/navigation";
import { clusterPath, decodeSegment } from "@/lib/routes";

/** A Connect cluster has no page of its own: its connectors are in the list. */
export default async function ConnectPage({ params }: { params: Promise<{ cluster: string }> }) {
  redirect(clusterPath(decodeSegment((await params).cluster), "connectors"));
}
