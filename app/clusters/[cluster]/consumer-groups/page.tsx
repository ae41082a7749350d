import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/layout/NotBuiltYet";

export const metadata: Metadata = { title: "Consumer groups" };

export default function ConsumerGroupsPage() {
  return <NotBuiltYet title="Consumer groups" feature="consumer groups" />;
}
