import { describe, expect, it } from "vitest";
import { emptyListWords, statusWords } from "./status";

describe("statusWords", () => {
  it("says the state in words", () => {
    expect(statusWords({ status: "reading", doneReason: null, limit: 100 }).text).toBe("Reading…");
    expect(statusWords({ status: "live", doneReason: null, limit: null }).text).toBe("Live");
    expect(statusWords({ status: "paused", doneReason: null, limit: null }).text).toBe("Paused");
    expect(statusWords({ status: "done", doneReason: "end", limit: 100 }).text).toBe("Done — reached the end");
    expect(statusWords({ status: "done", doneReason: "limit", limit: 1000 }).text).toBe("Stopped at the limit (1,000 messages)");
    expect(statusWords({ status: "done", doneReason: "duration", limit: null }).tone).toBe("warning");
  });
});

describe("emptyListWords", () => {
  const base = { scanned: 12345, filtered: true, live: false, hasProgress: true } as const;
  it("says how much was scanned while nothing matches", () => {
    expect(emptyListWords({ ...base, status: "reading" })?.title).toBe("Scanned 12,345 records, none matched");
    expect(emptyListWords({ ...base, status: "live", filtered: false, live: true, scanned: 0 })?.title).toBe("Waiting for new messages…");
    expect(emptyListWords({ ...base, status: "done" })?.title).toBe("No messages matched");
    expect(emptyListWords({ ...base, status: "done", scanned: 0 })?.title).toBe("No messages");
  });
  it("leaves the start to a skeleton", () => {
    expect(emptyListWords({ ...base, status: "connecting" })).toBeNull();
    expect(emptyListWords({ ...base, status: "reading", filtered: false, hasProgress: false, scanned: 0 })).toBeNull();
  });
});
