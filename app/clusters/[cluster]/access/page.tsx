import type { Metadata } from "next";
import { AccessView } from "@/components/access/AccessView";
import { decodeSegment } from "@/lib/routes";

export const metadata: Metadata = { title: "Access" };

export default async function AccessPage({ params }: { params: Promise<{ cluster: string }> }) {
  return <AccessView cluster={decodeSegment((await params).cluster)} />;
}
