"use client";

import { useState } from "react";
import { CompatibilityForm } from "@/components/schemas/forms/CompatibilityForm";
import { DeleteSchemaForm } from "@/components/schemas/forms/DeleteSchemaForm";
import { RegisterSchemaForm } from "@/components/schemas/forms/RegisterSchemaForm";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import type { SubjectResponse } from "@/lib/api/schemas";
import { type BlockedReason, blockedText } from "@/lib/auth/blocked";
import { prettySchema } from "@/lib/schemas/display";

/** Why each change of a subject is not offered (a read-only cluster, a role too low for it), or null when it is. */
export interface SubjectChangesBlocked {
  register: BlockedReason | null;
  compatibility: BlockedReason | null;
  delete: BlockedReason | null;
}

const TITLES = { register: "Register a new version", compatibility: "Compatibility level", delete: "Delete subject" };

/** "Register version", "Compatibility" and "Delete subject", each in a dialog, with the reason when one is blocked. */
export function SubjectActions({
  cluster,
  subject,
  blockedBy,
  onVersionRegistered,
  onSubjectDeleted,
}: {
  cluster: string;
  subject: SubjectResponse;
  blockedBy: SubjectChangesBlocked;
  onVersionRegistered: (version: number | null) => void;
  onSubjectDeleted: () => void;
}) {
  const [open, setOpen] = useState<keyof typeof TITLES | null>(null);
  const close = () => setOpen(null);
  const latest = subject.versions.at(-1);
  const notes = [
    blockedBy.register ? blockedText(blockedBy.register, "register versions") : null,
    blockedBy.compatibility ? blockedText(blockedBy.compatibility, "change compatibility levels") : null,
    blockedBy.delete ? blockedText(blockedBy.delete, "delete schemas") : null,
  ].filter((n, i, all): n is string => n !== null && all.indexOf(n) === i);
  return (
    <div className="mb-6 flex max-w-md flex-col items-start gap-2 sm:items-end">
      <div role="group" aria-label="Subject actions" className="flex flex-wrap gap-2">
        <Button variant="primary" disabled={blockedBy.register !== null} onClick={() => setOpen("register")}>
          Register version
        </Button>
        <Button disabled={blockedBy.compatibility !== null} onClick={() => setOpen("compatibility")}>
          Compatibility
        </Button>
        <Button variant="danger" disabled={blockedBy.delete !== null} onClick={() => setOpen("delete")}>
          Delete subject
        </Button>
      </div>
      {notes.map((note) => (
        <p key={note} className="text-xs text-muted sm:text-right">
          {note}
        </p>
      ))}
      <Dialog open={open !== null} title={open ? TITLES[open] : ""} onClose={close}>
        {open === "register" ? (
          <RegisterSchemaForm
            cluster={cluster}
            subject={subject.subject}
            format={subject.format}
            schema={latest ? prettySchema(latest.schema, subject.format) : ""}
            onCancel={close}
            onDone={(registered) => {
              close();
              onVersionRegistered(registered.version);
            }}
          />
        ) : open === "compatibility" ? (
          <CompatibilityForm
            cluster={cluster}
            subject={subject.subject}
            current={subject.compatibility}
            onCancel={close}
            onDone={close}
          />
        ) : open === "delete" ? (
          <DeleteSchemaForm
            cluster={cluster}
            subject={subject.subject}
            version={null}
            onCancel={close}
            onDeleted={onSubjectDeleted}
          />
        ) : null}
      </Dialog>
    </div>
  );
}
