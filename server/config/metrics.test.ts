import { describe, expect, it } from "vitest";
import { parseMetricsConfig } from "./metrics";

const TOKEN = "s3cret-token-of-enough-length-0123";

function parse(env: Record<string, string>, loginOn = false) {
  const problems: string[] = [];
  return { config: parseMetricsConfig(env, loginOn, problems), problems };
}

describe("metrics settings", () => {
  it("are off by default", () => {
    expect(parse({})).toEqual({ config: { enabled: false, token: null }, problems: [] });
  });

  it("turn on with METRICS_ENABLED and keep the token", () => {
    expect(parse({ METRICS_ENABLED: "true", METRICS_TOKEN: TOKEN }).config).toEqual({ enabled: true, token: TOKEN });
  });

  it("need a token when login is on, and say how to make one", () => {
    const { problems } = parse({ METRICS_ENABLED: "true" }, true);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("METRICS_TOKEN must be set");
  });

  it("refuse a value that is not a yes or no, naming the variable", () => {
    expect(parse({ METRICS_ENABLED: "maybe" }).problems).toEqual([
      'METRICS_ENABLED must be true or false, not "maybe"',
    ]);
  });

  it("refuse a short token without repeating it", () => {
    const { problems } = parse({ METRICS_ENABLED: "true", METRICS_TOKEN: "short" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("at least 24 characters");
    expect(problems[0]).not.toContain('short"');
  });
});
