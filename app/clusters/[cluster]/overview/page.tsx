import type { Metadata } from "next";
import { OverviewView } from "@/components/overview/OverviewView";
import { decodeSegment } from "@/lib/routes";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ cluster: string }> }) {
  return <OverviewView cluster={decodeSegment((await params).cluster)} />;
}
