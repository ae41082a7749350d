import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "@/lib/actions/result";
import {
  addPartitionsSchema,
  alterTopicConfigsSchema,
  collidingTopic,
  purgeTopicSchema,
  topicsListQuerySchema,
} from "./schemas";

function errors(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}): Record<string, string[]> {
  return result.success || !result.error ? {} : fieldErrorsFrom(result.error.issues);
}

describe("topic schemas", () => {
  it("finds the topic a name would collide with in metric names", () => {
    expect(collidingTopic("orders_eu", ["orders.eu", "payments"])).toBe("orders.eu");
    expect(collidingTopic("orders.eu", ["orders.eu"])).toBeUndefined();
  });

  it("refuses a config change that changes nothing, names a key twice, or is not a config name", () => {
    expect(errors(alterTopicConfigsSchema.safeParse({ name: "t" }))).toEqual({
      "": ["Nothing to change: set or reset at least one config."],
    });
    expect(
      errors(
        alterTopicConfigsSchema.safeParse({
          name: "t",
          set: [{ key: "retention.ms", value: "1" }],
          reset: ["retention.ms"],
        }),
      ),
    ).toEqual({ "": ["retention.ms appears twice in one change."] });
    expect(errors(alterTopicConfigsSchema.safeParse({ name: "t", reset: ["Retention MS"] }))).toEqual({
      "reset.0": ["A config name is lower-case words joined by dots, like retention.ms."],
    });
  });

  it("refuses negative or fractional partitions and an empty choice", () => {
    expect(errors(addPartitionsSchema.safeParse({ name: "t", partitions: -3 }))).toEqual({
      partitions: ["A topic can only grow to 2 or more partitions."],
    });
    expect(errors(purgeTopicSchema.safeParse({ name: "t", partitions: [-1] }))).toEqual({
      "partitions.0": ["Partition numbers start at 0."],
    });
    expect(errors(purgeTopicSchema.safeParse({ name: "t", partitions: [] }))).toEqual({
      partitions: ["Choose at least one partition, or purge the whole topic."],
    });
    expect(errors(purgeTopicSchema.safeParse({ name: "t", partitions: ["1"] }))).toEqual({
      "partitions.0": ["Partition must be a number."],
    });
  });

  it("reads the topics API query with defaults, and names a bad parameter", () => {
    expect(topicsListQuerySchema.parse({})).toEqual({
      search: "",
      internal: false,
      sort: "name",
      offset: 0,
      limit: 100,
    });
    expect(
      topicsListQuerySchema.parse({ internal: "true", limit: "all", offset: "20", sort: "size", order: "desc" }),
    ).toMatchObject({ internal: true, limit: "all", offset: 20, order: "desc" });
    expect(topicsListQuerySchema.safeParse({ sort: "bogus" }).error?.issues[0]?.message).toBe(
      "sort must be one of name, partitions, replicationFactor, underReplicated, size, messages, rate.",
    );
    expect(topicsListQuerySchema.safeParse({ offset: "-1" }).error?.issues[0]?.message).toBe(
      "offset cannot be negative.",
    );
    expect(topicsListQuerySchema.safeParse({ limit: "lots" }).success).toBe(false);
  });
});
