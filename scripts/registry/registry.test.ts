import { describe, expect, it } from "vitest";
import { findJava21, registryEnv, registrySpec, registryUrl } from "./registry";

describe("registrySpec", () => {
  it("puts the dev registry on 8081 with kafkasql storage and the test registry on 18081 + offset in memory", () => {
    const dev = registrySpec("dev", {}, "127.0.0.1:9092");
    expect(registryUrl(dev)).toBe("http://127.0.0.1:8081/apis/ccompat/v7");
    expect(registryEnv(dev)).toMatchObject({
      APICURIO_STORAGE_KIND: "kafkasql",
      APICURIO_KAFKASQL_BOOTSTRAP_SERVERS: "127.0.0.1:9092",
      APICURIO_KAFKASQL_TOPIC: "_registry-journal",
      APICURIO_RULES_GLOBAL_COMPATIBILITY: "BACKWARD",
      QUARKUS_HTTP_HOST: "127.0.0.1",
      QUARKUS_MANAGEMENT_PORT: "9081",
    });
    const test = registrySpec("test", { TEST_PORT_OFFSET: "5000" });
    expect(test.port).toBe(23081);
    // Any free management port: a fixed one would be another offset's HTTP port.
    expect(registryEnv(test)).toMatchObject({ APICURIO_STORAGE_KIND: "sql", QUARKUS_MANAGEMENT_PORT: "0" });
    expect(test.dataDir).not.toBe(dev.dataDir);
  });

  it("refuses a port out of range, naming the variable", () => {
    expect(() => registrySpec("dev", { REGISTRY_LOCAL_PORT: "80" })).toThrow(/REGISTRY_LOCAL_PORT/);
  });
});

describe("findJava21", () => {
  it("looks past a JAVA_HOME without Java, and names what to install when no Java 21+ is found", async () => {
    // On these machines a Temurin 21+ sits beside the default Java 17; elsewhere the error names what to install.
    const found = await findJava21({ JAVA_HOME: "/nonexistent" }).then(
      (java) => ({ java }),
      (error: unknown) => ({ error: String(error) }),
    );
    if ("java" in found) expect(found.java).toMatch(/java$/);
    else expect(found.error).toMatch(/Java 21 or newer/);
  });
});
