import { hashToken } from "../auth/tokens.ts";
import { listRolesOfUser } from "../data/association-roles.ts";
import type { Db } from "../data/database.ts";
import { findLiveEmailToken } from "../data/email-tokens.ts";
import type { EmailTokenPurpose } from "../data/schema.ts";
import { findUserById } from "../data/users.ts";
import type { SessionActor } from "../policies/actor.ts";

/** /account: the person's own name, email, owner flag and roles. */
export async function accountPage(db: Db, actor: SessionActor) {
  const [user, roles] = await Promise.all([findUserById(db, actor.userId), listRolesOfUser(db, actor.userId)]);
  return {
    name: user?.name ?? "",
    email: user?.email ?? "",
    isOwner: user?.is_owner ?? false,
    roles: roles.map((role) => ({ slug: role.slug, name: role.name, role: role.role })),
  };
}

/**
 * The emailed link behind a token, while it is unused and unexpired: its id names the link holder
 * in the audit log. Null for a used, expired or unknown token.
 */
export async function liveEmailLink(db: Db, purpose: EmailTokenPurpose, token: string, now: Date): Promise<{ linkId: string } | null> {
  if (token === "") return null;
  const found = await findLiveEmailToken(db, purpose, hashToken(token), now);
  return found ? { linkId: found.id } : null;
}
