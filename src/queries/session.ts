import { hashToken } from "../auth/tokens.ts";
import type { Db } from "../data/database.ts";
import { isDatabaseUnreachable } from "../data/database-errors.ts";
import type { Locale } from "../data/schema.ts";
import { findSessionUser } from "../data/sessions.ts";
import type { SessionActor } from "../policies/actor.ts";

/** The person behind a session cookie, as every page sees them (never their password hash). */
export type SignedInPerson = SessionActor & { name: string; email: string; locale: Locale | null };

/** The database cannot be reached (as opposed to a bad query): the page answers 503. */
export class DatabaseUnreachableError extends Error {}

/** The live session of a cookie's token, with its person and their roles; null when unknown or expired. */
export async function readSession(db: Db, sessionToken: string, now: Date): Promise<{ person: SignedInPerson; idHash: string; expiresAt: Date } | null> {
  const idHash = hashToken(sessionToken);
  const found = await findSessionUser(db, idHash, now).catch((error: unknown) => {
    if (isDatabaseUnreachable(error)) throw new DatabaseUnreachableError("database unreachable", { cause: error });
    throw error;
  });
  if (!found) return null;
  return {
    person: { kind: "person", userId: found.id, name: found.name, email: found.email, locale: found.locale, isOwner: found.is_owner, roles: found.roles },
    idHash,
    expiresAt: found.expires_at,
  };
}
