import { hasRole, type MaybeActor } from "./actor.ts";

/**
 * An applicant sees and acts on their own applications. A submitted application's file (the frozen
 * portfolio, references, documents) is read by the association's staff and by reviewers assigned to it;
 * not by other reviewers, other associations, or the installation's owners.
 */
export const applicationPolicy = {
  applyAsMember: (actor: MaybeActor) => actor !== null,
  readFile: (actor: MaybeActor, application: { association_id: string }, isAssignedReviewer: boolean) =>
    actor !== null && (isAssignedReviewer || hasRole(actor, application.association_id, "staff", "admin")),
  /** The applicant's email is for staff, who write to them; reviewers see the name only. */
  readContact: (actor: MaybeActor, application: { association_id: string }) => hasRole(actor, application.association_id, "staff", "admin"),
  /** The outcome of a review is the association's staff's to decide (not the installation's owners'). */
  decide: (actor: MaybeActor, application: { association_id: string }) => hasRole(actor, application.association_id, "staff", "admin"),
  /** A letter is its applicant's, and the association's staff who sent it may read it too. */
  readLetters: (actor: MaybeActor, application: { association_id: string; user_id: string }) =>
    actor !== null && (actor.userId === application.user_id || hasRole(actor, application.association_id, "staff", "admin")),
};
