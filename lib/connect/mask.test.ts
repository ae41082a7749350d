import { describe, expect, it } from "vitest";
import { maskConfig, unmaskConfig } from "./mask";
import { deleteConnectorSchema, parseConfigJson, upsertConnectorSchema } from "./schemas";

describe("connector config secrets", () => {
  it("hides PASSWORD fields of the plugin's definition and secret-looking keys", () => {
    const masked = maskConfig(
      {
        "connector.class": "io.example.Jdbc",
        "connection.url": "jdbc:postgresql://db/x",
        "connection.password": "hunter2",
        "db.pw": "s3cret",
        "producer.override.sasl.jaas.config": 'x required username="a" password="b";',
        topics: "orders",
      },
      new Set(["db.pw"]),
    );
    expect(masked).toEqual({
      "connector.class": "io.example.Jdbc",
      "connection.url": "jdbc:postgresql://db/x",
      "connection.password": "[hidden]",
      "db.pw": "[hidden]",
      "producer.override.sasl.jaas.config": "[hidden]",
      topics: "orders",
    });
  });

  it("puts stored secrets back where the edited config still says [hidden]", () => {
    expect(
      unmaskConfig(
        { "connection.password": "[hidden]", "db.pw": "new", topics: "a" },
        { "connection.password": "hunter2", "db.pw": "old", topics: "b" },
      ),
    ).toEqual({ "connection.password": "hunter2", "db.pw": "new", topics: "a" });
  });
});

describe("connector action schemas", () => {
  it("asks for the connector's name, typed, to delete it", () => {
    const wrong = deleteConnectorSchema.safeParse({ connect: "c", name: "orders-sink", confirmation: "orders" });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.path).toEqual(["confirmation"]);
    expect(deleteConnectorSchema.safeParse({ connect: "c", name: "x", confirmation: "x" }).success).toBe(true);
  });

  it("needs a connector class in the config", () => {
    const parsed = upsertConnectorSchema.safeParse({ connect: "c", name: "x", create: true, config: { topic: "t" } });
    expect(parsed.error?.issues.map((i) => i.path)).toEqual([["config", "connector.class"]]);
  });

  it("reads the JSON editor's text as Connect's string values", () => {
    expect(parseConfigJson('{"tasks.max": 2, "file": "/tmp/a", "x": true}')).toEqual({
      config: { "tasks.max": "2", file: "/tmp/a", x: "true" },
    });
    expect(parseConfigJson("[1]")).toEqual({ error: 'The config must be a JSON object: { "key": "value", ... }.' });
    expect(parseConfigJson('{"a": {"b": 1}}')).toEqual({ error: '"a" must be text, a number or true/false.' });
    expect("error" in parseConfigJson("{")).toBe(true);
  });
});
