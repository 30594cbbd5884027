import type { Logger } from "pino";
import type { Db } from "../data/database.ts";
import { deleteStaleEmailTokens } from "../data/email-tokens.ts";
import { deleteStaleHits } from "../data/rate-limits.ts";
import { deleteExpiredSessions } from "../data/sessions.ts";

const day = 24 * 60 * 60 * 1000;

/** Removes what has no use any more: expired sessions, old links, finished rate-limit windows. */
export async function purgeExpiredRecords(db: Db, now: Date): Promise<void> {
  await deleteExpiredSessions(db, now);
  await deleteStaleEmailTokens(db, new Date(now.getTime() - 7 * day));
  await deleteStaleHits(db, new Date(now.getTime() - day));
}

/** Runs the purge once an hour; failures are logged and tried again next time. */
export function startHousekeeping(db: Db, logger: Logger, now: () => Date): { stop(): void } {
  const timer = setInterval(() => {
    purgeExpiredRecords(db, now()).catch((error) => logger.warn({ err: error }, "housekeeping failed"));
  }, 60 * 60 * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
