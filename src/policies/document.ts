import { hasRole, type MaybeActor } from "./actor.ts";

/**
 * A document is read by its owner, by staff of an association the owner has applied to, and by a
 * reviewer assigned to one of the owner's applications. Nobody else, owners of the installation included.
 */
export const documentPolicy = {
  read: (actor: MaybeActor, document: { user_id: string }, access: { appliedAssociationIds: readonly string[]; isAssignedReviewer: boolean }) =>
    actor !== null &&
    (actor.userId === document.user_id || access.isAssignedReviewer || access.appliedAssociationIds.some((id) => hasRole(actor, id, "staff", "admin"))),
};
