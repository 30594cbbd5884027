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
};
