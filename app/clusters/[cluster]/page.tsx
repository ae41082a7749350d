import { redirect } from "next/navigation";
import { clusterPath, decodeSegment } from "@/lib/routes";

export default async function ClusterPage({ params }: { params: Promise<{ cluster: string }> }) {
  redirect(clusterPath(decodeSegment((await params).cluster), "overview"));
}
