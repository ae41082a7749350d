import type { Metadata } from "next";
import { ConnectorsView } from "@/components/connect/ConnectorsView";
import { decodeSegment } from "@/lib/routes";

export const metadata: Metadata = { title: "Connectors" };

export default async function ConnectorsPage({ params }: { params: Promise<{ cluster: string }> }) {
  // The cluster layout has already answered 404 for an unknown cluster.
  return <ConnectorsView cluster={decodeSegment((await params).cluster)} />;
}
