import { describe, expect, it } from "vitest";
import { MAX_VALUE_CHARS } from "@/lib/messages/produce";
import { ACTION_BODY_LIMIT_BYTES, encodedSize, SERVER_ACTION_BODY_LIMIT_BYTES, tooLargeMessage } from "./limits";

describe("the size limit of a form", () => {
  it("counts the arguments as JSON in UTF-8, escapes included", () => {
    expect(encodedSize(["test", { value: "abc" }])).toBe('["test",{"value":"abc"}]'.length);
    expect(encodedSize(["é"])).toBe(6); // ["é"]: é is two bytes
    expect(encodedSize(['"\n'])).toBe(8); // ["\"\n"]
  });

  it("holds a produce form with the longest value in any script", () => {
    const value = "字".repeat(MAX_VALUE_CHARS); // three bytes each in UTF-8
    const form = {
      topic: "t",
      partition: null,
      key: "k".repeat(100_000),
      value,
      valueFormat: "text",
      headers: [{ key: "h", value: "v".repeat(10_000) }],
      copies: 1000,
      compression: "zstd",
    };
    expect(encodedSize(["cluster", form])).toBeLessThan(ACTION_BODY_LIMIT_BYTES);
    expect(SERVER_ACTION_BODY_LIMIT_BYTES).toBeGreaterThan(ACTION_BODY_LIMIT_BYTES);
  });

  it("says in words how large the form is and what is accepted", () => {
    expect(tooLargeMessage(5 * 1_048_576 + 100_000)).toBe(
      "This form is 5.1 MiB to send; the console accepts at most 4 MiB at a time. Nothing was sent: shorten " +
        "what you entered (a message's value, key or headers) and send it again.",
    );
  });
});
