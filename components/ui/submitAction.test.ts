import { describe, expect, it } from "vitest";
import type { FieldValues, UseFormHandleSubmit, UseFormSetError } from "react-hook-form";
import { ActionFailure, submitAction } from "@/components/ui/useActionMutation";

/** A react-hook-form stand-in whose validation passes with `values`, recording setError calls. */
function formWith<F extends FieldValues>(values: F) {
  const errors: [string, string | undefined][] = [];
  const handleSubmit = ((valid: (data: F) => Promise<void>) => async () => {
    await valid(values);
  }) as unknown as UseFormHandleSubmit<F, F>;
  const setError: UseFormSetError<F> = (name, error) => {
    errors.push([name, error.message]);
  };
  return { form: { handleSubmit, setError }, errors };
}

const event = { preventDefault: () => undefined, persist: () => undefined } as never;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("submitAction", () => {
  it("runs the action even when nothing is to be done after it", async () => {
    const { form } = formWith({ name: "alice" });
    const sent: unknown[] = [];
    submitAction(form, (input) => {
      sent.push(input);
      return Promise.resolve("done");
    })(event);
    await settle();
    expect(sent).toEqual([{ name: "alice" }]);
  });

  it("hands the action's answer to onDone", async () => {
    const { form } = formWith({ name: "alice" });
    const answers: string[] = [];
    submitAction(
      form,
      () => Promise.resolve("created"),
      (data) => answers.push(data),
    )(event);
    await settle();
    expect(answers).toEqual(["created"]);
  });

  it("puts a refusal's field errors beside the fields and skips onDone", async () => {
    const { form, errors } = formWith({ name: "alice" });
    let done = false;
    submitAction(
      form,
      () => Promise.reject(new ActionFailure("Refused", { name: ["Taken"] })),
      () => (done = true),
    )(event);
    await settle();
    expect(errors).toEqual([["name", "Taken"]]);
    expect(done).toBe(false);
  });
});
