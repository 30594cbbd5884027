import type { Db } from "./database.ts";
import type { Locale } from "./schema.ts";

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "email", "name", "password_hash", "email_verified_at", "locale", "is_owner"])
    .where("email", "=", normalizeEmail(email))
    .executeTakeFirst();
}

export function findUserById(db: Db, id: string) {
  return db
    .selectFrom("users")
    .select(["id", "email", "name", "email_verified_at", "locale", "is_owner"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export function insertUser(db: Db, user: { email: string; name: string; passwordHash: string; locale: Locale | null }) {
  return db
    .insertInto("users")
    .values({ email: normalizeEmail(user.email), name: user.name, password_hash: user.passwordHash, locale: user.locale })
    .returning(["id", "email", "name"])
    .executeTakeFirstOrThrow();
}

/** Undefined when the address has an account already (also one written a moment ago by another transaction). */
export function insertUserUnlessTaken(db: Db, user: { email: string; name: string; passwordHash: string; locale: Locale | null }) {
  return db
    .insertInto("users")
    .values({ email: normalizeEmail(user.email), name: user.name, password_hash: user.passwordHash, locale: user.locale })
    .onConflict((conflict) => conflict.doNothing())
    .returning(["id", "email", "name"])
    .executeTakeFirst();
}

export async function markEmailVerified(db: Db, userId: string, at: Date) {
  await db.updateTable("users").set({ email_verified_at: at }).where("id", "=", userId).where("email_verified_at", "is", null).execute();
}

export async function updatePasswordHash(db: Db, userId: string, passwordHash: string) {
  await db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
}

/** False when the account had that language already. */
export async function updateUserLocale(db: Db, userId: string, locale: Locale): Promise<boolean> {
  const result = await db
    .updateTable("users")
    .set({ locale })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("locale", "is", null), eb("locale", "!=", locale)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** False when the person was an owner already. */
export async function setOwner(db: Db, userId: string): Promise<boolean> {
  const result = await db.updateTable("users").set({ is_owner: true }).where("id", "=", userId).where("is_owner", "=", false).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The names of the given people, by id (people who left are missing). */
export async function listUserNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(["id", "name"]).where("id", "in", [...ids]).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
