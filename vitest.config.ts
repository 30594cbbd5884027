import { existsSync } from "node:fs";
import { defineConfig } from "vitest/config";
import { browserWaitMs, serverStartTimeoutMs } from "./tests/setup/test-timeouts.ts";

/**
 * Test layers: pure unit tests; integration tests (HTTP + database) on the embedded PGlite and,
 * when DATABASE_URL is set, again on PostgreSQL; browser journeys in Debian's Chromium.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(chromiumPath);
const onPostgres = Boolean(process.env.DATABASE_URL);
if (!hasChromium) {
  if (process.env.CI) throw new Error(`Browser tests need Chromium at ${chromiumPath}; .ci/run installs it with apt-get.`);
  console.warn(`\n!! Chromium not found at ${chromiumPath}: the browser tests are NOT run. Install it with: apt-get install chromium\n`);
}
if (!onPostgres) {
  console.warn("\n!! DATABASE_URL is not set: the integration tests run on PGlite only (CI runs them on PostgreSQL too).\n");
}

const integrationFiles = ["tests/integration/**/*.test.ts", "tests/authz/**/*.test.ts"];
// expect.poll waits as long as a browser step may (its own default, 1 s, is short for a busy CI host).
const shared = { environment: "node", testTimeout: 30_000, hookTimeout: 60_000, env: { TZ: "UTC" }, expect: { poll: { timeout: browserWaitMs() } } } as const;
// Tests that start whole servers: from a migrated template folder, killed after each file whatever happened,
// and given time for several slow starts (CRADLE_TEST_START_TIMEOUT_MS each).
const serverTests = {
  globalSetup: ["tests/setup/migrated-template-setup.ts"],
  setupFiles: ["tests/setup/kill-started-servers.ts"],
  testTimeout: 6 * serverStartTimeoutMs(),
  hookTimeout: 2 * serverStartTimeoutMs(),
};

export default defineConfig({
  test: {
    pool: "forks",
    maxWorkers: 2,
    projects: [
      { test: { ...shared, name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        // One PGlite per worker, a fresh schema per test file: starting PGlite takes seconds.
        test: { ...shared, name: "pglite", include: integrationFiles, isolate: false, env: { ...shared.env, CRADLE_TEST_DATABASE: "pglite" } },
      },
      ...(onPostgres
        ? [{ test: { ...shared, name: "postgres", include: integrationFiles, isolate: false, env: { ...shared.env, CRADLE_TEST_DATABASE: "postgres" } } }]
        : []),
      // Whole server processes (start-up, shutdown, SIGKILL); the PostgreSQL case runs when DATABASE_URL is set.
      { test: { ...shared, ...serverTests, name: "process", include: ["tests/process/**/*.test.ts"] } },
      ...(hasChromium
        ? [{ test: { ...shared, ...serverTests, name: "e2e", include: ["tests/e2e/**/*.test.ts"], env: { ...shared.env, CHROMIUM_PATH: chromiumPath } } }]
        : []),
    ],
  },
});
