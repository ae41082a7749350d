import type { Metadata } from "next";
import { EditConnector } from "@/components/connect/EditConnector";
import { decodeSegment } from "@/lib/routes";

interface Props {
  params: Promise<{ cluster: string; connect: string; name: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Edit ${decodeSegment((await params).name)}` };
}

export default async function EditConnectorPage({ params }: Props) {
  const { cluster, connect, name } = await params;
  return <EditConnector cluster={decodeSegment(cluster)} connect={decodeSegment(connect)} name={decodeSegment(name)} />;
}
