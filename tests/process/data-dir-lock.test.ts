import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, type DataDirLock, DataDirLockedError } from "../../src/data/data-dir-lock.ts";

const held: DataDirLock[] = [];
const contenders: ChildProcess[] = [];
afterEach(() => {
  for (const lock of held.splice(0)) lock.release();
  for (const child of contenders.splice(0)) child.kill("SIGKILL");
});

const freshDataDir = () => mkdtempSync(path.join(tmpdir(), "cradle-lock-"));
const lockFile = (dataDir: string) => path.join(dataDir, "cradle.lock");
const secondsAgo = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();

/** A lock as another container or host writes it: its pid means nothing here. */
function writeForeignLock(dataDir: string, pid: number, heartbeatAt: string) {
  const record = { token: "their-token", host: "other-container", pid, pidNamespace: "another-boot/pid:[1]", since: "2026-11-20T08:00:00.000Z", heartbeatAt };
  writeFileSync(lockFile(dataDir), JSON.stringify(record));
}

async function acquire(dataDir: string, options?: Parameters<typeof acquireDataDirLock>[1]) {
  const lock = await acquireDataDirLock(dataDir, options);
  held.push(lock);
  return lock;
}

describe("the data-folder lock", () => {
  it.each([
    ["this process's own pid", process.pid],
    ["pid 1", 1],
  ])("refuses a lock with a fresh heartbeat from another PID namespace whose holder has %s", async (_name, pid) => {
    const dataDir = freshDataDir();
    writeForeignLock(dataDir, pid, secondsAgo(2));
    const refused = await acquire(dataDir).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as Error).message).toContain(
      `Another Cradle process (pid ${pid} on other-container, since 2026-11-20T08:00:00.000Z) is using the data folder ${dataDir}`,
    );
    expect(JSON.parse(readFileSync(lockFile(dataDir), "utf8")).token).toBe("their-token");
  });

  it("takes over a lock whose heartbeat stopped, even if its pid runs here", async () => {
    const dataDir = freshDataDir();
    writeForeignLock(dataDir, 1, secondsAgo(60));
    await acquire(dataDir);
    expect(JSON.parse(readFileSync(lockFile(dataDir), "utf8"))).toMatchObject({ pid: process.pid });
  });

  it("keeps its heartbeat fresh while held, so a waiting starter is still refused after the stale limit", async () => {
    const dataDir = freshDataDir();
    await acquire(dataDir, { heartbeatEveryMs: 50, staleAfterMs: 400 });
    await delay(1000);
    await expect(acquireDataDirLock(dataDir, { staleAfterMs: 400 })).rejects.toThrow(DataDirLockedError);
  });

  it("releases only a lock that is still its own, and notices when it was taken", async () => {
    const dataDir = freshDataDir();
    const lost: string[] = [];
    const lock = await acquire(dataDir, { heartbeatEveryMs: 50, onLost: (message) => lost.push(message) });
    writeForeignLock(dataDir, 1, secondsAgo(0));
    await delay(300);
    expect(lost).toEqual([expect.stringContaining("Another process took the lock")]);
    lock.release();
    expect(JSON.parse(readFileSync(lockFile(dataDir), "utf8")).token).toBe("their-token");
  });

  it("lets exactly one of two starters take over one stale lock (10 races)", async () => {
    for (let race = 0; race < 10; race++) {
      const dataDir = freshDataDir();
      writeForeignLock(dataDir, 1, secondsAgo(60));
      const racers = await raceForLock(dataDir, 2);
      expect(racers.map((racer) => racer.outcome).sort(), `race ${race}`).toEqual(["refused", "won"]);
      for (const racer of racers) racer.child.stdin.end();
      await Promise.all(racers.map((racer) => racer.exited));
      contenders.splice(0);
      expect(existsSync(lockFile(dataDir)), `race ${race}: the winner released on exit`).toBe(false);
    }
  });
});

/** Starts `count` processes, lets them all try at once, and returns what each one said. */
async function raceForLock(dataDir: string, count: number) {
  const racers = Array.from({ length: count }, () => {
    const child = spawn(process.execPath, ["tests/setup/lock-contender.ts", dataDir], { stdio: ["pipe", "pipe", "inherit"] });
    contenders.push(child);
    const exited = once(child, "exit");
    let said = "";
    child.stdout.on("data", (chunk: Buffer) => (said += chunk.toString()));
    const saidLine = async (index: number) => {
      while (said.split("\n").length <= index + 1) {
        if (child.exitCode !== null) throw new Error(`contender exited early: ${said}`);
        await delay(5);
      }
      return said.split("\n")[index]!;
    };
    return { child, exited, saidLine };
  });
  await Promise.all(racers.map(async (racer) => expect(await racer.saidLine(0)).toBe("ready")));
  for (const racer of racers) racer.child.stdin.write("go\n");
  return Promise.all(racers.map(async (racer) => ({ ...racer, outcome: await racer.saidLine(1) })));
}
