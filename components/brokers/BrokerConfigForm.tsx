"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/Button";
import { DialogButtons } from "@/components/ui/DetailParts";
import { Field, FormError, SelectInput, TextInput } from "@/components/ui/Form";
import { errorsFor, type FieldErrors, useServerAction, validate } from "@/components/ui/useServerAction";
import type { BrokerConfigEntry } from "@/lib/api/types";
import { type AlterBrokerConfigsInput, alterBrokerConfigsSchema } from "@/lib/brokers/schemas";
import { queryKeys } from "@/lib/query/keys";
import { useOpsActions } from "@/components/brokers/OpsActions";

/**
 * Sets one dynamic config of a broker, for this broker only or as the cluster-wide default of every broker, or
 * resets the value set at that level. The broker checks the value; its message is shown when it refuses.
 */
export function BrokerConfigForm({
  cluster,
  broker,
  entry,
  onDone,
}: {
  cluster: string;
  broker: number;
  entry: BrokerConfigEntry;
  onDone: () => void;
}) {
  const [value, setValue] = useState(entry.sensitive ? "" : (entry.value ?? ""));
  const [scope, setScope] = useState<"broker" | "default">(entry.source === "dynamic-default" ? "default" : "broker");
  const [checked, setChecked] = useState<FieldErrors>({});
  const { alterBrokerConfigs } = useOpsActions();
  const action = useServerAction(cluster, alterBrokerConfigs, [queryKeys.brokers(cluster)]);
  const target = scope === "broker" ? broker : null;

  async function send(input: AlterBrokerConfigsInput) {
    const errors = validate(alterBrokerConfigsSchema, input);
    setChecked(errors);
    if (Object.keys(errors).length > 0) return;
    if ((await action.run(input)).ok) onDone();
  }

  const resettable =
    (scope === "broker" && entry.source === "dynamic-broker") ||
    (scope === "default" && entry.source === "dynamic-default");
  const valueErrors =
    errorsFor("set.0.value", checked, action.fieldErrors) ?? errorsFor("set.0.key", action.fieldErrors);

  return (
    <form
      className="space-y-3"
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        void send({ broker: target, set: [{ key: entry.name, value }], reset: [] });
      }}
    >
      <Field label="Applies to">
        {(control) => (
          <SelectInput {...control} value={scope} onChange={(e) => setScope(e.target.value as "broker" | "default")}>
            <option value="broker">Broker {broker} only</option>
            <option value="default">Every broker (cluster-wide default)</option>
          </SelectInput>
        )}
      </Field>
      <Field label={entry.name} errors={valueErrors} hint="Takes effect at once, without a restart.">
        {(control) => <TextInput {...control} value={value} onChange={(e) => setValue(e.target.value)} />}
      </Field>
      <FormError message={action.message} />
      <DialogButtons>
        {resettable ? (
          <Button disabled={action.pending} onClick={() => void send({ broker: target, set: [], reset: [entry.name] })}>
            Reset to the {scope === "broker" ? "cluster default" : "static value"}
          </Button>
        ) : null}
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={action.pending}>
          {action.pending ? "Saving…" : "Save"}
        </Button>
      </DialogButtons>
    </form>
  );
}
