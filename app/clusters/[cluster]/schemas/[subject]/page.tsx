import type { Metadata } from "next";
import { SubjectView } from "@/components/schemas/detail/SubjectView";
import { MUTATION_ROLES } from "@/lib/auth/permissions";
import { decodeSegment } from "@/lib/routes";
import { changesBlocked } from "@/server/auth/page";

interface Props {
  params: Promise<{ cluster: string; subject: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeSegment((await params).subject) };
}

export default async function SubjectPage({ params }: Props) {
  const { cluster, subject } = await params;
  const name = decodeSegment(cluster);
  // The cluster layout has already answered 404 for an unknown cluster; every action checks the role again.
  const [register, compatibility, remove] = await Promise.all([
    changesBlocked(name, MUTATION_ROLES["schema.register"]),
    changesBlocked(name, MUTATION_ROLES["schema.compatibility"]),
    changesBlocked(name, MUTATION_ROLES["schema.delete"]),
  ]);
  const subjectName = decodeSegment(subject);
  return (
    <SubjectView
      key={subjectName}
      cluster={name}
      subject={subjectName}
      blockedBy={{ register, compatibility, delete: remove }}
    />
  );
}
