import type { Metadata } from "next";
import { BrokersView } from "@/components/brokers/BrokersView";
import { decodeSegment } from "@/lib/routes";

export const metadata: Metadata = { title: "Brokers" };

export default async function BrokersPage({ params }: { params: Promise<{ cluster: string }> }) {
  return <BrokersView cluster={decodeSegment((await params).cluster)} />;
}
