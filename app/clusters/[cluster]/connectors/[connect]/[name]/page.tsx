import type { Metadata } from "next";
import { ConnectorView } from "@/components/connect/ConnectorView";
import { decodeSegment } from "@/lib/routes";

interface Props {
  params: Promise<{ cluster: string; connect: string; name: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeSegment((await params).name) };
}

export default async function ConnectorPage({ params }: Props) {
  const { cluster, connect, name } = await params;
  const [c, k, n] = [decodeSegment(cluster), decodeSegment(connect), decodeSegment(name)];
  return <ConnectorView key={`${k}/${n}`} cluster={c} connect={k} name={n} />;
}
