import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { HttpBenchOptions } from "./run-http.ts";
import type { Driver } from "./volume.ts";

const usage = `npm run bench -- http [--db pglite|postgres|both] [--applicants 20000] [--applications 5000]
  [--duration 5] (seconds per round) [--rounds 3] [--connections 20] [--warm-up 1] [--timeout 30] (seconds per request)
  [--start-timeout 120] [--cache-dir DIR] [--postgres-url postgres://postgres@127.0.0.1:5432]`;

/** The command line of the HTTP benchmark; defaults are issue 18's volume. */
export function parseHttpOptions(args: string[]): HttpBenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: "string", default: "both" },
      applicants: { type: "string", default: "20000" },
      applications: { type: "string", default: "5000" },
      duration: { type: "string", default: "5" },
      rounds: { type: "string", default: "3" },
      connections: { type: "string", default: "20" },
      "warm-up": { type: "string", default: "1" },
      timeout: { type: "string", default: "30" },
      "start-timeout": { type: "string", default: "120" },
      "cache-dir": { type: "string", default: path.join(os.tmpdir(), "cradle-bench") },
      "postgres-url": { type: "string", default: process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres" },
    },
  });
  const drivers: Record<string, Driver[]> = { pglite: ["pglite"], postgres: ["postgres"], both: ["pglite", "postgres"] };
  const number = (name: keyof typeof values, min: number) => {
    const value = Number(values[name]);
    if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number of at least ${min}\n${usage}`);
    return value;
  };
  if (!drivers[values.db]) throw new Error(`--db must be pglite, postgres or both\n${usage}`);
  if (number("applications", 1) > number("applicants", 1)) throw new Error(`--applications must not exceed --applicants (one application each)\n${usage}`);
  return {
    drivers: drivers[values.db]!,
    volume: { applicants: number("applicants", 1), applications: number("applications", 1) },
    connections: number("connections", 1),
    roundMs: number("duration", 0.1) * 1000,
    rounds: number("rounds", 1),
    warmUpMs: number("warm-up", 0) * 1000,
    requestTimeoutMs: number("timeout", 1) * 1000,
    startTimeoutMs: number("start-timeout", 1) * 1000,
    cacheDir: values["cache-dir"],
    postgresUrl: values["postgres-url"],
    measuresFreshStartUp: true,
  };
}
