import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { killStartedServerProcesses, startServerProcess } from "../setup/server-process.ts";

const neverReady = ["tests/setup/never-ready-server.ts"];

/** Alive and not a zombie waiting to be reaped (PID 1 here may not reap orphans). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

async function survivorsAmong(pids: number[]): Promise<number[]> {
  for (let tries = 0; tries < 50 && pids.some(isAlive); tries++) await delay(100);
  return pids.filter(isAlive);
}

/** Runs `check` with the pids the never-ready server wrote, and kills any it left so this test never leaks them. */
async function withNeverReadyServer(check: (pidFile: string) => Promise<void>) {
  const pidFile = path.join(mkdtempSync(path.join(tmpdir(), "cradle-never-ready-")), "pids.json");
  try {
    await check(pidFile);
  } finally {
    if (existsSync(pidFile)) for (const pid of JSON.parse(readFileSync(pidFile, "utf8")) as number[]) if (isAlive(pid)) process.kill(pid, "SIGKILL");
  }
}

const pidsIn = (pidFile: string) => JSON.parse(readFileSync(pidFile, "utf8")) as number[];

describe("the server-process helper", () => {
  it("kills a server that never listens, and its children, when the start timeout passes, and says so", async () => {
    await withNeverReadyServer(async (pidFile) => {
      const started = Date.now();
      const error = await startServerProcess({ PID_FILE: pidFile }, { args: neverReady, startTimeoutMs: 3000 }).catch(
        (failure: unknown) => (failure as Error).message,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
      const [serverPid, childPid] = pidsIn(pidFile);
      expect(error).toContain(`server did not listen within 3000 ms`);
      expect(error).toContain(`killed it and its children (pid ${serverPid})`);
      expect(error).toContain("starting, and never listening");
      expect(await survivorsAmong([serverPid!, childPid!])).toEqual([]);
    });
  });

  it("kills what is still starting when the file ends (the afterAll of the process and e2e projects)", async () => {
    await withNeverReadyServer(async (pidFile) => {
      const starting = startServerProcess({ PID_FILE: pidFile }, { args: neverReady, startTimeoutMs: 600_000 }).catch(
        (failure: unknown) => (failure as Error).message,
      );
      while (!existsSync(pidFile) || readFileSync(pidFile, "utf8") === "") await delay(50);
      await killStartedServerProcesses();
      expect(await starting).toContain("server exited before listening");
      expect(await survivorsAmong(pidsIn(pidFile))).toEqual([]);
    });
  });
});
