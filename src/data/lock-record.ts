import { randomBytes } from "node:crypto";
import { closeSync, openSync, readFileSync, readlinkSync, renameSync, statSync, writeSync } from "node:fs";
import { hostname } from "node:os";

/** What a lock file says about its holder. `heartbeatAt` is rewritten every few seconds while it runs. */
export type LockRecord = { token: string; host: string; pid: number; pidNamespace: string | null; since: string; heartbeatAt: string };

/** A record as read from disk; `text` is the exact content, so a later read can tell whether it changed. */
export type ReadRecord = { record: LockRecord | undefined; text: string; heartbeatMs: number };

export function newLockRecord(now = new Date()): LockRecord {
  return { token: randomBytes(16).toString("hex"), host: hostname(), pid: process.pid, pidNamespace: currentPidNamespace(), since: now.toISOString(), heartbeatAt: now.toISOString() };
}

/** Creates the file only if nothing is there (O_EXCL); false if another one exists. */
export function createExclusive(filePath: string, record: LockRecord): boolean {
  let fd: number;
  try {
    fd = openSync(filePath, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(record));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Replaces the file in one step (rename), so a reader never sees half a heartbeat. */
export function replaceRecord(filePath: string, record: LockRecord): void {
  const temporary = `${filePath}.${record.token}.tmp`;
  const fd = openSync(temporary, "w");
  try {
    writeSync(fd, JSON.stringify(record));
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, filePath);
}

/** undefined when there is no file. A file we cannot parse (being written, or an old pid-only lock) counts from its mtime. */
export function readRecord(filePath: string): ReadRecord | undefined {
  let text: string;
  let modifiedMs: number;
  try {
    text = readFileSync(filePath, "utf8");
    modifiedMs = statSync(filePath).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const record = parseRecord(text);
  const heartbeatMs = record ? Date.parse(record.heartbeatAt) : modifiedMs;
  return { record, text: record ? text : `${text}@${modifiedMs}`, heartbeatMs };
}

/**
 * Stale when no heartbeat came for `staleAfterMs`, judged by the clock (hosts sharing a volume must
 * keep their clocks within staleAfterMs minus the heartbeat interval of each other). A pid is only
 * trusted inside the PID namespace of the same running kernel: there a holder that no longer runs
 * was killed, and its lock is taken over at once instead of after the wait.
 */
export function isStale(found: ReadRecord, staleAfterMs: number, nowMs = Date.now()): boolean {
  if (!(nowMs - found.heartbeatMs <= staleAfterMs)) return true;
  const holder = found.record;
  return holder !== undefined && holder.pidNamespace !== null && holder.pidNamespace === currentPidNamespace() && !isRunning(holder.pid);
}

function parseRecord(text: string): LockRecord | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockRecord>;
    const valid =
      typeof value.token === "string" && typeof value.host === "string" && Number.isInteger(value.pid) && typeof value.since === "string" && !Number.isNaN(Date.parse(value.heartbeatAt ?? ""));
    return valid ? { ...(value as LockRecord), pidNamespace: value.pidNamespace ?? null } : undefined;
  } catch {
    return undefined;
  }
}

let pidNamespace: string | null | undefined;

/** The kernel boot and PID namespace we run in (Linux); two containers on one host differ here. */
function currentPidNamespace(): string | null {
  if (pidNamespace !== undefined) return pidNamespace;
  try {
    pidNamespace = `${readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim()}/${readlinkSync("/proc/self/ns/pid")}`;
  } catch {
    pidNamespace = null;
  }
  return pidNamespace;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
