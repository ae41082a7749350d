import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiRequestError, describeError, fetchJson, isApiRequestError } from "./client";

function stubFetch(impl: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>) {
  const mock = vi.fn(impl);
  vi.stubGlobal("fetch", mock);
  return mock;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("fetchJson", () => {
  it("returns the parsed body of a 2xx answer and asks for JSON", async () => {
    const mock = stubFetch(() => Promise.resolve(Response.json([{ name: "local" }])));
    await expect(fetchJson<{ name: string }[]>("/api/clusters")).resolves.toEqual([{ name: "local" }]);
    const headers = new Headers(mock.mock.calls[0]?.[1]?.headers);
    expect(headers.get("Accept")).toBe("application/json");
  });

  it("throws the server's error code and message", async () => {
    stubFetch(() =>
      Promise.resolve(
        Response.json({ error: { code: "cluster_unreachable", message: "No broker answered." } }, { status: 503 }),
      ),
    );
    const error = await rejection(fetchJson("/api/clusters/down/overview"));
    expect(isApiRequestError(error)).toBe(true);
    expect(error).toMatchObject({ status: 503, code: "cluster_unreachable", message: "No broker answered." });
  });

  it("falls back to a message from the status when the body is not an error body", async () => {
    stubFetch(() =>
      Promise.resolve(new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway" })),
    );
    const error = await rejection(fetchJson("/api/clusters"));
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 502, code: "internal" });
    expect((error as ApiRequestError).message).toContain("HTTP 502 Bad Gateway");
  });

  it("maps an unknown error code by status", async () => {
    stubFetch(() => Promise.resolve(Response.json({ error: { code: "weird", message: "Nope." } }, { status: 404 })));
    await expect(fetchJson("/api/x")).rejects.toMatchObject({ status: 404, code: "not_found", message: "Nope." });
  });

  it("turns a network failure into code 'network' with a message in words", async () => {
    stubFetch(() => Promise.reject(new TypeError("Failed to fetch")));
    await expect(fetchJson("/api/clusters")).rejects.toMatchObject({
      status: 0,
      code: "network",
      message: "The console server did not answer.",
    });
  });

  it("passes an abort through unchanged", async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException("aborted", "AbortError");
    stubFetch(() => Promise.reject(abort));
    await expect(fetchJson("/api/clusters", { signal: controller.signal })).rejects.toBe(abort);
  });

  it("reports a 2xx answer that is not JSON", async () => {
    stubFetch(() => Promise.resolve(new Response("hello", { status: 200 })));
    await expect(fetchJson("/api/clusters")).rejects.toMatchObject({ code: "bad_response" });
  });
});

describe("describeError", () => {
  it("uses the API message and hides anything else", () => {
    expect(describeError(new ApiRequestError(503, "cluster_unreachable", "No broker answered."))).toBe(
      "No broker answered.",
    );
    expect(describeError(new TypeError("x is undefined"))).not.toContain("undefined");
  });
});
