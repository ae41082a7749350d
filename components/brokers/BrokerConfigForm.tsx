"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/Button";
import { DialogButtons } from "@/components/ui/DetailParts";
import { Field, FormError, SelectInput, TextInput } from "@/components/ui/Form";
import { submitAction, useActionMutation } from "@/components/ui/useActionMutation";
import type { BrokerConfigEntry } from "@/lib/api/types";
import { type AlterBrokerConfigsInput, alterBrokerConfigsSchema } from "@/lib/brokers/schemas";
import { queryKeys } from "@/lib/query/keys";
import { alterBrokerConfigs } from "@/server/brokers/actions";

const where = (broker: number | null) => (broker === null ? "every broker" : `broker ${broker}`);

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
  const mutation = useActionMutation(
    cluster,
    alterBrokerConfigs,
    () => [queryKeys.brokers(cluster)],
    (data) =>
      data.set.length > 0
        ? `Set ${data.set.join(", ")} on ${where(data.broker)}.`
        : `Reset ${data.reset.join(", ")} on ${where(data.broker)}.`,
  );
  const form = useForm<AlterBrokerConfigsInput>({
    mode: "onTouched",
    reValidateMode: "onChange",
    resolver: zodResolver(alterBrokerConfigsSchema),
    defaultValues: {
      broker: entry.source === "dynamic-default" ? null : broker,
      set: [{ key: entry.name, value: entry.sensitive ? "" : (entry.value ?? "") }],
      reset: [],
    },
  });
  const target = useWatch({ control: form.control, name: "broker" });
  const errors = form.formState.errors;
  const valueError =
    errors.set?.[0]?.value?.message ?? errors.set?.[0]?.key?.message ?? errors.set?.message ?? errors.broker?.message;

  const resettable =
    (target !== null && entry.source === "dynamic-broker") || (target === null && entry.source === "dynamic-default");

  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(event) => void submitAction(form, mutation.mutateAsync, onDone)(event)}
    >
      <Field label="Applies to">
        {(control) => (
          <SelectInput
            {...control}
            value={target === null ? "default" : "broker"}
            onChange={(e) => form.setValue("broker", e.target.value === "default" ? null : broker)}
          >
            <option value="broker">Broker {broker} only</option>
            <option value="default">Every broker (cluster-wide default)</option>
          </SelectInput>
        )}
      </Field>
      <Field
        label={entry.name}
        errors={valueError ? [valueError] : undefined}
        hint="Takes effect at once, without a restart."
      >
        {(control) => <TextInput {...control} autoComplete="off" {...form.register("set.0.value")} />}
      </Field>
      <FormError message={mutation.error?.message} />
      <DialogButtons>
        {resettable ? (
          <Button
            disabled={mutation.isPending}
            onClick={() =>
              void mutation.mutateAsync({ broker: target, set: [], reset: [entry.name] }).then(onDone, () => undefined)
            }
          >
            Reset to the {target !== null ? "cluster default" : "static value"}
          </Button>
        ) : null}
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : "Save"}
        </Button>
      </DialogButtons>
    </form>
  );
}
