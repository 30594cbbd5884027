/**
 * How long a test waits for a server process to listen. A cold start took 42-49 s on a busy
 * 2-core machine shared by several test runs, so the default is generous; CI or a slow machine
 * can raise it with CRADLE_TEST_START_TIMEOUT_MS.
 */
export function serverStartTimeoutMs(): number {
  const fromEnvironment = Number(process.env.CRADLE_TEST_START_TIMEOUT_MS);
  return Number.isFinite(fromEnvironment) && fromEnvironment > 0 ? fromEnvironment : 120_000;
}

/**
 * How long a browser test waits for a control, a page or a mail before it fails: long enough for a
 * CI host busier than this one (a 10 s wait once ran out there on a step that takes under a second
 * here); CRADLE_TEST_BROWSER_TIMEOUT_MS sets it.
 */
export function browserWaitMs(): number {
  const fromEnvironment = Number(process.env.CRADLE_TEST_BROWSER_TIMEOUT_MS);
  return Number.isFinite(fromEnvironment) && fromEnvironment > 0 ? fromEnvironment : 30_000;
}
