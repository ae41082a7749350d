import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/layout/NotBuiltYet";

export const metadata: Metadata = { title: "Messages" };

export default function MessagesPage() {
  return <NotBuiltYet title="Messages" feature="message browser" />;
}
