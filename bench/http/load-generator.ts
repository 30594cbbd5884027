import { Agent, request } from "node:http";

/**
 * The measuring client, run as its own process (bench/http/load.ts starts it) so it never shares an
 * event loop with a server it measures. For each asked round: `connections` keep-alive sockets,
 * each sending the next request as soon as the last answer ended, until `durationMs` has passed;
 * then the requests in flight finish (or time out). Latencies are hrtime, in milliseconds.
 */
export type LoadRound = { port: number; path: string; headers: Record<string, string>; connections: number; durationMs: number; timeoutMs: number };
export type LoadResult = {
  completed: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  bytes: number;
  elapsedMs: number;
  latenciesMs: Float64Array;
};

async function runRound(round: LoadRound): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: round.connections });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  let bytes = 0;
  const started = performance.now();
  const deadline = started + round.durationMs;
  const one = () =>
    new Promise<void>((resolve) => {
      const sent = process.hrtime.bigint();
      let isTimedOut = false;
      let isSettled = false;
      const settle = (count: () => void) => {
        if (isSettled) return;
        isSettled = true;
        count();
        resolve();
      };
      const outgoing = request({ host: "127.0.0.1", port: round.port, path: round.path, headers: round.headers, agent }, (response) => {
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () =>
          settle(() => {
            latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
            const status = String(response.statusCode);
            statuses[status] = (statuses[status] ?? 0) + 1;
          }),
        );
      });
      outgoing.setTimeout(round.timeoutMs, () => {
        isTimedOut = true;
        outgoing.destroy();
      });
      // Whatever went wrong (refused, reset, timed out), "close" comes last: count it once there.
      outgoing.on("error", () => {});
      outgoing.on("close", () => settle(() => (isTimedOut ? timeouts++ : errors++)));
      outgoing.end();
    });
  const connection = async () => {
    while (performance.now() < deadline) await one();
  };
  await Promise.all(Array.from({ length: round.connections }, connection));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return { completed: latencies.length, statuses, errors, timeouts, bytes, elapsedMs, latenciesMs: Float64Array.from(latencies) };
}

process.on("message", (round: LoadRound) => {
  void runRound(round).then((result) => process.send!(result));
});
// The benchmark that started this process is gone: nothing is left to measure for.
process.on("disconnect", () => process.exit(0));
