import { hasRole, type MaybeActor } from "./actor.ts";

/**
 * A document is read by its owner, and by staff of an association the owner has applied to
 * (assigned reviewers join with the review issue). Nobody else, owners of the installation included.
 */
export const documentPolicy = {
  read: (actor: MaybeActor, document: { user_id: string }, appliedAssociationIds: readonly string[]) =>
    actor !== null && (actor.userId === document.user_id || appliedAssociationIds.some((id) => hasRole(actor, id, "staff", "admin"))),
};
