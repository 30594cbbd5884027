import type { LoadResult } from "./load-generator.ts";

export type Figures = {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  completed: number;
  /** Answers other than 200, by status. */
  otherStatuses: Record<string, number>;
  errors: number;
  timeouts: number;
  meanBytes: number;
};

/** Rounds of one page on one server, added up: throughput over the rounds' total time, percentiles over every request. */
export function figuresOf(rounds: LoadResult[]): Figures {
  const latencies = Float64Array.from(rounds.flatMap((round) => [...round.latenciesMs])).sort();
  const completed = latencies.length;
  const seconds = rounds.reduce((sum, round) => sum + round.elapsedMs, 0) / 1000;
  const otherStatuses: Record<string, number> = {};
  for (const round of rounds)
    for (const [status, count] of Object.entries(round.statuses)) if (status !== "200") otherStatuses[status] = (otherStatuses[status] ?? 0) + count;
  return {
    requestsPerSecond: seconds > 0 ? completed / seconds : 0,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    completed,
    otherStatuses,
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    timeouts: rounds.reduce((sum, round) => sum + round.timeouts, 0),
    meanBytes: completed > 0 ? rounds.reduce((sum, round) => sum + round.bytes, 0) / completed : 0,
  };
}

/** Nearest rank on sorted values; NaN when there are none. */
export function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}
