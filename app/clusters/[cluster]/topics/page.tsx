import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/layout/NotBuiltYet";

export const metadata: Metadata = { title: "Topics" };

export default function TopicsPage() {
  return <NotBuiltYet title="Topics" feature="topics" />;
}
