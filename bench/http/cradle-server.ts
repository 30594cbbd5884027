import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { type Child, startNodeChild, stopChild } from "./child-processes.ts";

export type StartUp = { wallMs: number; cpuMs: number | undefined };
export type CradleServer = { url: string; port: number; child: Child; startUp: StartUp };

/**
 * Starts the built server as `NODE_ENV=production node server.ts` on a free port and waits for the
 * first 200 of `/healthz`; the start-up time is from spawn to that answer, with the CPU the child
 * used meanwhile (Linux only: read from /proc).
 */
export async function startCradleServer(env: Record<string, string>, startTimeoutMs: number): Promise<CradleServer> {
  const port = await freePort();
  const started = performance.now();
  const child = startNodeChild(["server.ts"], { env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", LOG_LEVEL: "info", PORT: String(port), ...env } });
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  void child.exited.then(() => (exited = true));
  try {
    while (!(await answersHealthy(url))) {
      if (exited) throw new Error(`the server exited before answering:\n${child.output()}`);
      if (performance.now() - started > startTimeoutMs)
        throw new Error(`the server did not answer /healthz within ${startTimeoutMs} ms (raise --start-timeout on a slow machine):\n${child.output()}`);
      await sleep(20);
    }
    const startUp = { wallMs: performance.now() - started, cpuMs: cpuMsOf(child.pid) };
    return { url, port, child, startUp };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

/**
 * Waits (at most `timeoutMs`) until `/healthz` answers within `quickMs`: requests the load generator
 * gave up on may still be rendering, and must not be counted against the next measurement.
 */
export async function untilIdle(url: string, timeoutMs: number, quickMs = 250): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const asked = performance.now();
    if ((await answersHealthy(url, timeoutMs)) && performance.now() - asked < quickMs) return;
    await sleep(50);
  }
}

async function answersHealthy(url: string, timeoutMs = 2_000): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** User plus system CPU time of a process so far, from /proc/<pid>/stat (clock ticks of 10 ms on Linux). */
function cpuMsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
