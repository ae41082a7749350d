import type { Metadata } from "next";
import { QuorumView } from "@/components/brokers/QuorumView";
import { decodeSegment } from "@/lib/routes";

export const metadata: Metadata = { title: "KRaft quorum" };

export default async function QuorumPage({ params }: { params: Promise<{ cluster: string }> }) {
  return <QuorumView cluster={decodeSegment((await params).cluster)} />;
}
