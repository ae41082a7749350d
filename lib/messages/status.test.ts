import { describe, expect, it } from "vitest";
import { emptyListWords, leaderTroubleWords, statusWords } from "./status";

describe("statusWords", () => {
  it("says the state in words", () => {
    expect(statusWords({ status: "reading", doneReason: null, limit: 100 }).text).toBe("Reading…");
    expect(statusWords({ status: "live", doneReason: null, limit: null }).text).toBe("Live");
    expect(statusWords({ status: "paused", doneReason: null, limit: null }).text).toBe("Paused");
    expect(statusWords({ status: "done", doneReason: "end", limit: 100 }).text).toBe("Done — reached the end");
    expect(statusWords({ status: "done", doneReason: "limit", limit: 1000 }).text).toBe(
      "Stopped at the limit (1,000 messages)",
    );
    expect(statusWords({ status: "done", doneReason: "duration", limit: null }).tone).toBe("warning");
  });
});

describe("emptyListWords", () => {
  const base = { scanned: 12345, filtered: true, live: false, hasProgress: true } as const;
  it("says how much was scanned while nothing matches", () => {
    expect(emptyListWords({ ...base, status: "reading" })?.title).toBe("Scanned 12,345 records, none matched");
    expect(emptyListWords({ ...base, status: "live", filtered: false, live: true, scanned: 0 })?.title).toBe(
      "Waiting for new messages…",
    );
    expect(emptyListWords({ ...base, status: "done" })?.title).toBe("No messages matched");
    expect(emptyListWords({ ...base, status: "done", scanned: 0 })?.title).toBe("No messages");
  });
  it("leaves the start to a skeleton", () => {
    expect(emptyListWords({ ...base, status: "connecting" })).toBeNull();
    expect(emptyListWords({ ...base, status: "reading", filtered: false, hasProgress: false, scanned: 0 })).toBeNull();
  });
});

describe("leaderTroubleWords", () => {
  it("says which broker stopped answering for which partitions, and for how long", () => {
    expect(
      leaderTroubleWords([
        { partition: 0, from: null, leader: 3, unavailableForMs: 4_200 },
        { partition: 2, from: null, leader: 3, unavailableForMs: 6_900 },
        { partition: 1, from: null, leader: -1, unavailableForMs: 2_000 },
      ]),
    ).toEqual([
      {
        tone: "warning",
        text:
          "Broker 3 is not answering for partitions 0 and 2 (6 s): retrying, and following them to a new " +
          "leader; the other partitions are still read.",
      },
      {
        tone: "warning",
        text: "No leader for partition 1 (2 s): waiting for one; the other partitions are still read.",
      },
    ]);
  });

  it("says where moved partitions are read from now, one line per broker that lost them", () => {
    expect(
      leaderTroubleWords([
        { partition: 0, from: 3, leader: 1, unavailableForMs: null },
        { partition: 4, from: 3, leader: 2, unavailableForMs: null },
        { partition: 5, from: 2, leader: 1, unavailableForMs: null },
      ]),
    ).toEqual([
      {
        tone: "info",
        text: "Broker 3 no longer leads partitions 0 and 4; they are read from brokers 1, 2 now, without a gap.",
      },
      { tone: "info", text: "Broker 2 no longer leads partition 5; it is read from broker 1 now, without a gap." },
    ]);
  });

  it("keeps a long list of partitions short", () => {
    const trouble = Array.from({ length: 12 }, (_, partition) => ({
      partition,
      from: 1,
      leader: 2,
      unavailableForMs: null,
    }));
    expect(leaderTroubleWords(trouble)[0]?.text).toBe(
      "Broker 1 no longer leads partitions 0, 1, 2, 3, 4 and 7 more; they are read from broker 2 now, without a gap.",
    );
    expect(leaderTroubleWords([])).toEqual([]);
  });
});
