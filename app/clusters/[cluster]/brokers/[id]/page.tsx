import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BrokerView } from "@/components/brokers/BrokerView";
import { MUTATION_ROLES } from "@/lib/auth/permissions";
import { decodeSegment } from "@/lib/routes";
import { changesBlocked } from "@/server/auth/page";

interface Props {
  params: Promise<{ cluster: string; id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Broker ${(await params).id}` };
}

export default async function BrokerPage({ params }: Props) {
  const { cluster, id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const name = decodeSegment(cluster);
  const blockedBy = await changesBlocked(name, MUTATION_ROLES["broker.configs.alter"]);
  return <BrokerView cluster={name} id={Number(id)} blockedBy={blockedBy} />;
}
