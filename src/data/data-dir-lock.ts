import { unlinkSync } from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { createExclusive, isStale, type LockRecord, newLockRecord, type ReadRecord, readRecord, replaceRecord } from "./lock-record.ts";

export type DataDirLock = { release(): void };

export type DataDirLockOptions = {
  /** A lock with no heartbeat for this long is taken over. */
  staleAfterMs?: number;
  heartbeatEveryMs?: number;
  /** Called when another process has taken our lock (we were paused longer than staleAfterMs). */
  onLost?: (message: string) => void;
};

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

const attempts = 50;

/**
 * PGlite does not lock its folder, and two processes writing one folder silently lose data. We
 * hold `<dataDir>/cradle.lock` while the database is open: created with O_EXCL, it names its holder
 * (host, pid, since) and carries a random token and a heartbeat rewritten every few seconds. A pid
 * alone proves nothing across containers (each server may be PID 1 of its own) or hosts sharing a
 * volume, so a lock is taken over only when its heartbeat stopped (decision 013).
 */
export async function acquireDataDirLock(dataDir: string, options: DataDirLockOptions = {}): Promise<DataDirLock> {
  const lockPath = path.join(dataDir, "cradle.lock");
  const staleAfterMs = options.staleAfterMs ?? 30_000;
  const own = newLockRecord();
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (createExclusive(lockPath, own)) return hold(lockPath, own, options.heartbeatEveryMs ?? 5_000, options.onLost ?? exitOnLostLock);
    const found = readRecord(lockPath);
    if (found === undefined) continue;
    if (!isStale(found, staleAfterMs)) {
      if (found.record) throw new DataDirLockedError(describeHolder(found.record, dataDir, staleAfterMs));
    } else if (removeIfStillStale(lockPath, found, own, staleAfterMs)) {
      continue;
    }
    // Someone else is taking the stale lock over, or writing a new one: look again shortly.
    await delay(10 + Math.random() * 40);
  }
  throw new DataDirLockedError(`Could not lock the data folder ${dataDir}; another process keeps taking it.`);
}

/**
 * Removing a stale lock is the unsafe step: two starters that both read the same stale lock would
 * both delete "it", and the second would delete the first one's new lock. So only the starter that
 * creates `<lock>.takeover` (O_EXCL, one winner) may delete, and only after re-reading that the lock
 * is still byte for byte the stale one; then it competes for the lock by O_EXCL like anyone. Renaming
 * a fresh file over the stale one would not do: a rename does not check what it replaces. A taker
 * killed in between leaves a marker that goes stale in turn and is removed the same way.
 * The limit of any lease: a holder paused longer than staleAfterMs loses its lock; its next
 * heartbeat sees another token and it stops (onLost).
 */
function removeIfStillStale(lockPath: string, stale: ReadRecord, own: LockRecord, staleAfterMs: number): boolean {
  const markerPath = `${lockPath}.takeover`;
  if (!createExclusive(markerPath, own)) {
    const marker = readRecord(markerPath);
    if (marker && isStale(marker, staleAfterMs)) removeIfStillStale(markerPath, marker, own, staleAfterMs);
    return false;
  }
  try {
    const again = readRecord(lockPath);
    if (again && again.text === stale.text && isStale(again, staleAfterMs)) unlinkIfPresent(lockPath);
    return true;
  } finally {
    unlinkIfPresent(markerPath);
  }
}

function hold(lockPath: string, own: LockRecord, heartbeatEveryMs: number, onLost: (message: string) => void): DataDirLock {
  const isOurs = () => readRecord(lockPath)?.record?.token === own.token;
  const heartbeat = setInterval(() => {
    try {
      if (!isOurs()) {
        clearInterval(heartbeat);
        onLost(`Another process took the lock ${lockPath} while this one was not answering; stopping before both write the database.`);
        return;
      }
      replaceRecord(lockPath, { ...own, heartbeatAt: new Date().toISOString() });
    } catch {
      // A disk hiccup: the next beat tries again; only a long silence makes the lock stale.
    }
  }, heartbeatEveryMs);
  heartbeat.unref();
  return {
    release() {
      clearInterval(heartbeat);
      if (isOurs()) unlinkIfPresent(lockPath);
    },
  };
}

function describeHolder(holder: LockRecord, dataDir: string, staleAfterMs: number): string {
  return (
    `Another Cradle process (pid ${holder.pid} on ${holder.host}, since ${holder.since}) is using the data folder ${dataDir}. ` +
    "Stop it first, or start this one with another DATA_DIR or a DATABASE_URL. " +
    `If it is gone without stopping, its lock is taken over ${Math.round(staleAfterMs / 1000)} s after its last heartbeat (${holder.heartbeatAt}).`
  );
}

function exitOnLostLock(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

function unlinkIfPresent(filePath: string): void {
  try {
    unlinkSync(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
