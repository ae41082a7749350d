"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ConfigFields } from "@/components/connect/ConfigFields";
import { Button } from "@/components/ui/Button";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { Field, FormControls, FormError, SelectInput, TextArea, TextInput } from "@/components/ui/Form";
import { ActionFailure, useActionMutation } from "@/components/ui/useActionMutation";
import { configFieldPath, parseConfigJson, upsertConnectorSchema } from "@/lib/connect/schemas";
import { shortClass } from "@/lib/connect/list";
import { queryKeys } from "@/lib/query/keys";
import { connectPluginsQuery, pluginConfigQuery } from "@/lib/query/options";
import { connectorPath } from "@/lib/routes";
import { upsertConnector } from "@/server/connect/actions";

const CLASS = "connector.class";

/**
 * Creates a connector from one of the workers' plugins, or edits one: a form built from the plugin's config
 * definition, or the whole config as JSON. The worker validates it before anything is created or changed; its errors
 * show beside each field. Secrets of an edited connector stay "[hidden]" and keep their stored value unless retyped.
 */
export function ConnectorForm({
  cluster,
  connects,
  initial,
}: {
  cluster: string;
  /** The Connect clusters to choose from (create), or the connector's one (edit). */
  connects: string[];
  initial?: { connect: string; name: string; config: Record<string, string> };
}) {
  const router = useRouter();
  const editing = initial !== undefined;
  const form = useForm({
    resolver: zodResolver(upsertConnectorSchema),
    defaultValues: {
      connect: initial?.connect ?? connects[0] ?? "",
      name: initial?.name ?? "",
      create: !editing,
      config: initial?.config ?? ({} as Record<string, string>),
    },
  });
  const connect = form.watch("connect");
  const config = form.watch("config");
  const className = config[CLASS] ?? "";
  const [mode, setMode] = useState<"form" | "json">("form");
  const [jsonText, setJsonText] = useState<string | null>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const plugins = useQuery({ ...connectPluginsQuery(cluster, connect), enabled: connect !== "" });
  const definition = useQuery({
    ...pluginConfigQuery(cluster, connect, className),
    enabled: connect !== "" && className !== "",
  });
  const mutation = useActionMutation(
    cluster,
    upsertConnector,
    (input) => [queryKeys.connectors(cluster), queryKeys.connector(cluster, input.connect, input.name)],
    (d) => `Connector ${d.name} ${d.created ? "created" : "saved"}.`,
  );
  const serverErrors = mutation.error instanceof ActionFailure ? mutation.error.fieldErrors : {};
  const formErrors = form.formState.errors;
  const errorsOf = (key: string): string[] | undefined => {
    const fromServer = serverErrors[configFieldPath(key)];
    const fromSchema = (formErrors.config as Record<string, { message?: string }> | undefined)?.[key]?.message;
    const all = [...(fromSchema ? [fromSchema] : []), ...(fromServer ?? [])];
    return all.length > 0 ? all : undefined;
  };
  const setConfig = (next: Record<string, string>) => {
    form.setValue("config", next, { shouldDirty: true });
    setJsonText(null);
  };
  const change = (key: string, value: string) => {
    const next = { ...config };
    if (value === "") delete next[key];
    else next[key] = value;
    setConfig(next);
  };
  const unplaced = Object.entries(serverErrors).filter(
    ([path]) =>
      path.startsWith("config.") &&
      !(definition.data?.fields ?? []).some((f) => configFieldPath(f.name) === path && f.name !== CLASS),
  );

  return (
    <form
      noValidate
      className="max-w-3xl"
      onSubmit={(event) =>
        void form.handleSubmit(async (input) => {
          if (jsonError) return;
          try {
            const done = await mutation.mutateAsync(input);
            router.push(connectorPath(cluster, input.connect, done.name));
          } catch {
            // The failure and its field errors are shown from mutation.error.
          }
        })(event)
      }
    >
      <FormControls className="space-y-5">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Kafka Connect cluster"
            errors={formErrors.connect?.message ? [formErrors.connect.message] : undefined}
          >
            {(control) => (
              <SelectInput {...control} {...form.register("connect")} disabled={editing}>
                {connects.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </SelectInput>
            )}
          </Field>
          <Field
            label="Connector name"
            errors={[
              ...(formErrors.name?.message ? [formErrors.name.message] : []),
              ...(serverErrors.name ?? []),
            ].filter(Boolean)}
          >
            {(control) => (
              <TextInput
                {...control}
                {...form.register("name")}
                readOnly={editing}
                autoComplete="off"
                className="font-mono"
              />
            )}
          </Field>
        </div>
        <Field
          label="Plugin"
          hint={plugins.data ? `${plugins.data.plugins.length} connector plugins on the workers.` : undefined}
          errors={errorsOf(CLASS)}
        >
          {(control) => (
            <SelectInput
              {...control}
              value={className}
              disabled={editing || !plugins.data}
              onChange={(e) => setConfig(e.target.value ? { [CLASS]: e.target.value, "tasks.max": "1" } : {})}
            >
              <option value="">{plugins.isPending ? "Loading plugins…" : "Choose a plugin"}</option>
              {(plugins.data?.plugins ?? []).map((p) => (
                <option key={p.className} value={p.className}>
                  {shortClass(p.className)} ({p.type}, {p.version})
                </option>
              ))}
              {editing && className && !plugins.data?.plugins.some((p) => p.className === className) ? (
                <option value={className}>{className}</option>
              ) : null}
            </SelectInput>
          )}
        </Field>
        {plugins.error ? <ErrorMessage title="Could not load the plugins" error={plugins.error} /> : null}

        {className ? (
          <>
            <div role="tablist" aria-label="Config editor" className="flex gap-1 border-b border-line">
              {(["form", "json"] as const).map((m) => (
                <button
                  key={m}
                  type="button"
                  role="tab"
                  aria-selected={mode === m}
                  onClick={() => {
                    if (m === "form" && jsonError) return;
                    setMode(m);
                  }}
                  className={
                    "-mb-px border-b-2 px-3 py-2 text-sm " +
                    (mode === m ? "border-accent font-semibold" : "border-transparent text-muted hover:text-fg")
                  }
                >
                  {m === "form" ? "Fields" : "JSON"}
                </button>
              ))}
            </div>
            {mode === "json" ? (
              <Field
                label="The whole config as JSON"
                hint="Every key and value of the connector's config; values are text, as Kafka Connect keeps them."
                errors={
                  jsonError
                    ? [jsonError]
                    : unplaced.length > 0
                      ? unplaced.map(([p, m]) => `${p.slice(7)}: ${m.join(" ")}`)
                      : undefined
                }
              >
                {(control) => (
                  <TextArea
                    {...control}
                    rows={16}
                    spellCheck={false}
                    className="font-mono text-xs"
                    value={jsonText ?? JSON.stringify(config, null, 2)}
                    onChange={(e) => {
                      setJsonText(e.target.value);
                      const parsed = parseConfigJson(e.target.value);
                      if ("error" in parsed) setJsonError(parsed.error);
                      else {
                        setJsonError(null);
                        form.setValue("config", parsed.config, { shouldDirty: true });
                      }
                    }}
                  />
                )}
              </Field>
            ) : definition.isPending ? (
              <p role="status" className="text-sm text-muted">
                Loading the plugin&apos;s settings…
              </p>
            ) : definition.data ? (
              <>
                <ConfigFields fields={definition.data.fields} config={config} errorsOf={errorsOf} onChange={change} />
                {unplaced.map(([path, messages]) => (
                  <FormError key={path} message={`${path.slice(7)}: ${messages.join(" ")}`} />
                ))}
              </>
            ) : (
              <ErrorMessage title="Could not load the plugin's settings" error={definition.error} />
            )}
          </>
        ) : null}

        <FormError
          message={
            Object.keys(serverErrors).length > 0
              ? "Kafka Connect did not accept this config: see the messages beside the fields. Nothing was changed."
              : mutation.error?.message
          }
        />
        <div className="flex gap-2">
          <Button type="submit" variant="primary" disabled={mutation.isPending || !className || jsonError !== null}>
            {mutation.isPending ? "Validating…" : editing ? "Validate and save" : "Validate and create"}
          </Button>
          <Button onClick={() => router.back()}>Cancel</Button>
        </div>
      </FormControls>
    </form>
  );
}
