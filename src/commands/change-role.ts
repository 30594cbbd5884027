import { deleteRole, insertRole } from "../data/association-roles.ts";
import { appendAudit } from "../data/audit-log.ts";
import { enqueueMail } from "../data/outbox.ts";
import type { Association, AssociationRole } from "../data/schema.ts";
import { findUserByEmail } from "../data/users.ts";
import { roleGrantedMail } from "../mail/templates.ts";
import { type Actor, type CommandContext, fail, ok, type Result } from "./command-context.ts";
import { notifyUser } from "./notify.ts";

type AssociationRef = Pick<Association, "id" | "name" | "slug" | "locale">;

/** Gives an existing account a role in the association and tells them by mail. */
export async function grantRole(
  context: CommandContext,
  actor: Actor,
  association: AssociationRef,
  input: { email: string; role: AssociationRole },
): Promise<Result<{ userId: string }>> {
  return context.db.transaction().execute(async (tx) => {
    const user = await findUserByEmail(tx, input.email);
    if (!user) return fail({ email: "error.noSuchUser" });
    const isNew = await insertRole(tx, user.id, association.id, input.role);
    if (isNew) {
      await appendAudit(tx, {
        actorUserId: actor.userId,
        associationId: association.id,
        action: "role.granted",
        subjectType: "user",
        subjectId: user.id,
        details: { role: input.role },
      });
      const mail = roleGrantedMail(user.locale ?? association.locale, user.name, association.name, `role.${input.role}`, `${context.baseUrl}/a/${association.slug}`);
      await enqueueMail(tx, { kind: "role-granted", userId: user.id, to: user.email, ...mail });
    }
    return ok({ userId: user.id });
  });
}

export async function revokeRole(
  context: CommandContext,
  actor: Actor,
  associationId: string,
  input: { userId: string; role: AssociationRole },
): Promise<boolean> {
  return context.db.transaction().execute(async (tx) => {
    const removed = await deleteRole(tx, input.userId, associationId, input.role);
    if (removed) {
      await appendAudit(tx, {
        actorUserId: actor.userId,
        associationId,
        action: "role.revoked",
        subjectType: "user",
        subjectId: input.userId,
        details: { role: input.role },
      });
    }
    return removed;
  });
}

/** A signed-in person joins an association as a member, so its categories show in their progress and they can apply. */
export async function joinAssociation(context: CommandContext, actor: Actor & { userId: string }, association: AssociationRef): Promise<boolean> {
  return context.db.transaction().execute(async (tx) => {
    const isNew = await insertRole(tx, actor.userId, association.id, "member");
    if (isNew) {
      await appendAudit(tx, { actorUserId: actor.userId, associationId: association.id, action: "membership.joined", subjectType: "user", subjectId: actor.userId, details: {} });
      const what = { en: `You joined ${association.name}. Your progress toward its endorsement categories is on Cradle.`, es: `Se unió a ${association.name}. Su progreso hacia sus categorías de acreditación está en Cradle.` };
      await notifyUser(tx, context, actor.userId, "association-joined", what, "/progress");
    }
    return isNew;
  });
}
