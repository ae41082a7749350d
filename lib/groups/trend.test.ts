import { describe, expect, it } from "vitest";
import { lagStatus, lagTrend, TREND_MIN_SPAN_MS, TREND_WINDOW_MS, type TrendPoint } from "./trend";

const T0 = 1_700_000_000_000;

/** A sample `seconds` after T0; the lag is end - committed, as the server computes it. */
function point(seconds: number, committed: number, end: number, lagSeconds: number | null = null): TrendPoint {
  return { at: T0 + seconds * 1000, lag: end - committed, lagSeconds, committed, end };
}

describe("lagTrend", () => {
  it("measures before the first sample", () => {
    expect(lagTrend([])).toEqual({
      status: "measuring",
      words: "Measuring: no sample yet.",
      etaSeconds: null,
      consumeRate: null,
      produceRate: null,
      samples: [],
    });
  });

  it("is caught up when the last lag is 0, even from one sample", () => {
    expect(lagTrend([point(0, 500, 500, 0)])).toEqual({
      status: "caught-up",
      words: "Caught up: every committed offset is at the end of its partition.",
      etaSeconds: null,
      consumeRate: null,
      produceRate: null,
      samples: [{ at: T0, lag: 0, lagSeconds: 0 }],
    });
  });

  it("is caught up with rates once there are two samples, however short the span", () => {
    const trend = lagTrend([point(0, 100, 200), point(5, 300, 300, 0)]);
    expect(trend).toMatchObject({ status: "caught-up", etaSeconds: null, consumeRate: 40, produceRate: 20 });
  });

  it("keeps measuring with one sample that has lag", () => {
    expect(lagTrend([point(0, 0, 500, 12)])).toEqual({
      status: "measuring",
      words: "Measuring: 500 records behind; the trend shows after 15 s of samples.",
      etaSeconds: null,
      consumeRate: null,
      produceRate: null,
      samples: [{ at: T0, lag: 500, lagSeconds: 12 }],
    });
  });

  it("keeps measuring until the samples span 15 s, with the rates so far", () => {
    expect(TREND_MIN_SPAN_MS).toBe(15_000);
    const trend = lagTrend([point(0, 0, 500), point(10, 200, 600)]);
    expect(trend).toMatchObject({ status: "measuring", etaSeconds: null, consumeRate: 20, produceRate: 10 });
    expect(trend.words).toBe("Measuring: 400 records behind; the trend shows after 15 s of samples.");
    expect(lagTrend([point(0, 0, 2), point(14.999, 1, 2)]).words).toBe(
      "Measuring: 1 record behind; the trend shows after 15 s of samples.",
    );
    // From 15 s on, there is a verdict.
    expect(lagTrend([point(0, 0, 500), point(15, 200, 600)]).status).toBe("catching-up");
  });

  it("is stalled when nothing was committed over the window while records wait", () => {
    const trend = lagTrend([point(0, 100, 600), point(15, 100, 650), point(30, 100, 700)]);
    expect(trend).toMatchObject({ status: "stalled", etaSeconds: null, consumeRate: 0 });
    expect(trend.produceRate).toBeCloseTo(100 / 30, 10);
    expect(trend.words).toBe("Stalled: no offset committed for 30 s while 600 records wait.");
  });

  it("is stalled even when producers are idle too (lag unchanged, no commits)", () => {
    const trend = lagTrend([point(0, 100, 600), point(60, 100, 600)]);
    expect(trend).toMatchObject({ status: "stalled", consumeRate: 0, produceRate: 0 });
    expect(trend.words).toBe("Stalled: no offset committed for 1 min while 500 records wait.");
  });

  it("is catching up when lag shrinks, with the time to zero at the net rate", () => {
    // Lag 1000 -> 400 over 60 s: the group reads 20/s, producers write 10/s, net 10/s; 400 left = 40 s.
    const trend = lagTrend([point(0, 0, 1000), point(30, 500, 1250), point(60, 1200, 1600)]);
    expect(trend).toEqual({
      status: "catching-up",
      words: "Catching up: about 40 s to go at the current rate (20 msg/s).",
      etaSeconds: 40,
      consumeRate: 20,
      produceRate: 10,
      samples: [
        { at: T0, lag: 1000, lagSeconds: null },
        { at: T0 + 30_000, lag: 750, lagSeconds: null },
        { at: T0 + 60_000, lag: 400, lagSeconds: null },
      ],
    });
  });

  it("rounds the time to zero to whole seconds and writes long ones in larger units", () => {
    // Lag 10000 -> 9940 over 60 s: the group reads 2/s, producers write 1/s, 1/s net; 9940 s to go.
    const trend = lagTrend([point(0, 0, 10_000), point(60, 120, 10_060)]);
    expect(trend).toMatchObject({ status: "catching-up", etaSeconds: 9940, consumeRate: 2, produceRate: 1 });
    expect(trend.words).toBe("Catching up: about 2 h 45 min to go at the current rate (2 msg/s).");
    // Lag 100 -> 10 over 30 s: 3/s net, 3.33 s to go -> 3.
    expect(lagTrend([point(0, 0, 100), point(30, 90, 100)]).etaSeconds).toBe(3);
  });

  it("is falling behind when lag grows, naming both rates and the net one", () => {
    const trend = lagTrend([point(0, 0, 100), point(20, 100, 300)]);
    expect(trend).toMatchObject({ status: "falling-behind", etaSeconds: null, consumeRate: 5, produceRate: 10 });
    expect(trend.words).toBe("Falling behind by 5 msg/s: producers write 10 msg/s, the group reads 5 msg/s.");
  });

  it("is steady when lag moves by at most half a percent (or one record) over the window", () => {
    const steady = lagTrend([point(0, 0, 1000), point(40, 400, 1404)]);
    expect(steady).toMatchObject({ status: "steady", etaSeconds: null, consumeRate: 10, produceRate: 10.1 });
    expect(steady.words).toBe("Steady: 1k records behind, reading as fast as producers write (10 msg/s).");
    expect(lagTrend([point(0, 0, 1000), point(40, 400, 1396)]).status).toBe("steady");
    expect(lagTrend([point(0, 0, 1000), point(40, 400, 1406)]).status).toBe("falling-behind");
    expect(lagTrend([point(0, 0, 1000), point(40, 400, 1394)]).status).toBe("catching-up");
    // A small lag may move by one record and still be steady.
    expect(lagTrend([point(0, 0, 3), point(20, 10, 14)]).status).toBe("steady");
    expect(lagTrend([point(0, 0, 3), point(20, 10, 15)]).status).toBe("falling-behind");
  });

  it("starts the window after a reset, when the committed sum goes backwards", () => {
    const points = [
      point(0, 5000, 6000),
      point(20, 6000, 7000),
      point(30, 100, 7100), // reset to an earlier offset
      point(50, 300, 7200),
    ];
    // Measured from the reset: 200 committed and 100 produced over 20 s; lag 7000 -> 6900 (5/s net).
    expect(lagTrend(points)).toMatchObject({
      status: "catching-up",
      consumeRate: 10,
      produceRate: 5,
      etaSeconds: 1380,
    });
    expect(lagTrend(points).samples).toHaveLength(4);
  });

  it("measures again right after a reset, however long the history before it", () => {
    const trend = lagTrend([point(0, 5000, 6000), point(40, 6000, 7000), point(45, 100, 7000), point(50, 200, 7000)]);
    expect(trend).toMatchObject({ status: "measuring", consumeRate: 20, produceRate: 0 });
    expect(trend.words).toBe("Measuring: 6.8k records behind; the trend shows after 15 s of samples.");
  });

  it("starts the window after an end-offset sum goes backwards (a deleted topic)", () => {
    const trend = lagTrend([point(0, 0, 9000), point(20, 100, 9100), point(30, 110, 500), point(60, 410, 500)]);
    expect(trend).toMatchObject({ status: "catching-up", consumeRate: 10, produceRate: 0, etaSeconds: 9 });
  });

  it("measures rates over the last minute only, but returns every sample", () => {
    expect(TREND_WINDOW_MS).toBe(60_000);
    const points = [point(0, 400, 5000, 90), point(100, 1000, 5000, 60), point(160, 1600, 5300, 40)];
    // Over the last 60 s: 600 committed (10/s), 300 produced (5/s), lag 4000 -> 3700 (5/s net).
    // Over all 160 s it would be 7.5/s and 1.875/s.
    const trend = lagTrend(points);
    expect(trend).toMatchObject({ status: "catching-up", consumeRate: 10, produceRate: 5, etaSeconds: 740 });
    expect(trend.samples).toEqual([
      { at: T0, lag: 4600, lagSeconds: 90 },
      { at: T0 + 100_000, lag: 4000, lagSeconds: 60 },
      { at: T0 + 160_000, lag: 3700, lagSeconds: 40 },
    ]);
  });

  it("reaches past the last minute when it holds too short a span, instead of measuring beside a long chart", () => {
    // Samples 60.001 s apart (the sampler runs only while someone looks): the last minute holds one sample.
    const trend = lagTrend([point(0, 0, 1000), point(60.001, 600, 1000)]);
    expect(trend.status).toBe("catching-up");
    expect(trend.consumeRate).toBeCloseTo(600 / 60.001, 6);
  });
});

/** Samples every `step` seconds over `minutes`, with committed and end offsets given by the time in seconds. */
function history(minutes: number, step: number, committed: (t: number) => number, end: (t: number) => number) {
  const out: TrendPoint[] = [];
  for (let t = 0; t <= minutes * 60; t += step) out.push(point(t, committed(t), end(t)));
  return out;
}

describe("the status follows the samples the chart shows (defect: 27 min constant said 'for 58 s')", () => {
  it("constant lag with no commits for 27 minutes: stalled for 27 min", () => {
    const trend = lagTrend(
      history(
        27,
        10,
        () => 1000,
        () => 1500,
      ),
    );
    expect(trend.status).toBe("stalled");
    expect(trend.words).toBe("Stalled: no offset committed for 27 min while 500 records wait.");
  });

  it("rising lag sampled every 90 s over 18 minutes: falling behind, not measuring", () => {
    const trend = lagTrend(
      history(
        18,
        90,
        (t) => 10 * t,
        (t) => 12 * t,
      ),
    );
    expect(trend.status).toBe("falling-behind");
  });

  it("falling lag sampled every 90 s: catching up, with a time to zero", () => {
    const trend = lagTrend(
      history(
        18,
        90,
        (t) => 20 * t,
        (t) => 30_000 + 10 * t,
      ),
    );
    expect(trend.status).toBe("catching-up");
    expect(trend.etaSeconds).toBeGreaterThan(0);
  });

  it("zero lag: caught up", () => {
    expect(
      lagTrend(
        history(
          18,
          90,
          (t) => 5 * t,
          (t) => 5 * t,
        ),
      ).status,
    ).toBe("caught-up");
  });
});

describe("lagStatus", () => {
  it("gives lagTrend's status for every kind of history, without the samples", () => {
    const histories: TrendPoint[][] = [
      [],
      [point(0, 500, 500)],
      [point(0, 0, 500), point(5, 0, 500)],
      Array.from({ length: 20 }, (_, i) => point(i * 90, 0, 500)),
      Array.from({ length: 20 }, (_, i) => point(i * 90, i * 10, 500 + i * 30)),
      Array.from({ length: 20 }, (_, i) => point(i * 90, i * 30, 600 + i * 10)),
      Array.from({ length: 20 }, (_, i) => point(i * 5, i * 10, 500 + i * 10)),
      [point(0, 400, 500), point(30, 100, 500), point(60, 150, 500)],
    ];
    const statuses = histories.map((h) => lagStatus(h));
    expect(statuses).toEqual(histories.map((h) => lagTrend(h).status));
    // The histories cover every verdict, so the comparison above checks each of them.
    expect(new Set(statuses)).toEqual(
      new Set(["measuring", "caught-up", "stalled", "falling-behind", "catching-up", "steady"]),
    );
  });
});
