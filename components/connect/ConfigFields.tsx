"use client";

import { Field, SelectInput, TextInput } from "@/components/ui/Form";
import type { PluginConfigField } from "@/lib/api/connect";

/** Fields the form asks for itself (name, plugin), never from the definition. */
const OWN_FIELDS = new Set(["name", "connector.class"]);

/** The plugin's own fields first (they have no group), then Connect's groups in their order. */
function grouped(fields: readonly PluginConfigField[]): [string, PluginConfigField[]][] {
  const groups = new Map<string, PluginConfigField[]>();
  for (const f of fields) {
    if (OWN_FIELDS.has(f.name)) continue;
    const key = f.group ?? "";
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : 0));
}

function FieldInput({
  field,
  value,
  errors,
  onChange,
}: {
  field: PluginConfigField;
  value: string | undefined;
  errors: string[] | undefined;
  onChange: (value: string) => void;
}) {
  const hint = [
    field.documentation.length > 240 ? `${field.documentation.slice(0, 240)}…` : field.documentation,
    field.defaultValue !== null && field.defaultValue !== "" ? `Default: ${field.defaultValue}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <Field
      label={
        <>
          {field.displayName}
          {field.displayName !== field.name ? (
            <>
              {" "}
              <code className="font-mono text-xs font-normal text-muted">{field.name}</code>
            </>
          ) : null}
          {field.required ? (
            <>
              {" "}
              <span className="text-red-700 dark:text-red-300">(required)</span>
            </>
          ) : null}
        </>
      }
      hint={hint || undefined}
      errors={errors}
    >
      {(control) =>
        field.type === "BOOLEAN" ? (
          <SelectInput {...control} value={value ?? ""} onChange={(e) => onChange(e.target.value)}>
            <option value="">{field.defaultValue ? `Default (${field.defaultValue})` : "Not set"}</option>
            <option value="true">true</option>
            <option value="false">false</option>
          </SelectInput>
        ) : (
          <TextInput
            {...control}
            name={field.name}
            type={field.type === "PASSWORD" ? "password" : "text"}
            autoComplete={field.type === "PASSWORD" ? "new-password" : "off"}
            aria-required={field.required}
            className="font-mono"
            placeholder={field.defaultValue ?? ""}
            value={value ?? ""}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}

/**
 * A form built from a plugin's config definition: the important, required and already set fields of each group in
 * view, the rest of a group behind "More settings". An emptied field is left out of the config (its default applies).
 */
export function ConfigFields({
  fields,
  config,
  errorsOf,
  onChange,
}: {
  fields: readonly PluginConfigField[];
  config: Record<string, string>;
  errorsOf: (key: string) => string[] | undefined;
  onChange: (key: string, value: string) => void;
}) {
  return (
    <div className="space-y-6">
      {grouped(fields).map(([group, members]) => {
        const prominent = (f: PluginConfigField) =>
          f.required || f.importance === "HIGH" || f.name in config || (errorsOf(f.name)?.length ?? 0) > 0;
        const main = members.filter(prominent);
        const more = members.filter((f) => !prominent(f));
        const input = (f: PluginConfigField) => (
          <FieldInput
            key={f.name}
            field={f}
            value={config[f.name]}
            errors={errorsOf(f.name)}
            onChange={(v) => onChange(f.name, v)}
          />
        );
        return (
          <fieldset key={group || "plugin"} className="space-y-3">
            <legend className="mb-2 text-base font-semibold">{group || "Connector settings"}</legend>
            {main.map(input)}
            {more.length > 0 ? (
              <details className="rounded-md border border-line px-3 py-2">
                <summary className="cursor-pointer text-sm text-muted">More settings ({more.length})</summary>
                <div className="mt-3 space-y-3">{more.map(input)}</div>
              </details>
            ) : null}
          </fieldset>
        );
      })}
    </div>
  );
}
