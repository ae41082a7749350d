import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../api/client";
import { shouldRetry } from "./client";

describe("shouldRetry", () => {
  it("retries network and server errors twice", () => {
    const network = new ApiRequestError(0, "network", "The console server did not answer.");
    expect(shouldRetry(0, network)).toBe(true);
    expect(shouldRetry(1, network)).toBe(true);
    expect(shouldRetry(2, network)).toBe(false);
    expect(shouldRetry(0, new ApiRequestError(500, "kafka_error", "x"))).toBe(true);
    expect(shouldRetry(0, new Error("boom"))).toBe(true);
  });

  it("never retries 4xx answers or an unreachable cluster", () => {
    expect(shouldRetry(0, new ApiRequestError(404, "cluster_not_found", "x"))).toBe(false);
    expect(shouldRetry(0, new ApiRequestError(400, "bad_request", "x"))).toBe(false);
    expect(shouldRetry(0, new ApiRequestError(503, "cluster_unreachable", "x"))).toBe(false);
  });
});
