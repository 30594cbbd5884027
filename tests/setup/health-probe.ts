import { setTimeout as sleep } from "node:timers/promises";
import { answerTimeoutMs } from "./raw-http.ts";

/**
 * Asks `/healthz` again and again while `work` runs (the first time `firstAfterMs` after the start,
 * then every `everyMs`), and returns the slowest answer, timed from when each ask was due. The test
 * app runs in the test's own process: a server blocked by the work delays the ask itself, so timing
 * from the moment it was due counts that delay too.
 */
export async function slowestHealthAnswerWhile<T>(
  baseUrl: string,
  work: Promise<T>,
  { firstAfterMs = 30, everyMs = 150 }: { firstAfterMs?: number; everyMs?: number } = {},
): Promise<{ result: T; slowestMs: number; asks: number }> {
  let settled = false;
  const watched = work.finally(() => (settled = true));
  const start = performance.now();
  let slowestMs = 0;
  let asks = 0;
  const probe = async () => {
    for (let i = 0; asks === 0 || !settled; i++) {
      const due = start + firstAfterMs + i * everyMs;
      await sleep(Math.max(0, due - performance.now()));
      if (asks > 0 && settled) break;
      const response = await fetch(new URL("/healthz", baseUrl), { signal: AbortSignal.timeout(answerTimeoutMs) });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`/healthz answered ${response.status}`);
      slowestMs = Math.max(slowestMs, performance.now() - due);
      asks++;
    }
  };
  const [result] = await Promise.all([watched, probe()]);
  return { result, slowestMs, asks };
}
