import { hasRole, type MaybeActor } from "./actor.ts";

type AssociationRef = { id: string };

/** Who may do what with an association. Owners run the installation; admins run their own association. */
export const associationPolicy = {
  viewPublicPage: () => true,
  listAll: (actor: MaybeActor) => actor?.isOwner === true,
  create: (actor: MaybeActor) => actor?.isOwner === true,
  update: (actor: MaybeActor) => actor?.isOwner === true,
  viewPeople: (actor: MaybeActor, association: AssociationRef) => actor?.isOwner === true || hasRole(actor, association.id, "admin", "staff"),
  /** Staff work on the association's applicants: candidates, fees, transcripts. */
  actAsStaff: (actor: MaybeActor, association: AssociationRef) => actor?.isOwner === true || hasRole(actor, association.id, "staff", "admin"),
  manageRoles: (actor: MaybeActor, association: AssociationRef) => actor?.isOwner === true || hasRole(actor, association.id, "admin"),
};
