import type { Db } from "../data/database.ts";
import { extendSession } from "../data/sessions.ts";

const day = 24 * 60 * 60 * 1000;

export const sessionLifetimeMs = 30 * day;

/**
 * Sliding expiry: an active person is not logged out in the middle of their work. Upkeep, not a
 * person's change, so it runs outside the command runner and writes no audit entry (at most once a day per session).
 */
export async function keepSessionAlive(db: Db, session: { idHash: string; expiresAt: Date }, now: Date) {
  if (session.expiresAt.getTime() - now.getTime() < sessionLifetimeMs - day) {
    await extendSession(db, session.idHash, new Date(now.getTime() + sessionLifetimeMs));
  }
}
