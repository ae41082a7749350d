import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/layout/NotBuiltYet";

export const metadata: Metadata = { title: "Produce" };

export default function ProducePage() {
  return <NotBuiltYet title="Produce" feature="producer" />;
}
