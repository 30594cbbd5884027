import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { isAlive, startedPids } from "../../bench/http/child-processes.ts";
import { reportTables } from "../../bench/http/report-table.ts";
import { type HttpBenchOptions, runHttpBench } from "../../bench/http/run-http.ts";
import { type Driver, postgresDatabaseName, withDatabase } from "../../bench/http/volume.ts";
import { serverStartTimeoutMs } from "../setup/test-timeouts.ts";

// The HTTP benchmark at a tiny volume with one short round: the harness works, not how fast Cradle is
// (the load it makes takes both cores from the tests running beside it, so it is kept brief).
const cacheDir = mkdtempSync(path.join(os.tmpdir(), "cradle-bench-smoke-"));
const postgresUrl = process.env.DATABASE_URL;
const drivers: Driver[] = postgresUrl ? ["pglite", "postgres"] : ["pglite"];
const options: HttpBenchOptions = {
  drivers,
  volume: { applicants: 30, applications: 5 },
  connections: 20,
  roundMs: Number(process.env.BENCH_SMOKE_ROUND_MS ?? 500),
  rounds: 1,
  warmUpMs: 200,
  requestTimeoutMs: Number(process.env.TEST_ANSWER_TIMEOUT_MS ?? 30_000),
  startTimeoutMs: serverStartTimeoutMs(),
  cacheDir,
  postgresUrl: postgresUrl ?? "postgres://unused",
  measuresFreshStartUp: true,
};

afterAll(async () => {
  rmSync(cacheDir, { recursive: true, force: true });
  if (postgresUrl) await dropDatabase(postgresDatabaseName(options.volume, cacheDir));
});

describe("npm run bench -- http, at a tiny volume", () => {
  it("measures every page on Cradle and on the floor, captures the right pages, and stops every process it started", async () => {
    const before = startedPids.length;
    const result = await runHttpBench(options, () => {});

    expect(result.freshStartUp?.wallMs).toBeGreaterThan(0);
    expect(result.freshStartUp?.cpuMs).toBeGreaterThan(0);
    expect(result.drivers.map((each) => each.driver)).toEqual(drivers);
    for (const { pages, startOnVolume } of result.drivers) {
      expect(startOnVolume.wallMs).toBeGreaterThan(0);
      expect(pages.map((each) => each.page.name)).toEqual([
        "home",
        "association",
        "verification",
        "progress",
        "portfolio",
        "staff applications",
        "application file",
      ]);
      for (const { page, captured, javascript, cradle, floor } of pages) {
        // The staff list's check is a link to the logged-in applicant's application: the list shows it.
        expect(captured, page.name).toMatchObject({ status: 200, showsExpected: true });
        expect(cradle.completed, page.name).toBeGreaterThan(0);
        expect(cradle.otherStatuses, page.name).toEqual({});
        expect(cradle.p50).toBeLessThanOrEqual(cradle.p95);
        expect(cradle.p95).toBeLessThanOrEqual(cradle.p99);
        // The floor replays exactly the captured bytes (a cached public page may answer as fast: no race between them here).
        expect(floor.meanBytes, page.name).toBe(captured.bytes);
        expect(floor.otherStatuses).toEqual({});
        expect(floor.errors + floor.timeouts).toBe(0);
        expect(floor.requestsPerSecond, page.name).toBeGreaterThan(0);
        // Pages anyone may open send no script (decision 022); signed-in pages hydrate.
        if (page.as === "anonymous") expect(javascript, page.name).toMatchObject({ files: 0, raw: 0, gzip: 0 });
        else expect(javascript.gzip, page.name).toBeLessThan(javascript.raw);
      }
    }
    const table = reportTables(result, options);
    for (const driver of drivers) expect(table).toContain(`| ${driver} | staff applications`);

    const started = startedPids.slice(before);
    // The fresh start-up's server, the load generator, and per database the server and the floor.
    expect(started).toHaveLength(2 + 2 * drivers.length);
    expect(started.filter(isAlive)).toEqual([]);
  });

  it("stops every process it started when a run fails half-way", async () => {
    const before = startedPids.length;
    // Nobody applied: the run fails looking for an application, with the servers and the load generator running.
    const failing = { ...options, drivers: ["pglite" as const], volume: { applicants: 3, applications: 0 }, measuresFreshStartUp: false };
    await expect(runHttpBench(failing, () => {})).rejects.toThrow(/links to no application/);

    const started = startedPids.slice(before);
    // The load generator and the server on the volume.
    expect(started).toHaveLength(2);
    expect(started.filter(isAlive)).toEqual([]);
  });
});

async function dropDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(postgresUrl!, "postgres") });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name}`);
  } finally {
    await client.end();
  }
}
