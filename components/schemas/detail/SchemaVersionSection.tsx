"use client";

import { Link } from "@/components/ui/Link";
import { useId, useState } from "react";
import { DeleteSchemaForm } from "@/components/schemas/forms/DeleteSchemaForm";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { SelectInput } from "@/components/ui/Form";
import type { SchemaFormat, SubjectVersion } from "@/lib/api/schemas";
import { formatInteger } from "@/lib/format";
import { subjectPath } from "@/lib/routes";
import { prettySchema } from "@/lib/schemas/display";

/** One version of the subject pretty-printed (the latest unless another is chosen), its references, and its delete. */
export function SchemaVersionSection({
  cluster,
  subject,
  format,
  versions,
  version,
  onVersion,
  deleteBlocked,
}: {
  cluster: string;
  subject: string;
  format: SchemaFormat;
  versions: readonly SubjectVersion[];
  version: number;
  onVersion: (version: number) => void;
  deleteBlocked: boolean;
}) {
  const id = useId();
  const [deleting, setDeleting] = useState(false);
  const shown = versions.find((v) => v.version === version) ?? versions.at(-1);
  if (!shown) return null;
  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-x-6 gap-y-2">
        <div className="flex items-center gap-2">
          <label htmlFor={id} className="text-sm">
            Version
          </label>
          <SelectInput
            id={id}
            className="w-auto"
            value={shown.version}
            onChange={(event) => onVersion(Number(event.target.value))}
          >
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                {v.version}
                {v === versions.at(-1) ? " (latest)" : ""}
              </option>
            ))}
          </SelectInput>
        </div>
        <p className="text-sm text-muted">Schema id {formatInteger(shown.id)}</p>
        <Button className="sm:ml-auto" disabled={deleteBlocked} onClick={() => setDeleting(true)}>
          Delete version {shown.version}
        </Button>
      </div>
      {shown.references.length > 0 ? (
        <p className="mb-2 text-sm">
          References:{" "}
          {shown.references.map((r, i) => (
            <span key={r.name}>
              {i > 0 ? ", " : null}
              <span className="font-mono">{r.name}</span> →{" "}
              <Link href={subjectPath(cluster, r.subject)} className="text-accent hover:underline">
                {r.subject}
              </Link>{" "}
              version {r.version}
            </span>
          ))}
        </p>
      ) : null}
      <pre
        aria-label={`Schema of version ${shown.version}`}
        tabIndex={0}
        className="max-h-[32rem] overflow-auto rounded-lg border border-line bg-surface p-3 font-mono text-xs"
      >
        {prettySchema(shown.schema, format)}
      </pre>
      <Dialog open={deleting} title={`Delete version ${shown.version}`} onClose={() => setDeleting(false)}>
        {deleting ? (
          <DeleteSchemaForm
            cluster={cluster}
            subject={subject}
            version={shown.version}
            onCancel={() => setDeleting(false)}
            onDeleted={() => setDeleting(false)}
          />
        ) : null}
      </Dialog>
    </div>
  );
}
