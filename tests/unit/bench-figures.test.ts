import { describe, expect, it } from "vitest";
import { figuresOf, percentile } from "../../bench/http/figures.ts";
import type { LoadResult } from "../../bench/http/load-generator.ts";

const round = (latencies: number[], elapsedMs: number, statuses: Record<string, number>, extra: Partial<LoadResult> = {}): LoadResult => ({
  completed: latencies.length,
  statuses,
  errors: 0,
  timeouts: 0,
  bytes: latencies.length * 100,
  elapsedMs,
  latenciesMs: Float64Array.from(latencies),
  ...extra,
});

describe("the HTTP benchmark's figures", () => {
  it("takes percentiles by nearest rank over sorted latencies", () => {
    const sorted = Float64Array.from({ length: 100 }, (_, index) => index + 1);
    expect([percentile(sorted, 0.5), percentile(sorted, 0.95), percentile(sorted, 0.99)]).toEqual([50, 95, 99]);
    expect(percentile(Float64Array.of(7), 0.99)).toBe(7);
    expect(percentile(new Float64Array(0), 0.5)).toBeNaN();
  });

  it("adds rounds up: requests over their total time, percentiles over every request, what was not a 200", () => {
    const figures = figuresOf([round([30, 10, 20], 1_000, { "200": 2, "500": 1 }), round([40], 1_000, { "200": 1 }, { errors: 2, timeouts: 1 })]);
    expect(figures).toMatchObject({
      completed: 4,
      requestsPerSecond: 2,
      p50: 20,
      p99: 40,
      otherStatuses: { "500": 1 },
      errors: 2,
      timeouts: 1,
      meanBytes: 100,
    });
  });

  it("says nothing was measured rather than dividing by zero", () => {
    expect(figuresOf([round([], 0, {}, { timeouts: 20 })])).toMatchObject({ completed: 0, requestsPerSecond: 0, meanBytes: 0, timeouts: 20 });
  });
});
