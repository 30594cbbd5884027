import type { Db } from "./database.ts";

export async function insertSession(db: Db, session: { idHash: string; userId: string; expiresAt: Date }) {
  await db.insertInto("sessions").values({ id: session.idHash, user_id: session.userId, expires_at: session.expiresAt }).execute();
}

/** The signed-in user behind a session, with the roles they hold in each association. */
export async function findSessionUser(db: Db, idHash: string, now: Date) {
  const user = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["users.id", "users.email", "users.name", "users.locale", "users.is_owner", "sessions.expires_at"])
    .where("sessions.id", "=", idHash)
    .where("sessions.expires_at", ">", now)
    .executeTakeFirst();
  if (!user) return undefined;
  const roles = await db
    .selectFrom("association_roles")
    .select(["association_id", "role"])
    .where("user_id", "=", user.id)
    .execute();
  return { ...user, roles };
}

export async function extendSession(db: Db, idHash: string, expiresAt: Date) {
  await db.updateTable("sessions").set({ expires_at: expiresAt }).where("id", "=", idHash).execute();
}

/** Ends one session of the user; false when it was already gone. */
export async function deleteSession(db: Db, idHash: string, userId: string): Promise<boolean> {
  const result = await db.deleteFrom("sessions").where("id", "=", idHash).where("user_id", "=", userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function deleteSessionsOfUser(db: Db, userId: string) {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

export async function deleteExpiredSessions(db: Db, now: Date) {
  await db.deleteFrom("sessions").where("expires_at", "<=", now).execute();
}
