/**
 * How long a test waits for a server process to listen. A cold start took 42-49 s on a busy
 * 2-core machine shared by several test runs, so the default is generous; CI or a slow machine
 * can raise it with CRADLE_TEST_START_TIMEOUT_MS.
 */
export function serverStartTimeoutMs(): number {
  const fromEnvironment = Number(process.env.CRADLE_TEST_START_TIMEOUT_MS);
  return Number.isFinite(fromEnvironment) && fromEnvironment > 0 ? fromEnvironment : 120_000;
}
